import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { requireProgram } from '../../test-support/programs.js';
import { EXAMPLE_SIGN, runExpert, textArtifact } from '../../test-support/run-expert.js';
import { parseApertiumModes, route } from './apertium-pairs.js';
import { apertiumTranslation } from './apertium-translation.js';
import { espeakTts } from './espeak-tts.js';
import { parseEspeakVoices, voiceFor } from './espeak-voices.js';
import { eldLanguageId } from './eld-language-id.js';
import { tesseractOcr } from './tesseract-ocr.js';

const SIGN = EXAMPLE_SIGN;
const text = textArtifact;

describe('apertium pairs', () => {
  const modes = parseApertiumModes('  eng-spa\n  spa-eng\n  spa-eng_US\n  es-pt\n  fr-es\n  cat-ita\n');
  it('reads modes in ISO 639-3 and 639-1 spellings, preferring plain modes over variants', () => {
    assert.deepEqual(modes.map((m) => `${m.source}>${m.target}:${m.mode}`), ['en>es:eng-spa', 'es>en:spa-eng', 'es>pt:es-pt', 'fr>es:fr-es', 'ca>it:cat-ita']);
  });
  it('routes directly, through a pivot, or not at all', () => {
    assert.deepEqual(route(modes, 'en', 'es')?.map((m) => m.mode), ['eng-spa']);
    assert.deepEqual(route(modes, 'en', 'pt')?.map((m) => m.mode), ['eng-spa', 'es-pt']);
    assert.equal(route(modes, 'pt', 'fr'), undefined);
  });
});

describe('espeak voices', () => {
  it("parses the voice list and picks the voice espeak ranks first for the language, or the accent asked for", () => {
    // Lines as Debian's espeak-ng 1.51 lists them: its own priority for a language decides.
    const voices = parseEspeakVoices(
      [
        'Pty Language       Age/Gender VoiceName          File                 Other Languages',
        ' 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)',
        ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
        ' 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)',
        ' 5  en-029          --/M      English_(Caribbean) gmw/en-029           (en 10)',
        ' 5  es              --/M      Spanish_(Spain)    roa/es',
      ].join('\n'),
    );
    assert.deepEqual(voices.map((v) => v.tag), ['en-gb', 'en-us', 'en-us', 'en-029', 'es']);
    assert.equal(voiceFor(voices, 'es'), 'es');
    assert.equal(voiceFor(voices, 'en'), 'en-gb', 'espeak ranks its British voice first for English, and the Caribbean one last');
    assert.equal(voiceFor(voices, 'en', { accent: 'american' }), 'en-us');
    assert.equal(voiceFor(voices, 'en', { gender: 'female' }), 'en-gb+f3');
    assert.equal(voiceFor(voices, 'xx'), undefined);
  });
});

describe('ELD language identification', () => {
  it('identifies French with candidates', async () => {
    const { output } = await runExpert(eldLanguageId, { text: text('Bonjour tout le monde, comment allez-vous aujourd’hui ?') });
    assert.equal((output.value as { language: string }).language, 'fr');
  });
  it('fails clearly on empty text', async () => {
    await assert.rejects(runExpert(eldLanguageId, { text: text('   ') }), (e) => TroupeError.is(e, ErrorCode.InputEmpty));
  });

  it('tells ordinary English sentences as English, and a short French greeting as French', async () => {
    // Each of these came out as another language with franc: Hawaiian, Scots, French, Spanish.
    const cases: Array<[string, string]> = [
      ['Please call me back when you get home tonight', 'en'],
      ['Turn left at the old church and walk two blocks', 'en'],
      ['I would like two coffees and a croissant please', 'en'],
      ['Bienvenue à Paris', 'fr'],
    ];
    for (const [sentence, language] of cases) {
      const { output } = await runExpert(eldLanguageId, { text: text(sentence) });
      assert.equal((output.value as { language: string }).language, language, sentence);
    }
  });

});

