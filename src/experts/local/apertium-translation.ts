import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { detectLanguage } from '../../text/detect-language.js';
import { findLanguage, languageName } from '../../text/languages.js';
import { installedModes, route, type ApertiumMode } from './apertium-pairs.js';
import { aptFix, checkPrograms } from './debian-fix.js';
import { requireText } from '../shared/require-text.js';
import { runProgram } from './run-program.js';
import { textOutput } from '../shared/write-output.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/apertium-translation',
  name: 'Apertium machine translation',
  task: 'translation',
  description: 'Rule-based machine translation with Apertium for the language pairs installed on this machine (by default English↔Spanish, English↔Catalan, French↔Spanish, Spanish↔Portuguese); pivots through a shared language when no direct pair exists.',
  provider: { kind: 'local', program: 'apertium' },
  resourceClass: 'text',
  languages: ['en', 'es', 'ca', 'fr', 'pt'],
  license: 'GPL-3.0',
  source: 'https://www.apertium.org (Debian apertium and its eng-spa, eng-cat, fr-es, es-pt pairs)',
  usage: 'apertium -u eng-spa input.txt output.txt',
  popularity: 80,
  requires: { debian: ['apertium', 'apertium-eng-spa', 'apertium-eng-cat', 'apertium-fr-es', 'apertium-es-pt'], commands: ['apertium'] },
});

function code(param: unknown, what: string): string | undefined {
  if (param === undefined || param === null || param === '') return undefined;
  const lang = findLanguage(String(param));
  if (!lang) throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: unknown ${what} language "${String(param)}"`, { hint: 'name the language in English (e.g. "Spanish") or by ISO 639-1 code (e.g. "es")' });
  return lang.code;
}

function pairsList(modes: ApertiumMode[]): string {
  return modes.map((m) => `${m.source}→${m.target}`).join(', ') || 'none';
}

export const apertiumTranslation: Expert = {
  entry,
  async check() {
    const programs = await checkPrograms(entry);
    if (!programs.runnable) return programs;
    const modes = await installedModes().catch(() => []);
    if (modes.length === 0) return { runnable: false, reason: 'apertium has no language pairs installed', fix: aptFix(['apertium-eng-spa']) };
    return { runnable: true, reason: `pairs: ${pairsList(modes)}` };
  },
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id);
    const target = code(ctx.params.target_language, 'target');
    if (!target) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no target language was given`, { hint: 'say which language to translate into, e.g. "into Spanish"' });
    const modes = await installedModes(ctx.signal);
    const sources = [...new Set(modes.map((m) => m.source))];
    let source = code(ctx.params.source_language, 'source') ?? ctx.inputs.text?.language;
    let detected = false;
    if (!source) {
      source = (await detectLanguage(text, sources))?.code;
      detected = true;
      if (!source) throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: could not tell the language of the text`, { hint: 'give the source language, e.g. "from English"' });
    }
    const from = detected ? `${languageName(source)} (detected)` : languageName(source);
    if (source === target) {
      return textOutput(ctx, text, `the text is already in ${languageName(target)}; left unchanged`, target);
    }
    const steps = route(modes, source, target);
    if (!steps) {
      throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: no Apertium pair translates ${languageName(source)} into ${languageName(target)} on this machine (installed: ${pairsList(modes)})`, {
        hint: 'install the pair\'s Debian package (apt-cache search apertium) or configure a remote translation expert',
      });
    }
    let current = text;
    for (const [i, step] of steps.entries()) {
      // apertium reads /dev/stdin, which is a socket under Node's spawn: go through files.
      const inFile = join(ctx.scratchDir, `in-${i}.txt`);
      const outFile = join(ctx.scratchDir, `out-${i}.txt`);
      await writeFile(inFile, current + '\n');
      await runProgram('apertium', ['-u', step.mode, inFile, outFile], { expert: entry.id, signal: ctx.signal });
      current = (await readFile(outFile, 'utf8')).trim();
    }
    const via = steps.length > 1 ? `, pivoting through ${languageName(steps[0]!.target)} (no direct pair)` : '';
    return textOutput(ctx, current, `${from} → ${languageName(target)} with apertium ${steps.map((s) => s.mode).join(' + ')}${via}`, target);
  },
};
