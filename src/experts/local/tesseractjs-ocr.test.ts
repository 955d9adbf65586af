import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { EXAMPLE_SIGN, runExpert } from '../../test-support/run-expert.js';
import { tesseractJsOcr } from './tesseractjs-ocr.js';

describe('tesseract.js OCR (WASM, model from npm)', () => {
  it('reads the example sign with no system packages', async () => {
    assert.deepEqual(await tesseractJsOcr.check(), { runnable: true });
    const { output } = await runExpert(tesseractJsOcr, { image: { kind: 'image', mime: 'image/png', path: EXAMPLE_SIGN } });
    assert.equal(output.value, 'The library is closed on Sunday.\nThe garden is closed for repairs.');
  });
  it('says it found no legible text in a photo with none, instead of passing marks off as text', async () => {
    const photo = fileURLToPath(new URL('../../../test-fixtures/coffee.jpg', import.meta.url));
    await assert.rejects(runExpert(tesseractJsOcr, { image: { kind: 'image', mime: 'image/jpeg', path: photo } }), (e) => TroupeError.is(e, ErrorCode.NothingFound) && /no legible text .* confidence \d+ of 100/.test(e.message));
  });
  it('refuses languages it has no model for', async () => {
    await assert.rejects(runExpert(tesseractJsOcr, { image: { kind: 'image', mime: 'image/png', path: EXAMPLE_SIGN } }, { language: 'fr' }), (e) => TroupeError.is(e, ErrorCode.UnsupportedLanguage));
  });
});
