import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { splitSentences } from '../../text/sentences.js';
import { requireEnglish } from '../shared/require-english.js';
import { requireText } from '../shared/require-text.js';
import { jsonOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/vader-sentiment',
  name: 'VADER sentiment',
  task: 'sentiment-analysis',
  description: 'Lexicon and rule-based sentiment of English text (VADER): positive, negative or neutral, with a compound score from -1 to 1, overall and per sentence.',
  provider: { kind: 'local' },
  resourceClass: 'text',
  languages: ['en'],
  license: 'Apache-2.0',
  source: 'https://github.com/cjhutto/vaderSentiment (npm vader-sentiment)',
  usage: "SentimentIntensityAnalyzer.polarity_scores('The food was great!')",
  popularity: 60,
});

// The thresholds VADER's authors recommend.
function label(compound: number): 'positive' | 'negative' | 'neutral' {
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
}

export const vaderSentiment: Expert = {
  entry,
  async check() {
    return { runnable: true };
  },
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id);
    await requireEnglish(ctx.inputs.text, text, entry.id, "sentiment by VADER's lexicon");
    const { default: vader } = await import('vader-sentiment'); // its lexicon loads on first use
    const overall = vader.SentimentIntensityAnalyzer.polarity_scores(text);
    const sentences = splitSentences(text).map((s) => {
      const scores = vader.SentimentIntensityAnalyzer.polarity_scores(s);
      return { text: s, label: label(scores.compound), compound: scores.compound };
    });
    const value = { label: label(overall.compound), ...overall, sentences };
    return jsonOutput(ctx, value, `${value.label} (compound ${overall.compound.toFixed(3)})`);
  },
};
