import { open } from 'node:fs/promises';
import type { SniffedFile } from '../core/modality.js';
import { detectLanguages } from '../text/detect-language.js';
import { analyzeRequest } from './request-analysis.js';
import type { LanguageOf } from './reach-language-goal.js';

/** How much of a text file is read to tell its language. */
const HEAD_BYTES = 4096;

/**
 * The languages of what a request gives as text (its quotes, its text files), told before
 * planning so that the planner can see whether a wanted language is already there. The
 * likeliest of `among` (the languages the catalog's experts serve) is taken even when a
 * short text leaves it uncertain: the question is only whether the text is already in the
 * wanted language, and a guess among the languages that can be served answers it better
 * than none.
 */
export async function givenLanguages(request: string, files: ReadonlyMap<string, SniffedFile>, among?: readonly string[]): Promise<LanguageOf> {
  const known = new Map<string, string>();
  const texts: Array<[string, string]> = analyzeRequest(request).quotes.map((q) => [q, q]);
  for (const [path, file] of files) {
    if (file.modality !== 'text') continue;
    const handle = await open(path, 'r').catch(() => undefined);
    if (!handle) continue;
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
      texts.push([path, buffer.subarray(0, bytesRead).toString('utf8')]);
    } finally {
      await handle.close();
    }
  }
  for (const [key, text] of texts) {
    const [language] = await detectLanguages(text, { ...(among?.length ? { only: [...among] } : {}), limit: 1 }).catch(() => []);
    if (language) known.set(key, language.code);
  }
  return (text) => known.get(text);
}
