/** How the page shows one output: a picture, a player, text, or a table for a structured result. */
export type Shown =
  | { as: 'image' | 'audio' | 'video'; url: string }
  | { as: 'text'; text: string }
  | { as: 'table'; columns: string[]; rows: string[][]; caption?: string }
  | { as: 'file'; url: string };

/** A cell in words: numbers rounded, boxes as x, y, w, h, anything nested as short JSON. */
function cell(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value.map(cell).join(', ');
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/** Rows from a structured result: a list of records, or the one list of records an object holds ({faces: [...]}). */
export function tableOf(value: unknown): { columns: string[]; rows: string[][]; caption?: string } | undefined {
  let list = value;
  let caption: string | undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const lists = Object.entries(value).filter(([, v]) => Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && !Array.isArray(x)));
    if (lists.length !== 1) return undefined;
    [caption, list] = lists[0]!;
  }
  if (!Array.isArray(list) || list.length === 0 || !list.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return undefined;
  const columns = [...new Set(list.flatMap((x) => Object.keys(x as object)))];
  return { columns, rows: list.map((x) => columns.map((c) => cell((x as Record<string, unknown>)[c]))), ...(caption ? { caption } : {}) };
}

export function shown(output: { kind: string; mime: string; value?: unknown; url?: string }): Shown | undefined {
  if (output.kind === 'image' || output.kind === 'audio' || output.kind === 'video') return output.url ? { as: output.kind, url: output.url } : undefined;
  let value = output.value;
  if (output.kind === 'json' && typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      /* shown as the text it is */
    }
  }
  if (typeof value === 'string') return { as: 'text', text: value };
  const table = tableOf(value);
  if (table) return { as: 'table', ...table };
  if (value !== undefined) return { as: 'text', text: JSON.stringify(value, null, 2) };
  return output.url ? { as: 'file', url: output.url } : undefined;
}

/**
 * The answer with each path of a file the page can fetch turned into a link named by the
 * file alone: the answer names files by their path on the server's disk, which the page
 * cannot open, while it knows each file's URL.
 */
export function linkFiles(answer: string, files: Array<{ url: string; name: string }>): Array<string | { url: string; name: string }> {
  if (!files.length) return [answer];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byName = new Map(files.map((f) => [f.name, f]));
  const pattern = new RegExp(`[^\\s\\[\\],]*?(?:^|/)?(${[...byName.keys()].map(escape).join('|')})(?=[\\],\\s]|$)`, 'g');
  const parts: Array<string | { url: string; name: string }> = [];
  let at = 0;
  for (const m of answer.matchAll(pattern)) {
    parts.push(answer.slice(at, m.index));
    parts.push(byName.get(m[1]!)!);
    at = m.index! + m[0].length;
  }
  parts.push(answer.slice(at));
  return parts.filter((p) => p !== '');
}
