import type { Modality } from '../core/modality.js';
import { paramSpecs, type ParamSpec, type TaskType } from '../core/task-type.js';
import type { Catalog } from './catalog.js';

/**
 * What a task type does to the language of what flows through it, read off its
 * documentation schema (its modalities and its `format: "language"` parameters), so that
 * an imported type documented the same way gets the same effects with no hand work:
 *  - text → text with a language parameter sets the output's language (translation); a
 *    second language parameter, named or described as the source, names the input's;
 *  - image or audio → text with a language parameter reads a source in that language, and
 *    the text keeps it (OCR, speech recognition);
 *  - text → audio with a language parameter speaks with a voice of that language, which
 *    should be the text's (text-to-speech);
 *  - text → text with none keeps the input's language (summarization);
 *  - image, audio or video → a structured result names what it saw or heard in English
 *    words (object labels, emotions, segments): the words a later step speaks or translates.
 */
export interface LanguageEffects {
  /** The parameter that sets the output's language, and the one naming the input's, if any. */
  sets?: { target: string; source?: string };
  /** The parameter naming the language of the image or speech it reads, and its default. */
  reads?: { param: string; default?: string };
  /** The parameter choosing the voice's language. */
  voice?: string;
  /** Text in, text out, no language of its own: the output's language is the input's. */
  keeps?: boolean;
  /** The input slot that takes text, where it has one. */
  textInput?: string;
  /** A structured result of a picture, a sound or a video, whose words are in this language. */
  labels?: string;
}

const SOURCE = /\bsource\b|\bof the (?:input|text|original)\b|\bfrom\b/i;

function languageParams(type: TaskType): ParamSpec[] {
  return paramSpecs(type).filter((p) => p.format === 'language');
}

const cache = new WeakMap<TaskType, LanguageEffects>();

export function languageEffects(type: TaskType): LanguageEffects {
  let effects = cache.get(type);
  if (effects) return effects;
  const ins: Modality[] = type.inputs.map((i) => i.modality);
  const out = type.output.modality;
  const params = languageParams(type);
  const textInput = type.inputs.find((i) => i.modality === 'text')?.name;
  effects = textInput ? { textInput } : {};
  if (ins.length === 1 && textInput && out === 'text') {
    const source = params.find((p) => SOURCE.test(`${p.name.replace(/_/g, ' ')} ${p.description ?? ''}`));
    const target = params.find((p) => p !== source);
    if (target) effects.sets = { target: target.name, ...(source ? { source: source.name } : {}) };
    else if (params.length === 0) effects.keeps = true;
  } else if (out === 'text' && ins.length > 0 && ins.every((m) => m === 'image' || m === 'audio') && params[0]) {
    effects.reads = { param: params[0].name, ...(typeof params[0].default === 'string' ? { default: params[0].default } : {}) };
  } else if (textInput && out === 'audio' && params[0]) {
    effects.voice = params[0].name;
  } else if (out === 'json' && ins.length > 0 && ins.every((m) => m === 'image' || m === 'audio' || m === 'video')) {
    effects.labels = 'en';
  }
  cache.set(type, effects);
  return effects;
}

/**
 * The languages the experts of a type serve, from their catalog entries; undefined when
 * that is not known (no experts, as in a benchmark's tool list, or one that lists none).
 */
export function servedLanguages(catalog: Catalog, type: string): ReadonlySet<string> | undefined {
  const experts = catalog.expertsFor(type);
  if (experts.length === 0 || experts.some((e) => e.entry.languages.length === 0)) return undefined;
  return new Set(experts.flatMap((e) => e.entry.languages));
}
