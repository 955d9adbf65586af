import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { splitSentences } from '../../text/sentences.js';
import { runExpert, textArtifact } from '../../test-support/run-expert.js';
import { compromiseTokenClassification } from './compromise-entities.js';
import { textRank, textRankSummarizer } from './textrank-summarizer.js';
import { vaderSentiment } from './vader-sentiment.js';

const ARTICLE = `The city council met on Tuesday to discuss the new library. The library will open next spring on Main Street.
It will hold more than forty thousand books and a large children's room. Council members said the library would also host evening classes.
The weather on Tuesday was cold. Funding for the library comes from a state grant and local donations. The mayor thanked the donors.`;

describe('sentences', () => {
  it('splits at sentence ends but not after abbreviations or initials', () => {
    assert.deepEqual(splitSentences('Dr. Smith met J. R. Jones. They talked! Did it help? Yes.'), ['Dr. Smith met J. R. Jones.', 'They talked!', 'Did it help?', 'Yes.']);
  });
});

describe('vader sentiment', () => {
  it('labels positive, negative and mixed text, sentence by sentence', async () => {
    const pos = await runExpert(vaderSentiment, { text: textArtifact('I love this phone. The screen is wonderful!') });
    assert.equal((pos.output.value as { label: string }).label, 'positive');
    const neg = await runExpert(vaderSentiment, { text: textArtifact('This was a terrible, horrible experience.') });
    assert.equal((neg.output.value as { label: string }).label, 'negative');
    const mixed = await runExpert(vaderSentiment, { text: textArtifact('The food was wonderful. The service was awful.') });
    assert.deepEqual((mixed.output.value as { sentences: Array<{ label: string }> }).sentences.map((s) => s.label), ['positive', 'negative']);
  });
});

describe('English-only text experts refuse another language instead of answering anyway', () => {
  // Before: VADER called a Spanish translation "neutral (compound 0.000)", with exit 0.
  const spanish = 'La biblioteca está cerrada el domingo. El jardín está cerrado para reparaciones.';
  it('by the language a translation gave its text', async () => {
    await assert.rejects(runExpert(vaderSentiment, { text: { ...textArtifact(spanish), language: 'es' } }), (e) => TroupeError.is(e, ErrorCode.UnsupportedLanguage) && /reads only English, and the text is Spanish/.test(e.message));
  });
  it('by the detected language of a text given with none', async () => {
    await assert.rejects(runExpert(compromiseTokenClassification, { text: textArtifact(spanish) }, { scheme: 'entities' }), (e) => TroupeError.is(e, ErrorCode.UnsupportedLanguage));
    // English, and a text too short to tell, are read as before.
    assert.equal(((await runExpert(vaderSentiment, { text: textArtifact('Great!') })).output.value as { label: string }).label, 'positive');
  });
});

describe('compromise token classification', () => {
  it('finds people, places, organisations, dates and money in order', async () => {
    const { output, note } = await runExpert(compromiseTokenClassification, {
      text: textArtifact('Marie Curie moved from Warsaw to Paris in 1891. On March 3rd 2024, Google paid $2.5 million to Acme Corp in London.'),
    });
    // The answer quotes the names, not how many there were; a step that reads the result as text gets the same.
    assert.match(note!, /^people: Marie Curie; places: Warsaw, Paris, London; organisations: /);
    assert.equal(output.words, `${note}.`);
    const entities = (output.value as { entities: Array<{ type: string; text: string }> }).entities;
    const of = (type: string) => entities.filter((e) => e.type === type).map((e) => e.text);
    assert.deepEqual(of('PERSON'), ['Marie Curie']);
    assert.deepEqual(of('PLACE'), ['Warsaw', 'Paris', 'London']);
    assert.ok(of('ORGANIZATION').includes('Google') && of('ORGANIZATION').includes('Acme Corp'), JSON.stringify(of('ORGANIZATION')));
    assert.equal(of('DATE').length, 2);
    assert.equal(of('MONEY').length, 1);
  });

  it('tags parts of speech', async () => {
    const { output } = await runExpert(compromiseTokenClassification, { text: textArtifact('The old man walks his dog.') }, { scheme: 'parts-of-speech' });
    const tokens = (output.value as { tokens: Array<{ text: string; tags: string[] }> }).tokens;
    assert.deepEqual(tokens.map((t) => t.text), ['The', 'old', 'man', 'walks', 'his', 'dog']);
    assert.deepEqual([1, 2, 3].map((i) => tokens[i]!.tags[0]), ['Adjective', 'Noun', 'Verb']);
  });
});

describe('TextRank summarizer', () => {
  it('summarises an unpunctuated transcript by spans, not as "1 of 1 sentences"', async () => {
    const transcript = Array.from({ length: 6 }, (_, i) => `the council met on tuesday and talked about the new library number ${i} and the opening hours for the residents of the street`).join(' ');
    const { output, note } = await runExpert(textRankSummarizer, { text: textArtifact(transcript) });
    assert.match(note!, /^\d+ of \d+ spans of about 20 words \(the text has no sentence punctuation/);
    assert.ok(String(output.value).length < transcript.length / 2, 'shorter than the transcript');
  });

  it('ranks the sentences about the main topic highest and the off-topic one out of the top three', () => {
    const sentences = splitSentences(ARTICLE);
    const scores = textRank(sentences);
    const top = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, i]) => sentences[i]!);
    assert.ok(top.every((s) => /library/i.test(s)), JSON.stringify(top));
  });

  it('keeps the number of sentences asked for, in their original order', async () => {
    const { output, note } = await runExpert(textRankSummarizer, { text: textArtifact(ARTICLE) }, { sentences: 2 });
    const kept = splitSentences(String(output.value));
    assert.equal(kept.length, 2);
    const all = splitSentences(ARTICLE);
    assert.ok(all.indexOf(kept[0]!) < all.indexOf(kept[1]!));
    assert.ok(kept.every((s) => /library/i.test(s)), String(output.value));
    assert.equal(note, '2 of 7 sentences');
  });

  it('fails clearly on empty text', async () => {
    await assert.rejects(runExpert(textRankSummarizer, { text: textArtifact('') }), (e) => TroupeError.is(e, ErrorCode.InputEmpty));
  });
});
