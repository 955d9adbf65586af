import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectLanguage, detectLanguages } from '../text/detect-language.js';

/** The sentences (language, text) the measure uses: everyday sentences of 20–200 characters, written for it. */
export const LANGUAGE_ID_SENTENCES = fileURLToPath(new URL('../../test-fixtures/language-id/sentences.tsv', import.meta.url));

export function readSentences(path = LANGUAGE_ID_SENTENCES): Array<{ language: string; text: string }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [language, text] = l.split('\t');
      return { language: language!, text: text! };
    });
}

/** Accuracy by language of the language-identification expert's answer (its best candidate) and of the speech experts' (`detectLanguage`, which may say it cannot tell). */
export async function measureLanguageId(sentences = readSentences()) {
  const rows = new Map<string, { n: number; best: number; told: number; untold: number }>();
  const wrong: string[] = [];
  for (const s of sentences) {
    const row = rows.get(s.language) ?? { n: 0, best: 0, told: 0, untold: 0 };
    rows.set(s.language, row);
    row.n++;
    const [best] = await detectLanguages(s.text, { limit: 1 });
    if (best?.code === s.language) row.best++;
    else wrong.push(`${s.language} → ${best?.code ?? 'none'}: ${s.text}`);
    const told = await detectLanguage(s.text);
    if (told === undefined) row.untold++;
    else if (told.code === s.language) row.told++;
  }
  return { rows, wrong };
}

/** `npm run bench language-id [-- --wrong]`: accuracy of language identification on the written sentences. */
export async function benchLanguageId(args: string[]): Promise<number> {
  const { rows, wrong } = await measureLanguageId();
  process.stdout.write('language     n   identified   speech (told right / could not tell)\n');
  let n = 0;
  let best = 0;
  for (const [language, r] of rows) {
    n += r.n;
    best += r.best;
    process.stdout.write(`${language.padEnd(8)} ${String(r.n).padStart(5)}   ${((r.best / r.n) * 100).toFixed(1).padStart(8)} %   ${((r.told / r.n) * 100).toFixed(1)} % / ${r.untold}\n`);
  }
  process.stdout.write(`all      ${String(n).padStart(5)}   ${((best / n) * 100).toFixed(1).padStart(8)} %\n`);
  if (args.includes('--wrong')) for (const w of wrong) process.stdout.write(`  ${w}\n`);
  return 0;
}
