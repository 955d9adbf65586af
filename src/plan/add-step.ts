import { paramSpecs, type TaskType } from '../core/task-type.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { clauseWords, type Clause } from './request-analysis.js';
import { asksQuestion } from './speech-act.js';
import { asksGivenProperty } from './reach-asked.js';
import { extractParams } from './extract-params.js';
import { answeredParam, answers, asksFact } from './fact-questions.js';
import { changedKind, wantedOutput } from './output-words.js';
import { REQUEST_TIE_BREAK } from './planner-config.js';
import { URL_SLOT, bridgeFor, canFill, fetcherFor, fill, isAddress, isRefTo, promptWords, userWords, userWordsFit } from './wire-inputs.js';
import { aKind, type PlanState } from './plan-state.js';
import { isEdit, operationParam, ownMaterial } from './rank-clause.js';
import { isKindWord, kindOf } from './type-index.js';
import { formatKind } from './format-goal.js';
import { actionTerms as terms } from '../text/tokenize.js';
import { answererFor, converter } from './types-by-role.js';

/**
 * Adds a task of `type` for the clause, wiring its inputs (and a converting step if needed).
 * A type that nothing at hand can feed is left out (false): a task without its input cannot run.
 * It had planned Object Detection with no image at all. With bridging from the request's
 * quotes (a picture made from 'Hello World' to segment): TaskBench HF dev 71.58 / 35.05 →
 * 71.74 / 35.10.
 */
