import type { Catalog } from '../catalog/catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import { planWithoutLlm, type BuiltinPlan } from './builtin-planner.js';
import type { MeaningRanks } from './clause-meaning.js';
import { formatGoal, reachFormatGoal } from './format-goal.js';
import { languageGoals, REQUEST_LANGUAGE } from './language-goals.js';
import { languageEffects } from '../catalog/effects.js';
import { languageName } from '../text/languages.js';
import { isFile, type Plan, type PlanTask } from '../core/plan.js';
import { reachAnswer } from './reach-answer.js';
import { chainFrom, readingSteps } from './reading-steps.js';
import { answerPath, givesAsked, reachAsked } from './reach-asked.js';
import { analyzeRequest } from './request-analysis.js';
import { asksWhatIs } from './speech-act.js';
import { reachLanguageGoal, type LanguageOf } from './reach-language-goal.js';

/** What the built-in planner may use beyond the catalog, each computed before planning. */
export interface DraftAids {
  /** The clauses' meaning ranks (clause-meaning.ts). */
  meaning?: MeaningRanks;
  /** The languages of the given texts (given-languages.ts). */
  languageOf?: LanguageOf;
}

/**
 * The built-in planner's draft: the steps the request's words ask for, then made to reach
 * the goals the request sets: every question answered by a step, and the result in the
 * language it wants. The
 * controller and the TaskBench predictor both plan through here, so the benchmark
 * measures what the CLI runs.
 */
export function draftPlan(request: string, catalog: Catalog, files: ReadonlyMap<string, SniffedFile>, aids: DraftAids = {}): BuiltinPlan {
  const given = [...files].map(([path, f]) => ({ path, modality: f.modality }));
  const analysis = analyzeRequest(request);
  const quotes = analysis.quotes;
  let drafted: BuiltinPlan;
  try {
    drafted = planWithoutLlm(request, catalog, files, aids.meaning);
  } catch (error) {
    // No step by the words, but a question whose answer a type gives, about a file given:
    // "is the person in this recording upset?" is reached from the recording.
    const noPlan = error instanceof TroupeError && error.code === ErrorCode.NoPlan;
    const asked = noPlan ? reachAsked({ tasks: [] }, catalog, request, given, quotes) : undefined;
    if (!asked?.plan.tasks.length) {
      // Nor such a question: an open question about the file ("what did the council agree?")
      // is for the type that answers questions in the user's words.
      const answered = noPlan ? reachAnswer(request, catalog, given) : undefined;
      // Nor that: a language to have the file's words in is reached from the file ("the note is
      // in catalan, what does it mean": its translation).
      const translated = !answered && noPlan ? fileInLanguage(catalog, given, languageGoals(request)) : undefined;
      if (!answered && !translated) throw error;
      drafted = answered ? { plan: answered.plan, tasks: [], notes: answered.notes } : { plan: translated!, tasks: [], notes: ['no step\'s words matched; the request wants the file\'s words in another language'] };
    } else drafted = { plan: { tasks: [] }, tasks: [], notes: [] };
  }
  let asked = reachAsked(drafted.plan, catalog, request, given, quotes);
  // A question asked of the file, when the draft's steps rest on no clear words ("is the person
  // in this recording upset?" matched audio conversion by "recording"; "is this document happy
  // or sad in tone" matched nothing but "document"): the question's goal, reached from the
  // file, is the plan.
  if (drafted.tasks.length > 0 && drafted.tasks.every((t) => t.unsure)) {
    const instead = reachAsked({ tasks: [] }, catalog, request, given, quotes);
    if (instead.plan.tasks.length) {
      asked = { plan: instead.plan, notes: [`left out ${drafted.tasks.map((t) => t.task.task).join(', ')}: the request did not clearly ask for them, and asks a question they do not answer`, ...instead.notes] };
      drafted = { ...drafted, tasks: [] };
    }
  }
  // One question about what is, asking a property a type gives of the file itself, is that
  // type's to answer, whatever type its subject's words named: "how long is the speech in this
  // audio" asks a duration, not a transcript; "what's the mood of the people in this photo"
  // their faces' emotion, not a list of objects.
  // Its answer needs only the steps on the way to it: "what language do they speak in this
  // video" reads the speech and names its language; it does not speak the transcript aloud.
  // So is one asked for in other words, when the steps of the words do not give it: "find the
  // speaker's emotions" of a recording is the feeling in what is said, not voice activity.
  if (drafted.tasks.length > 0 && analysis.clauses.length === 1 && (asksWhatIs(request) || !givesAsked(asked.plan, catalog, request))) {
    const instead = reachAsked({ tasks: [] }, catalog, request, given, quotes);
    const answering = instead.plan.tasks.at(-1)?.task;
    if (answering && !givesAsked(asked.plan, catalog, request)) {
      asked = { plan: instead.plan, notes: [`left out ${drafted.tasks.map((t) => t.task.task).join(', ')}: the question asks for what ${answering} gives`, ...instead.notes] };
      drafted = { ...drafted, tasks: [] };
    }
    const path = answerPath(asked.plan, catalog, request);
    if (path) {
      const left = asked.plan.tasks.filter((t) => !path.tasks.includes(t)).map((t) => t.task);
      asked = { plan: path, notes: [...asked.notes, `left out ${left.join(', ')}: the question's answer does not need ${left.length > 1 ? 'them' : 'it'}`] };
    }
  }
  const reached = intoRequestLanguage(reachLanguageGoal(asked.plan, catalog, languageGoals(request), aids.languageOf), catalog, aids.languageOf);
  const formatted = reachFormatGoal(reached.plan, catalog, formatGoal(request, catalog), given);
  return { ...drafted, plan: formatted.plan, notes: [...drafted.notes, ...asked.notes, ...reached.notes, ...formatted.notes] };
}

