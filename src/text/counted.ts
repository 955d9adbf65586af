/** "a cup", "2 cups", "3 people": a count of a thing in words. */
export function counted(n: number, noun: string): string {
  if (n === 1) return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
  const plural = IRREGULAR[noun] ?? (/(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);
  return `${n} ${plural}`;
}

const IRREGULAR: Record<string, string> = { person: 'people', mouse: 'mice', knife: 'knives', sheep: 'sheep', skis: 'skis', scissors: 'scissors' };

/** "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
