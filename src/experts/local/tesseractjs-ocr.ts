import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { prepareImage } from './prepare-image.js';
import { textOutput } from '../shared/write-output.js';
import { askedLanguage } from '../shared/params.js';

const require = createRequire(import.meta.url);

/** The English model shipped by @tesseract.js-data/eng: never downloaded. */
function langPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

const entry = ExpertEntrySchema.parse({
  id: 'local/tesseractjs-ocr',
  name: 'tesseract.js OCR',
  task: 'ocr',
  description: 'Tesseract compiled to WebAssembly (tesseract.js) with the English LSTM model from npm: OCR with no system packages, the fallback when Debian tesseract is missing or fails.',
  provider: { kind: 'local' },
  resourceClass: 'vision',
  languages: ['en'],
  license: 'Apache-2.0',
  source: 'https://github.com/naptha/tesseract.js (npm tesseract.js, @tesseract.js-data/eng)',
  usage: "createWorker('eng', 1, { langPath, cacheMethod: 'none' })",
  popularity: 60,
});

/**
 * Below this mean word confidence (0–100) what tesseract reads is marks, not text: on the
 * fixtures, the sign's text reads at 95, a photo of coffee cups and one of an astronaut
 * with no text at 38 and 45. Tesseract's own guidance treats words under 60 as unreliable.
 */
const MIN_CONFIDENCE = 60;

export const tesseractJsOcr: Expert = {
  entry,
  async check() {
    try {
      if (!existsSync(join(langPath(), 'eng.traineddata.gz'))) throw new Error('eng.traineddata.gz is missing');
      require.resolve('tesseract.js');
      return { runnable: true };
    } catch (error) {
      return { runnable: false, reason: `tesseract.js or its English model is not installed (${(error as Error).message})`, fix: 'npm ci' };
    }
  },
  async run(ctx) {
    const asked = askedLanguage(ctx.params) ?? 'en';
    if (asked !== 'en') throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: only the English model is installed, not "${asked}"`);
    const image = await prepareImage(ctx.inputs.image, entry.id, ctx.scratchDir);
    const { createWorker } = await import('tesseract.js');
    // cacheMethod 'none' and a local langPath: no network, no cache files written (its defaults download
    // the language data and cache it).
    // A worker per call: a live worker thread would keep the process from exiting.
    const worker = await createWorker('eng', 1, { langPath: langPath(), cacheMethod: 'none', gzip: true, logger: () => {} });
    const onAbort = () => void worker.terminate();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const { data } = await worker.recognize(image.path);
      const text = data.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
      if (!text) throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: found no text in the image`, { hint: 'if it has text, use a sharper or larger image whose text is horizontal' });
      if (data.confidence < MIN_CONFIDENCE) {
        throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: found no legible text in the image (only marks read at confidence ${Math.round(data.confidence)} of 100: "${text.replace(/\s+/g, ' ').slice(0, 40)}")`, {
          hint: 'if it has text, use a sharper or larger image whose text is horizontal',
        });
      }
      return textOutput(ctx, text, `tesseract.js (WASM), confidence ${Math.round(data.confidence)}`, 'en');
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      await worker.terminate();
    }
  },
};