/**
 * The given file's words in the language wanted ("the note is in catalan, what does it mean"):
 * read if it is not a text (reading-steps.ts), then the step that sets a text's language.
 */
function fileInLanguage(catalog: Catalog, given: ReadonlyArray<{ path: string; modality: SniffedFile['modality'] }>, goals: ReturnType<typeof languageGoals>): Plan | undefined {
  const file = given[0];
  const translator = [...catalog.taskTypes.values()].find((t) => languageEffects(t).sets && catalog.expertsFor(t.id).length > 0);
  const sets = translator && languageEffects(translator).sets;
  if (!file || !goals.target || !translator || !sets || given.length !== 1) return undefined;
  const reading = file.modality === 'text' ? [] : readingSteps(file.modality, 'text', catalog);
  if (!reading) return undefined;
  const language = { [sets.target]: goals.target, ...(sets.source && goals.source ? { [sets.source]: goals.source } : {}) };
  return { tasks: chainFrom(file.path, [...reading, translator], (step) => (step === translator ? language : {})) };
}

/**
 * A translation asked for with no language to translate into ("translate the menu and tell me
 * which dishes are vegetarian") is into the language the request is written in (before: an
 * invalid plan, exit 2). Not a text already in that language ("translate this" of an English
 * text still asks which language).
 */
function intoRequestLanguage({ plan, notes }: { plan: Plan; notes: string[] }, catalog: Catalog, languageOf: LanguageOf = () => undefined): { plan: Plan; notes: string[] } {
  // Each translation with no target (and a text not already in the request's language): its target parameter.
  const unset = new Map<PlanTask, string>();
  for (const t of plan.tasks) {
    const type = catalog.taskType(t.task);
    const effects = type && languageEffects(type);
    if (!effects?.sets || t.args[effects.sets.target] !== undefined) continue;
    const input = effects.textInput ? t.args[effects.textInput] : undefined;
    const given = isFile(input) ? languageOf(input.file) : typeof input === 'string' ? languageOf(input) : undefined;
    if (given !== REQUEST_LANGUAGE) unset.set(t, effects.sets.target);
  }
  if (unset.size === 0) return { plan, notes };
  const tasks = plan.tasks.map((t) => (unset.has(t) ? { ...t, args: { ...t.args, [unset.get(t)!]: REQUEST_LANGUAGE } } : t));
  return { plan: { tasks }, notes: [...notes, ...[...unset.keys()].map((t) => `${t.id}: no language named to translate into; into ${languageName(REQUEST_LANGUAGE)}, the request's own`)] };
}
