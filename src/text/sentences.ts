/**
 * Sentence boundaries: a full stop, question or exclamation mark, or a line break,
 * followed by space — not after common abbreviations or single initials.
 */
const ABBREVIATIONS = /\b(?:mr|mrs|ms|dr|prof|sr|jr|st|vs|etc|e\.g|i\.e|inc|ltd|co|no|fig|[a-z])\.$/i;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let current = '';
  const parts = text.replace(/\r/g, '').split(/(?<=[.!?…])\s+|\n\s*\n|\n(?=[A-Z0-9"“])/);
  for (const part of parts) {
    current = current ? `${current} ${part}` : part;
    if (!ABBREVIATIONS.test(current.trim())) {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
