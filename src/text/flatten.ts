/** Any JSON value as plain words for indexing. */
export function flatten(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(flatten).join(' ');
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} ${flatten(v)}`).join(' ');
}