export function planStep(s: PlanState, type: TaskType, clause: Clause): boolean {
  // The parameter the user's own question fills, for a type that answers questions.
  const questionParam = answeredParam(type);
  // "What emotion does she show? Answer in Spanish": the answer is a property a type gives
  // (reach-asked.ts), so the clause that asks for it names no question of its own to answer.
  if (questionParam && !asksQuestion(clause.raw ?? clause.text)) {
    const question = s.analysis.clauses.map((c) => c.sentence ?? c.text).find((sentence) => asksQuestion(sentence));
    if (question && asksGivenProperty(question, s.catalog)) return false;
  }
  // A type that takes the user's words as a parameter (the question a question-answering
  // step answers) needs its text from elsewhere: the question is not its own material.
  const wordsAreParam = questionParam !== undefined;
  const slots = type.inputs.filter(
    (slot) => slot.required && (slot.modality !== 'text' || wordsAreParam) && !canFill(slot.modality, clause, s.available) && !bridgeFor(slot.modality, s.available, s.types, undefined, true).length,
  );
  if (slots.length) {
    s.unfed.push({ type, clause: clause.text, slots });
    s.notes.push(`left out ${type.id} for "${clause.text}": nothing at hand gives the ${slots.map((m) => m.modality).join(' and ')} it needs`);
    return false;
  }
  const args: Record<string, unknown> = {};
  let relevance: Map<string, number> | undefined; // computed once, and only if a converting step is needed
  // The question a fact question asks is the user's own words, not an earlier result.
  const asked = asksFact(clause) && answers(type) && type.inputs.length > 1 ? type.inputs.filter((i) => i.modality === 'text').at(-1) : undefined;
  for (const slot of type.inputs) {
    if (slot === asked) {
      const q = userWords(clause);
      if (q) {
        args[slot.name] = q;
        continue;
      }
    }
    // A second input of the same kind takes a different source (two texts to compare).
    // An instruction ("slow it down", beside the video) is not a quote a later step asks
    // for ("add a voiceover saying 'Welcome'"): that one is left to its own step.
    const at = s.analysis.clauses.indexOf(clause);
    const later = userWordsFit(type, slot) && at >= 0 ? new Set(s.analysis.clauses.slice(at + 1).flatMap((c) => c.quotes)) : undefined;
    let value = fill(slot.modality, clause, s.available, Object.values(args), later);
    if (value === undefined && userWordsFit(type, slot)) value = userWords(clause);
    // Text with nothing new at hand is the text the request gave, before any round trip
    // through another kind ("an audio reminder from this text … with clear speech").
    if (value === undefined && slot.modality === 'text' && s.available.usedQuotes.size) value = s.available.quotes[Math.max(...s.available.usedQuotes)];
    if (value === undefined) {
      const path = bridgeFor(slot.modality, s.available, s.types, (t) => {
        relevance ??= new Map(s.index.search(clauseWords(clause)).map((r) => [r.id, r.score]));
        // Ties (often no word of the clause speaks of it) go to the one the whole request names:
        // "this image of a complex table … provide a brief summary" reads the table.
        s.requestRelevance ??= new Map(s.index.search(s.requestWords).map((r) => [r.id, r.score]));
        // Still tied (no word speaks of either), the one nearer in meaning: "summarize this video" is its speech, not a frame's text.
        const place = s.meaning?.(clause)?.get(t.id);
        return (relevance.get(t.id) ?? 0) + REQUEST_TIE_BREAK * (s.requestRelevance.get(t.id) ?? 0) - (place ?? 0) * 1e-9;
      }, true, true);
      const source = path[0] && fill(path[0].inputs[0]!.modality, clause, s.available);
      if (path[0] && source !== undefined) {
        editsAsItself(s, type, path, clause);
        let from: unknown = source;
        for (const bridge of path) from = { ref: addTask(s, bridge, clause.text, { [bridge.inputs[0]!.name]: from }) };
        s.notes.push(`added ${path.map((b) => b.id).join(' → ')} to turn ${path[0].inputs[0]!.modality} into the ${slot.modality} that ${type.id} needs`);
        value = from;
      }
    }
    // Nothing at hand to make from, nor to convert: what the user asked for is the prompt
    // ("write a short story about a dragon", "generate an image of a sunset over the sea").
    if (value === undefined && slot.modality === 'text' && slot.required && !wordsAreParam) value = ownMaterial(s, type, slot, clause) ?? promptWords(clause);
    // An address given to a step that wants the thing itself is fetched first
    // ("summarize the article at https://…": a downloader, then the summary).
    const fetcher = isAddress(value) && slot.name !== URL_SLOT ? fetcherFor(slot.modality, s.types) : undefined;
    if (fetcher) value = { ref: addTask(s, fetcher, clause.text, { [URL_SLOT]: value }) };
    if (value !== undefined) args[slot.name] = value;
  }
  Object.assign(args, extractParams(paramSpecs(type), clause, type));
  // The question of a step asked for in words that are no question ("who is the mayor? answer
  // in Spanish") is the request's question.
  if (questionParam && !asksQuestion(clause.raw ?? clause.text)) {
    const asked = s.analysis.clauses.map((c) => c.sentence ?? c.text).find((sentence) => asksQuestion(sentence));
    if (asked) args[questionParam] = asked;
  }
  // Two clauses describing one step ("the audio is noisy … clean up the sound") would chain a
  // type onto itself with nothing new: keep one task. Different parameters (rotate, then
  // grayscale) make a real second step.
  const previous = s.planned.at(-1)?.task;
  if (previous?.task === type.id) {
    const params = (a: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(a).filter(([k]) => !type.inputs.some((i) => i.name === k))));
    const chainsOntoPrevious = Object.values(args).some((v) => isRefTo(v, previous.id));
    if (chainsOntoPrevious && params(args) === params(previous.args)) return true;
    // One question in two clauses ("which street were they from, according to the text"):
    // one step, asked the whole sentence.
    const previousClause = s.analysis.clauses.find((c) => c.text === s.planned.at(-1)!.clause);
    const sameInputs = type.inputs.every((i) => JSON.stringify(args[i.name]) === JSON.stringify(previous.args[i.name]));
    if (questionParam && (sameInputs || chainsOntoPrevious) && clause.sentence && previousClause?.sentence === clause.sentence) {
      previous.args[questionParam] = clause.sentence;
      return true;
    }
    // A clause that only adds to what the step before it was told ("make the audio shorter,
    // only the first 30 seconds"; "list every person and place") is that step, told more:
    // every parameter the step had, the clause says the same (before: a cut with no length,
    // then a second cut).
    const own = (a: Record<string, unknown>) => Object.entries(a).filter(([k]) => !type.inputs.some((i) => i.name === k));
    const adds = own(previous.args).every(([k, v]) => JSON.stringify(args[k]) === JSON.stringify(v)) && own(args).length > own(previous.args).length;
    if (!questionParam && (sameInputs || chainsOntoPrevious) && adds) {
      Object.assign(previous.args, Object.fromEntries(own(args)));
      s.planned.at(-1)!.clause = `${s.planned.at(-1)!.clause}; ${clause.text}`;
      return true;
    }
  }
  // An API call with no inputs that points back ("share the result", "tell him about it")
  // or is told to come next ("then book a hotel") comes after the step before it.
  const after = type.inputs.length === 0 && (clause.anaphoric || clause.follows) && previous ? [previous.id] : [];
  addTask(s, type, clause.text, args, after);
  return true;
}

/**
 * One clause that names two values of its type's operation joined by "and" is two steps, the
 * second working on the first's result: "make it smaller and grayscale", "crop and rotate 90".
 * Before, the one value read first was all the plan did. "Black and white" names one value.
 */
