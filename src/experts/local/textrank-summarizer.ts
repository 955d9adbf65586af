import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { splitSentences } from '../../text/sentences.js';
import { terms } from '../../text/tokenize.js';
import { requireText } from '../shared/require-text.js';
import { textOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/textrank-summarizer',
  name: 'TextRank extractive summarizer',
  task: 'summarization',
  description: 'Extractive summary: ranks sentences by TextRank (PageRank over sentence similarity) and keeps the most central ones in their original order. Any language with spaces between words.',
  provider: { kind: 'local' },
  resourceClass: 'text',
  license: 'MIT',
  source: 'Mihalcea & Tarau, TextRank (2004); implemented in Troupe',
  usage: 'summarize(text, { sentences: 3 })',
  popularity: 50,
});

/** Sentence similarity from TextRank: shared words over the log of the lengths. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

/** Words per span when a text has no sentences to rank (a transcript from speech recognition). */
const SPAN_WORDS = 20;

/**
 * What the summary is made of: sentences, or — for a run-on text of more than two spans'
 * worth of words with no sentence punctuation, which would otherwise be "1 of 1 sentences",
 * the whole text — spans of about 20 words.
 */
export function summaryUnits(text: string): { sentences: string[]; unpunctuated: boolean } {
  const sentences = splitSentences(text);
  let unpunctuated = false;
  const units = sentences.flatMap((sentence) => {
    const words = sentence.split(/\s+/).filter(Boolean);
    if (words.length <= 2 * SPAN_WORDS || /[.!?…;]\s/.test(sentence)) return [sentence];
    unpunctuated = true;
    const spans: string[] = [];
    for (let i = 0; i < words.length; i += SPAN_WORDS) spans.push(words.slice(i, i + SPAN_WORDS).join(' '));
    return spans;
  });
  return { sentences: units, unpunctuated };
}

export function textRank(sentences: string[], iterations = 50, damping = 0.85): number[] {
  const bags = sentences.map((s) => new Set(terms(s)));
  const n = sentences.length;
  const w = bags.map((a, i) => bags.map((b, j) => (i === j ? 0 : similarity(a, b))));
  const outSum = w.map((row) => row.reduce((s, x) => s + x, 0));
  let score = new Array<number>(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    score = score.map((_, i) => 1 - damping + damping * w.reduce((s, row, j) => s + (outSum[j] ? (row[i]! / outSum[j]!) * score[j]! : 0), 0));
  }
  return score;
}

export const textRankSummarizer: Expert = {
  entry,
  async check() {
    return { runnable: true };
  },
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id, 1_000_000);
    const { sentences, unpunctuated } = summaryUnits(text);
    const wanted = Math.max(1, Math.min(sentences.length, Number(ctx.params.sentences) || Math.min(5, Math.ceil(sentences.length / 3))));
    const scores = textRank(sentences);
    const keep = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]).slice(0, wanted).map(([, i]) => i).sort((a, b) => a - b);
    const summary = keep.map((i) => sentences[i]).join(' ');
    const unit = unpunctuated ? `spans of about ${SPAN_WORDS} words (the text has no sentence punctuation, as speech recognition writes it)` : 'sentences';
    return textOutput(ctx, summary, `${keep.length} of ${sentences.length} ${unit}`, ctx.inputs.text?.language);
  },
};
