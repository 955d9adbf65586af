import { accepts, type Modality } from '../core/modality.js';
import { type TaskType } from '../core/task-type.js';
import { actionTerms as terms } from '../text/tokenize.js';
import { clauseWords, type Clause } from './request-analysis.js';
import { asksQuestion } from './speech-act.js';
import { asksGivenProperty } from './reach-asked.js';
import { asksMeaningInALanguage, languageGoals } from './language-goals.js';
import { answeredParam, answers } from './fact-questions.js';
import { madeKind, wantedOutput } from './output-words.js';
import { MODALITY_WORDS } from './type-index.js';
import { canFill } from './wire-inputs.js';
import { type PlanState } from './plan-state.js';

/**
 * A clause that asks for a new thing of a kind ("write a short story", "draft a blog post")
 * in words no documentation uses is no step by its words, but it asks for one: the type
 * documented as making that kind anew, found by what documentation says of making
 * ("generates images", "producing new text"); a type that only gives that kind of thing
 * (Troupe's summarizer gives text) makes nothing new. TaskBench HF dev 66.50 / 30.97 → 67.15 / 31.32
 * (with past forms such as "once you've generated it" no longer read as asking).
 */
export function makerFor(s: PlanState, clause: Clause): TaskType | undefined {
  const kind = madeKind(clause.text);
  if (!kind) return undefined;
  const making = `generate produce create new`;
  const makingTerms = new Set(terms(making));
  const found = s.index
    .search(`${making} ${MODALITY_WORDS[kind].split(' ')[0]}`)
    .find((r) => s.catalog.taskType(r.id)!.output.modality === kind && r.matched.some((t) => makingTerms.has(t)));
  return found && s.catalog.taskType(found.id);
}

/**
 * A clause that names a language to have something in ("and the color name in German") and
 * asks for nothing else the documentation knows: the type documented as translating.
 * TaskBench HF dev 67.80 / 31.37 → 68.07 / 31.17.
 */
export function translatorFor(s: PlanState, clause: Clause): TaskType | undefined {
  // A language wanted, not one offered as an answer ("is it in French?") or said of a person.
  if (languageGoals(clause.text).target === undefined) return undefined;
  const found = s.index.search('translate from one language to another').find((r) => r.matched.length >= 2 && s.catalog.taskType(r.id)!.inputs.some((i) => i.modality === 'text'));
  return found && s.catalog.taskType(found.id);
}

/**
 * A clause that only asks for the result as a kind of thing ("and tell me the result
 * audibly", "turn those words into an auditory file"), in words no documentation matches:
 * the type that turns the latest result (or the user's file) into that kind, the one the
 * clause's words favour. Only when no word of the clause matches: for any clause that is no
 * step, TaskBench HF dev went 68.39 / 31.34 → 68.55 / 31.14; this way it is unchanged.
 */
export function converterFor(s: PlanState, clause: Clause): TaskType | undefined {
  const wanted = wantedOutput(clause.text);
  const from = s.available.outputs.at(-1)?.modality ?? s.available.files.at(-1)?.modality ?? (s.available.quotes.length ? 'text' : undefined);
  if (!wanted || !from || wanted === from) return undefined;
  return converter(s, from, wanted, clause);
}

/**
 * A clause that only quotes a question ("Also I'm wondering, 'What makes this image stand
 * out the most?'") asks it: the type documented as answering questions whose inputs are at
 * hand, the one the question's words match best ("this image": visual questions).
 * TaskBench HF dev 71.37 / 34.25 → 71.47 / 34.73 (with "share this answer" read as
 * repeating that step); "Spanish speaking friend" no longer speaking: edge 34.78.
 */
export function answererFor(s: PlanState, clause: Clause, matchedNothing: boolean, textToCome = false): TaskType | undefined {
  const feasible = (t: TaskType) => textToCome || t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, s.available));
  // A quote offered ("how about 'Hello, how are you?'") is material for a step, not a question to answer.
  const offered = /\b(?:how|what)\s+about\s+⟦/i.test(clause.text);
  const question = matchedNothing && !offered ? clause.quotes.map((i) => s.available.quotes[i]!).find((q) => /\?\s*$/.test(q)) : undefined;
  // A clause that asks an open question no type's words answer ("… and tell me who the mayor
  // is"), of a text at hand: the type that answers questions in the user's own words.
  // Not one whose answer is a property a type gives ("does this text sound angry?": its sentiment; reach-asked.ts).
  if (question === undefined) {
    const textAtHand = textToCome || s.available.outputs.some((o) => o.modality === 'text') || s.available.files.some((f) => f.modality === 'text');
    // Nor what something means, with a language to have it in: its words in that language.
    const meaning = asksMeaningInALanguage(clause.raw ?? clause.text, s.request);
    const open = asksQuestion(clause.raw ?? clause.text) && !asksGivenProperty(clause.sentence ?? clause.text, s.catalog) && !meaning;
    return open && textAtHand ? s.types.find((t) => answeredParam(t) && s.served(t) && t.inputs.every((i) => i.modality === 'text') && feasible(t)) : undefined;
  }
  return s.index
    .search(`answer question ${question}`)
    .map((r) => s.catalog.taskType(r.id)!)
    .find((t) => answers(t) && feasible(t));
}

/** The one-input type that turns `from` into `to`, the one the clause's words match best. */
export function converter(s: PlanState, from: Modality, to: Modality, clause: Clause): TaskType | undefined {
  const relevance = new Map(s.index.search(clauseWords(clause)).map((r) => [r.id, r.score]));
  return s.types
    .filter((t) => t.output.modality === to && t.inputs.length === 1 && accepts(t.inputs[0]!.modality, from))
    .sort((a, b) => (relevance.get(b.id) ?? 0) - (relevance.get(a.id) ?? 0))[0];
}