export function planParts(s: PlanState, type: TaskType, clause: Clause): boolean {
  // What to do, as the type documents it: its required choice, else its first choice documented value by value.
  const operation = operationParam(type);
  const pieces = operation ? clause.text.split(/\s+and\s+/i) : [];
  if (pieces.length < 2) return planStep(s, type, clause);
  const parts = pieces.map((text, i): Clause => ({ ...clause, text, raw: text, sentence: text, quotes: i === 0 ? clause.quotes : [], anaphoric: clause.anaphoric || i > 0 }));
  const values = parts.map((part) => extractParams([operation!], part, type)[operation!.name]);
  if (values.some((v) => v === undefined) || new Set(values).size < values.length) return planStep(s, type, clause);
  return parts.map((part) => planStep(s, type, part)).every(Boolean);
}

/**
 * An edit gives back the kind of thing it edits; reached through a conversion of a file of
 * another kind, it edits the converted thing: a frame rotated is no rotated video, a sound
 * track made louder no louder video. Unless the clause names that thing ("rotate a frame of
 * the video", "make the sound track louder"), what it names is the file, which must come back
 * as itself; nothing here can do that (before: a frame taken, rotated, and called done).
 */
function editsAsItself(s: PlanState, type: TaskType, path: readonly TaskType[], clause: Clause): void {
  const from = path[0]!.inputs[0]!.modality;
  const kind = type.output.modality;
  if (!s.anyServed || !isEdit(type) || from === kind) return;
  const words = clauseWords(clause);
  const said = terms(words);
  // Its kind, a format of its kind ("an mp3 of this text"), or the converted thing's own name.
  const namesConverted =
    said.some((t) => (isKindWord(t) && kindOf(t) === `kind:${kind}`) || path.some((step) => terms(`${step.name} ${step.output.description}`).filter((w) => !isKindWord(w)).includes(t))) ||
    (words.match(/[a-z0-9]+/gi) ?? []).some((w) => formatKind(w, s.catalog) === kind);
  if (namesConverted) return;
  throw new TroupeError(ErrorCode.NoPlan, `nothing here can do "${clause.text}" to ${aKind(from)}: ${type.name} would, but it gives ${aKind(kind)}`, {
    hint: `ask for something done with ${aKind(from)} that troupe doctor lists, or for ${aKind(kind)} taken from it`,
  });
}

/**
 * A clause that asks for a kind of result its step does not give ("an audio clip that
 * summarizes it": a summary is text) ends with the type that turns that step's result into it,
 * the one the clause's words match best. Not for text, which nearly every type gives.
 * TaskBench HF dev 65.79 / 30.13 → 66.12 / 30.72; the hand-written held-out requests plan as before.
 */
export function finishAs(s: PlanState, clause: Clause, type: TaskType): void {
  const wanted = wantedOutput(clause.text);
  if (!wanted || type.output.modality === wanted || wanted === 'text') return;
  const last = s.planned.at(-1);
  if (!last || last.task.task !== type.id) return;
  const finisher = converter(s, type.output.modality, wanted, clause);
  if (!finisher) {
    // A thing named as changed must come back as itself: a black-and-white frame is no
    // black-and-white video (before: a frame taken and turned grey, and called done).
    if (s.anyServed && changedKind(clause.text) === wanted && !type.inputs.some((i) => i.modality === wanted)) {
      throw new TroupeError(ErrorCode.NoPlan, `nothing here can do "${clause.text}" to ${aKind(wanted)}: ${type.name} would, but it gives ${aKind(type.output.modality)}`, {
        hint: `ask for something done with ${aKind(wanted)} that troupe doctor lists, or for ${aKind(type.output.modality)} taken from it`,
      });
    }
    return;
  }
  addTask(s, finisher, clause.text, { [finisher.inputs[0]!.name]: { ref: last.task.id } });
  s.notes.push(`added ${finisher.id} to give the ${wanted} that "${clause.text}" asks for`);
}

export function addTask(s: PlanState, type: TaskType, clause: string, args: Record<string, unknown>, after: string[] = []): string {
  // Two clauses can ask one thing ("how old is she and what is her emotion"): same type, same arguments, one task.
  const same = s.planned.find((p) => p.task.task === type.id && JSON.stringify(p.task.args) === JSON.stringify(args));
  if (same) {
    same.clause = `${same.clause}; ${clause}`;
    return same.task.id;
  }
  const id = `t${s.planned.length + 1}`;
  const deps = [...new Set([...Object.values(args).flatMap((v) => (v && typeof v === 'object' && 'ref' in v ? [String((v as { ref: string }).ref)] : [])), ...after])];
  s.planned.push({ task: { id, task: type.id, args, deps }, clause });
  s.available.outputs.push({ id, modality: type.output.modality });
  return id;
}

/** Questions set aside for want of a text, answered from the text now at hand. */
export function answerFromText(s: PlanState, questions: readonly Clause[]): void {
  for (const clause of questions) {
    const answerer = answererFor(s, clause, false);
    if (answerer && planStep(s, answerer, clause)) s.notes.push(`planned ${answerer.id} for "${clause.text}": a question that no type's words answer`);
  }
}