describe('tesseract OCR', { skip: requireProgram('tesseract') }, () => {
  it('reads the example sign', async () => {
    const { output } = await runExpert(tesseractOcr, { image: { kind: 'image', mime: 'image/png', path: SIGN } });
    assert.equal(output.value, 'The library is closed on Sunday.\nThe garden is closed for repairs.');
    assert.equal(await readFile(output.path!, 'utf8'), `${output.value}\n`);
  });
  it('fails clearly on a corrupt image', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-bad-'));
    const bad = join(dir, 'bad.png');
    await writeFile(bad, Buffer.concat([(await readFile(SIGN)).subarray(0, 200)]));
    await assert.rejects(runExpert(tesseractOcr, { image: { kind: 'image', mime: 'image/png', path: bad } }), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && /local\/tesseract-ocr/.test(e.message));
  });
});

describe('apertium translation', { skip: requireProgram('apertium') }, () => {
  it('translates English into Spanish, detecting the source', async () => {
    const r = await runExpert(apertiumTranslation, { text: text('The library is closed on Sunday.') }, { target_language: 'es' });
    assert.equal(r.output.value, 'La biblioteca está cerrada el domingo.');
    assert.match(r.note!, /English \(detected\) → Spanish/);
  });
  it('pivots through Spanish when there is no direct pair, and says so', async () => {
    const r = await runExpert(apertiumTranslation, { text: text('The library is closed on Sunday.') }, { target_language: 'pt', source_language: 'en' });
    assert.match(String(r.output.value), /biblioteca/);
    assert.match(r.note!, /eng-spa \+ es-pt, pivoting through Spanish \(no direct pair\)/);
    assert.equal(r.output.language, 'pt');
  });

  it('refuses a pair that is not installed, listing those that are', async () => {
    await assert.rejects(
      runExpert(apertiumTranslation, { text: text('The library is closed on Sunday.') }, { target_language: 'ja' }),
      (e) => TroupeError.is(e, ErrorCode.UnsupportedLanguage) && /installed: .*en→es/.test(e.message),
    );
  });
});

describe('espeak-ng speech', { skip: requireProgram('espeak-ng') }, () => {
  it('speaks Spanish with the Spanish voice when the producer says the text is Spanish', async () => {
    const r = await runExpert(espeakTts, { text: { ...text('La biblioteca está cerrada el domingo.'), language: 'es' } });
    const wav = await readFile(r.output.path!);
    assert.equal(wav.subarray(0, 4).toString('latin1'), 'RIFF');
    assert.equal(wav.subarray(8, 12).toString('latin1'), 'WAVE');
    assert.ok((await stat(r.output.path!)).size > 22050, 'at least half a second of audio');
    assert.match(r.note!, /voice es \(Spanish, language of the input\)/);
  });

  it('detects the language of a text, and falls back to English when a word cannot be told', async () => {
    const long = await runExpert(espeakTts, { text: text('La biblioteca está cerrada el domingo y el jardín está cerrado para reparaciones.') });
    assert.match(long.note!, /voice es \(Spanish, detected from the text\)/);
    const short = await runExpert(espeakTts, { text: text('Hello') });
    assert.match(short.note!, /English, default; the language could not be told/);
  });

  it('speaks English with the voice espeak ranks first for it, not the first regional one, and honours an accent or a female voice', async () => {
    const english = await runExpert(espeakTts, { text: { ...text('Please call me back when you get home tonight.'), language: 'en' } });
    assert.match(english.note!, /^voice en-gb \(English/, 'not the Caribbean en-029');
    const american = await runExpert(espeakTts, { text: { ...text('Mind the gap.'), language: 'en' } }, { accent: 'american', gender: 'female' });
    const told = await runExpert(espeakTts, { text: text('Please call me back when you get home tonight.') });
    assert.match(told.note!, /^voice en-gb \(English, detected from the text\)/, 'English told as English, with no language given');
    assert.match(american.note!, /^voice en-us\+f3 /);
  });
});
