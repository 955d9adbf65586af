import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { detectLanguages } from '../../text/detect-language.js';
import { requireText } from '../shared/require-text.js';
import { jsonOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/eld-language-id',
  name: 'ELD language identification',
  task: 'language-identification',
  description: 'Identifies the language of a text among 60 languages from n-grams (Nito-ELD), with the likeliest candidates and their scores; offline, instant. A text of a word or two may be told wrong.',
  provider: { kind: 'local' },
  resourceClass: 'text',
  license: 'Apache-2.0',
  source: 'https://github.com/nitotm/efficient-language-detector-js (npm eld)',
  usage: "eld.detect('Hola, cómo te llamas?').language",
  popularity: 50,
});

export const eldLanguageId: Expert = {
  entry,
  async check() {
    return { runnable: true };
  },
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id);
    const candidates = await detectLanguages(text, { limit: 5 });
    const best = candidates[0];
    if (!best) {
      throw new TroupeError(ErrorCode.InputCorrupt, `${entry.id}: the text is too short to tell its language`, { hint: 'give at least a few words' });
    }
    const value = { language: best.code, name: best.name, confidence: best.confidence, candidates };
    return jsonOutput(ctx, value, `${best.name} (${best.code})`);
  },
};
