import { ExpertEntrySchema, type Availability, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { findLanguage } from '../../text/languages.js';
import { aptFix, checkPrograms } from './debian-fix.js';
import { prepareImage } from './prepare-image.js';
import { runProgram } from './run-program.js';
import { textOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/tesseract-ocr',
  name: 'Tesseract OCR',
  task: 'ocr',
  description: 'Tesseract 5 LSTM optical character recognition of printed text in photos, scans and screenshots; runs offline on the CPU.',
  provider: { kind: 'local', program: 'tesseract' },
  resourceClass: 'vision',
  languages: ['en'],
  license: 'Apache-2.0',
  source: 'https://github.com/tesseract-ocr/tesseract (Debian tesseract-ocr)',
  usage: 'tesseract image.png stdout -l eng',
  popularity: 100,
  requires: { debian: ['tesseract-ocr', 'tesseract-ocr-eng'], commands: ['tesseract'] },
});

async function installedLanguages(signal?: AbortSignal): Promise<string[]> {
  const { stdout } = await runProgram('tesseract', ['--list-langs'], { expert: entry.id, ...(signal ? { signal } : {}) });
  return stdout.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
}

export const tesseractOcr: Expert = {
  entry,
  async check(): Promise<Availability> {
    const programs = await checkPrograms(entry);
    if (!programs.runnable) return programs;
    const langs: string[] = await installedLanguages().catch(() => []);
    if (!langs.includes('eng')) return { runnable: false, reason: 'tesseract has no English language data', fix: aptFix(['tesseract-ocr-eng']) };
    return { runnable: true };
  },
  async run(ctx) {
    const requested = typeof ctx.params.language === 'string' ? ctx.params.language : 'en';
    const lang = findLanguage(requested);
    const langs = await installedLanguages(ctx.signal);
    const code = lang?.iso3 ?? requested;
    if (!langs.includes(code)) {
      throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: no tesseract data for language "${requested}" (installed: ${langs.filter((l) => l !== 'osd').join(', ')})`, {
        hint: `install it with: sudo apt-get install tesseract-ocr-${code}`,
      });
    }
    const image = await prepareImage(ctx.inputs.image, entry.id, ctx.scratchDir);
    // --psm 3 (automatic page segmentation) suits signs and documents alike.
    const { stdout } = await runProgram('tesseract', [image.path, 'stdout', '-l', code, '--psm', '3'], { expert: entry.id, signal: ctx.signal });
    const text = stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
    if (!text) {
      throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: found no text in the image`, { hint: 'if it has text, use a sharper or larger image whose text is horizontal' });
    }
    return textOutput(ctx, text, `tesseract, language ${code}`, lang?.code);
  },
};
