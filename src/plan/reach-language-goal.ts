import { languageEffects, servedLanguages, type LanguageEffects } from '../catalog/effects.js';
import type { Catalog } from '../catalog/catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { isFile, isRef, type Plan, type PlanTask } from '../core/plan.js';
import type { TaskType } from '../core/task-type.js';
import { languageName } from '../text/languages.js';
import { nextTaskId, renumber } from './renumber.js';
import type { LanguageGoals } from './language-goals.js';

/** The language of a given text (a quote, a text file), where it could be told before planning. */
export type LanguageOf = (text: string) => string | undefined;

/**
 * Makes a plan reach the language the request asks for, by the types' effects rather than
 * by words: the language of every text and speech is followed along the plan, and when the
 * result is not in the wanted language a type that sets a text's language is put where it
 * must be (before the voice that speaks it, or after the text), with the voice set to the
 * language it will speak. A wanted language is never taken for the language of what is
 * read or heard, unless the request says the source is in it. When no expert here serves
 * the wanted language, the plan fails with that goal named. A catalog whose types say
 * nothing about languages (TaskBench's tool lists) is left as it is.
 */
export function reachLanguageGoal(plan: Plan, catalog: Catalog, goals: LanguageGoals, languageOf: LanguageOf = () => undefined): { plan: Plan; notes: string[] } {
  const target = goals.target;
  if (!target || plan.tasks.length === 0) return { plan, notes: [] };
  const notes: string[] = [];
  const tasks = plan.tasks.map((t) => ({ ...t, args: { ...t.args } }));
  const typeOf = (t: PlanTask) => catalog.taskType(t.task);
  const effectsOf = (t: PlanTask): LanguageEffects => {
    const type = typeOf(t);
    return type ? languageEffects(type) : {};
  };

  // A wanted language is not what a reader reads or hears, unless the request says so.
  for (const t of tasks) {
    const reads = effectsOf(t).reads;
    if (reads && t.args[reads.param] === target && goals.source !== target) {
      delete t.args[reads.param];
      notes.push(`${t.id}: ${languageName(target)} is the language wanted for the result, not the language of the ${typeOf(t)?.inputs[0]?.modality ?? 'input'}`);
    }
  }

  const languages = new Map<string, string | undefined>();
  const languageOfValue = (value: unknown): string | undefined => {
    if (isRef(value)) return languages.get(value.ref);
    if (isFile(value)) return languageOf(value.file) ?? goals.source;
    if (typeof value === 'string') return languageOf(value) ?? goals.source;
    return undefined;
  };
  /** The language of each task's output, for the tasks whose output is language. */
  const follow = () => {
    languages.clear();
    for (const t of tasks) {
      const e = effectsOf(t);
      const input = e.textInput ? languageOfValue(t.args[e.textInput]) : undefined;
      if (e.sets) languages.set(t.id, typeof t.args[e.sets.target] === 'string' ? (t.args[e.sets.target] as string) : undefined);
      // A reader's default language is what it assumes, not what the picture or speech is in: a
      // request that wants the result in a language implies the source may not be in it.
      else if (e.reads) languages.set(t.id, typeof t.args[e.reads.param] === 'string' ? (t.args[e.reads.param] as string) : goals.source);
      else if (e.voice || e.keeps) languages.set(t.id, input);
      else if (e.labels) languages.set(t.id, e.labels);
    }
  };
  follow();

  // The result: the last task whose output is language (a text, or speech of a text).
  const result = [...tasks].reverse().find((t) => languages.has(t.id));
  if (!result) return { plan, notes: [] };
  const effects = effectsOf(result);
  let inserted = false;
  if (effects.sets) {
    requireServed(catalog, result.task, target);
    result.args[effects.sets.target] = target;
    if (effects.sets.source && goals.source) result.args[effects.sets.source] = goals.source;
  } else if (languages.get(result.id) !== target) {
    const setter = languageSetter(catalog, target);
    if (!setter) return { plan: { tasks }, notes };
    const sets = languageEffects(setter).sets!;
    const id = nextTaskId(tasks);
    const slot = languageEffects(setter).textInput!;
    if (effects.voice && effects.textInput) {
      // Speech in the wrong language: translate the text the voice was to speak, then speak that.
      const added: PlanTask = { id, task: setter.id, args: { [slot]: result.args[effects.textInput], [sets.target]: target }, deps: [] };
      result.args[effects.textInput] = { ref: id };
      tasks.splice(tasks.indexOf(result), 0, added);
    } else {
      tasks.splice(tasks.indexOf(result) + 1, 0, { id, task: setter.id, args: { [slot]: { ref: result.id }, [sets.target]: target }, deps: [] });
    }
    inserted = true;
    notes.push(`added ${setter.id} into ${languageName(target)}: the request wants the result in ${languageName(target)}`);
  }
  follow();
  // A voice speaks the language of its text.
  for (const t of tasks) {
    const e = effectsOf(t);
    const spoken = e.voice && e.textInput ? languageOfValue(t.args[e.textInput]) : undefined;
    if (e.voice && spoken) t.args[e.voice] = spoken;
  }
  return { plan: { tasks: inserted ? renumber(tasks) : tasks }, notes };
}

/** An error naming the goal when the experts of a type that sets the language do not serve it. */
function requireServed(catalog: Catalog, type: string, target: string): void {
  const served = servedLanguages(catalog, type);
  if (served && !served.has(target)) throw noneServes(target, [...served]);
}

function noneServes(target: string, offered: readonly string[]): TroupeError {
  return new TroupeError(ErrorCode.NoExpert, `nothing here can give the result in ${languageName(target)}: the experts that set a text's language serve ${offered.map(languageName).join(', ')}`, {
    hint: 'ask for one of those languages, or configure an OpenAI-compatible server that translates (README, "Configuration")',
  });
}

/** A type that sets a text's language to `target`, served by an expert here; an error naming the goal when none is. */
function languageSetter(catalog: Catalog, target: string): TaskType | undefined {
  const setters = [...catalog.taskTypes.values()].filter((t) => languageEffects(t).sets && languageEffects(t).textInput);
  if (setters.length === 0) return undefined;
  const served = setters.find((t) => servedLanguages(catalog, t.id)?.has(target) ?? true);
  if (served) return served;
  throw noneServes(target, [...new Set(setters.flatMap((t) => [...(servedLanguages(catalog, t.id) ?? [])]))]);
}
