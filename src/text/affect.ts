import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** VADER's lexicon (C. Hutto, Apache-2.0, shipped by vader-sentiment): about 7,500 words rated for how they feel, −4 to 4. */
let lexicon: Record<string, number> | undefined;

/**
 * How strongly a word carries a feeling (0 if it carries none): "upset" −1.6, "friendly" 2.2,
 * "sharp" 0. A lexicon rated by people, so that the words that ask about a feeling are known
 * without listing them.
 */
export function valence(word: string): number {
  lexicon ??= (require('vader-sentiment/src/vader_lexicon.js') as { lexicon: Record<string, number> }).lexicon;
  return lexicon[word.toLowerCase()] ?? 0;
}
