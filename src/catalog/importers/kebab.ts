/** "Image Classification" → "image-classification"; "get_weather" → "get-weather". */
export function kebab(s: string): string {
  return s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A popularity prior from 0 to 100 from download and like counts (log scale). */
export function popularity(downloads = 0, likes = 0): number {
  return Math.min(100, Math.round(10 * Math.log10(1 + downloads) + 5 * Math.log10(1 + likes)));
}
