import type nlpType from 'compromise';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { requireEnglish } from '../shared/require-english.js';
import { requireText } from '../shared/require-text.js';
import { jsonOutput } from '../shared/write-output.js';

let loaded: Promise<typeof nlpType> | undefined;
/** compromise and its dates plugin take ~100 ms to load: only when this expert first runs. */
function loadNlp(): Promise<typeof nlpType> {
  loaded ??= Promise.all([import('compromise'), import('compromise-dates')]).then(([{ default: nlp }, { default: dates }]) => {
    nlp.plugin(dates);
    return nlp;
  });
  return loaded;
}

const entry = ExpertEntrySchema.parse({
  id: 'local/compromise-token-classification',
  name: 'compromise entities and parts of speech',
  task: 'token-classification',
  description: 'Named entities (people, places, organisations, dates, money) and part-of-speech tags of English text with the compromise rule-based tagger; offline, fast.',
  provider: { kind: 'local' },
  resourceClass: 'text',
  languages: ['en'],
  license: 'MIT',
  source: 'https://github.com/spencermountain/compromise (npm compromise, compromise-dates)',
  usage: "nlp('Marie Curie moved to Paris').people().json()",
  popularity: 60,
});

type Doc = ReturnType<typeof nlpType>;
/** What the entity views have in common: json with offsets. */
type View = { json(options?: object): unknown };
interface Match {
  text: string;
  offset?: { start: number; length: number };
}

const KINDS: Array<[string, (d: Doc) => View]> = [
  ['PERSON', (d) => d.people()],
  ['PLACE', (d) => d.places()],
  ['ORGANIZATION', (d) => d.organizations()],
  ['DATE', (d) => (d as unknown as { dates(): View }).dates()],
  ['MONEY', (d) => d.money()],
];

const KIND_WORDS: Record<string, string> = { PERSON: 'people', PLACE: 'places', ORGANIZATION: 'organisations', DATE: 'dates', MONEY: 'amounts' };

const clean = (s: string) => s.replace(/^[\s"'“(]+|[\s.,;:!?"'”)]+$/g, '');

export const compromiseTokenClassification: Expert = {
  entry,
  async check() {
    return { runnable: true };
  },
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id);
    await requireEnglish(ctx.inputs.text, text, entry.id, 'the compromise tagger');
    const scheme = String(ctx.params.scheme ?? 'entities');
    const nlp = await loadNlp();
    const doc = nlp(text);
    if (scheme === 'parts-of-speech') {
      const tokens = (doc.terms().json() as Array<{ text: string; terms: Array<{ tags: string[] }> }>).map((t) => ({ text: clean(t.text), tags: t.terms[0]?.tags ?? [] }));
      return jsonOutput(ctx, { scheme, tokens }, `${tokens.length} tokens tagged`);
    }
    if (scheme !== 'entities') throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: unknown scheme "${scheme}"`, { hint: 'use "entities" or "parts-of-speech"' });
    const entities = KINDS.flatMap(([type, pick]) =>
      (pick(doc).json({ offset: true }) as Match[]).map((m) => ({ type, text: clean(m.text), start: m.offset?.start ?? null })),
    ).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    // The names themselves, by kind, each once: what was asked for, not how many there were.
    const named = KINDS.map(([type]) => [type, [...new Set(entities.filter((e) => e.type === type).map((e) => e.text))]] as const).filter(([, names]) => names.length);
    const said = named.map(([type, names]) => `${KIND_WORDS[type]}: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}`).join('; ');
    return jsonOutput(ctx, { scheme, entities }, said || 'no entities found', said ? `${said}.` : 'No names, places, organisations, dates or amounts were found.');
  },
};
