import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { encoderAnswerSentence } from '../experts/local/encoder-answer-sentence.js';

/** The labelled set, kept as data in the source tree (read from src/ and dist/ alike). */
export const ANSWER_SET_PATH = fileURLToPath(new URL('../../src/bench/answers/answer-sentences.jsonl', import.meta.url));

const PassageSchema = z.object({
  id: z.string(),
  split: z.enum(['dev', 'aside']),
  text: z.string().min(1),
  /** `a`: words of the sentence that answers, or null when the text does not say. */
  questions: z.array(z.object({ q: z.string().min(1), a: z.string().nullable() })).min(1),
});

interface Tally {
  answerable: number;
  picked: number;
  unanswerable: number;
  declined: number;
  /** Answerable questions declined: the price of saying "no clear answer". */
  declinedAnswerable: number;
  firstSentence: number;
}

/**
 * `npm run bench answers [-- --split dev|aside|all]`: answer-sentence selection on a labelled
 * set written for it (src/bench/answers: 24 short texts, 96 questions, 18 the text does not
 * answer; no public QA set is reachable offline here). The expert is right on an answerable
 * question when it picks the sentence that holds the answer, and on an unanswerable one when it
 * says no sentence clearly answers. Baseline: always the first sentence.
 */
export async function benchAnswers(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { split: { type: 'string', default: 'all' } } });
  const passages = readFileSync(ANSWER_SET_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => PassageSchema.parse(JSON.parse(l)));
  const dir = mkdtempSync(join(tmpdir(), 'troupe-answers-'));
  const ask = async (text: string, question: string) =>
    String((await encoderAnswerSentence.run({ inputs: { text: { kind: 'text', mime: 'text/plain', value: text } }, params: { question }, signal: new AbortController().signal, scratchDir: dir, outputPath: (ext) => join(dir, `out.${ext}`) })).output.value);
  const bySplit = new Map<string, Tally>();
  for (const passage of passages) {
    if (values.split !== 'all' && passage.split !== values.split) continue;
    const t = bySplit.get(passage.split) ?? { answerable: 0, picked: 0, unanswerable: 0, declined: 0, declinedAnswerable: 0, firstSentence: 0 };
    bySplit.set(passage.split, t);
    for (const { q, a } of passage.questions) {
      let answer: string | undefined;
      try {
        answer = await ask(passage.text, q);
      } catch (error) {
        if (!TroupeError.is(error, ErrorCode.NothingFound)) throw error;
      }
      if (a === null) {
        t.unanswerable++;
        if (answer === undefined) t.declined++;
      } else {
        t.answerable++;
        if (answer === undefined) t.declinedAnswerable++;
        else if (answer.includes(a)) t.picked++;
        if (passage.text.split(/(?<=[.!?])\s+/)[0]!.includes(a)) t.firstSentence++;
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  for (const [split, t] of bySplit) {
    const right = t.picked + t.declined;
    const all = t.answerable + t.unanswerable;
    process.stdout.write(
      `${split.padEnd(6)} answerable ${t.answerable}: right sentence ${t.picked} (${pct(t.picked, t.answerable)}), said no clear answer ${t.declinedAnswerable}; ` +
        `not answered by the text ${t.unanswerable}: said so ${t.declined}; all right ${right} of ${all} (${pct(right, all)}); always the first sentence: ${t.firstSentence} of ${t.answerable}\n`,
    );
  }
  return 0;
}
