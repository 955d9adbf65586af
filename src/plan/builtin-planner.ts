import type { Catalog } from '../catalog/catalog.js';
import type { SniffedFile } from '../core/modality.js';
import type { TaskType } from '../core/task-type.js';
import { actionTerms as terms } from '../text/tokenize.js';
import type { MeaningRanks } from './clause-meaning.js';
import { clauseWords } from './request-analysis.js';
import { asksQuestion } from './speech-act.js';
import { answeredParam } from './fact-questions.js';
import { pointsAtWriting } from './written-things.js';
import { keptAs, wantedOutput } from './output-words.js';
import { isKindWord, kindOf, operationNamed } from './type-index.js';
import { newPlanState, type BuiltinPlan } from './plan-state.js';
import { ownWords } from './own-words.js';
import { choosesLabels, kindsSaid, offersLabels, rank } from './rank-clause.js';
import { askedFirst, isStep, newEvidence, outOfReach, thingBeforeKind } from './step-choice.js';
import { answererFor, converterFor, makerFor, translatorFor } from './types-by-role.js';
import { answerFromText, finishAs, planParts, planStep } from './add-step.js';
import { planWhenNothingPlanned } from './nothing-planned.js';

export type { BuiltinPlan, PlannedTask } from './plan-state.js';

/**
 * The planner with no LLM. From the catalog's documentation alone it maps each clause of
 * the request to the task type whose description and examples it matches best (BM25F),
 * wires each task's inputs to quoted text, the user's files or earlier outputs by
 * modality, inserts a converting step where an input is missing but can be derived (the
 * type graph), and reads parameters such as languages off the clause.
 */
export function planWithoutLlm(request: string, catalog: Catalog, files: ReadonlyMap<string, SniffedFile>, meaning?: MeaningRanks): BuiltinPlan {
  const s = newPlanState(request, catalog, files, meaning);
  // Clauses that ask for something first; the scene-setting ones only if nothing was asked.
  for (const clause of s.asking.length ? s.asking : s.analysis.clauses) {
    // "… and save it as an audio clip" after a step that gives audio asks for nothing new.
    const kept = keptAs(clause.text);
    if (kept && s.available.outputs.at(-1)?.modality === kept) continue;
    // A clause that only names a file given ("this recording, what language does he speak?")
    // says what the rest is about, not a step (before: an audio conversion for no reason).
    const content = terms(ownWords(clause));
    // Not one that names the kind wanted ("… and give me as audio" of a recording: speech of the translation).
    if (s.asking.length > 1 && content.length > 0 && !wantedOutput(clause.text) && content.every((t) => isKindWord(t) && s.available.files.some((f) => kindOf(t) === `kind:${f.modality}`))) continue;
    // A property asked that a step already planned gives is answered by that step ("how many faces
    // are there and whether they look happy": the faces' emotions; before, a sentiment of them).
    const asked = s.typesAsked(clause);
    if (asked.size && s.planned.some((p) => asked.has(p.task.task))) continue;
    const { ranked, thing } = thingBeforeKind(s, askedFirst(s, newEvidence(s, rank(s, clause), clause), clause), clause);
    const best = ranked[0];
    const near = s.meaning?.(clause);
    // A type that only words for kinds match is a step only if it is also the nearest in meaning:
    // "put this text into Catalan" names a text, not speech, and asks for Catalan.
    const named = best && (operationNamed(best, kindsSaid(s, clause)) || !near || near.get(best.type.id) === 0);
    // A thing named beside the kind it is wanted as: the meaning of the clause is the kind's.
    // Labels offered to a type that chooses among them, of what is at hand as it is: the
    // structure says the step, whatever its words' meaning ("categorize this as urgent or not urgent").
    const chosen = best !== undefined && best.feasibility === 1 && choosesLabels(s, best.type) && offersLabels(s, clause);
    // A property asked that a type gives of what is at hand as it is: the question says the
    // step, however few of its words the type's documentation shares, or only words for kinds ("how does she feel" of a
    // photo is her face's emotion; before, the sentiment of a text read off it). Of the file
    // given, asked first: a later clause is about what the steps before it made.
    const giving = best !== undefined && best.feasibility === 1 && s.planned.length === 0 && asked.has(best.type.id);
    const byWords = best && (giving || (named && (best === thing || chosen || isStep(s, best, ranked[1], near)))) ? best.type : undefined;
    const answerer = !byWords ? answererFor(s, clause, ranked.length === 0) : undefined;
    // The type the words name first; if nothing at hand can feed it, what the clause asks to make or have.
    // A converter only for a clause no word of which names an operation ("… and give me as audio").
    const candidates = [byWords, makerFor(s, clause), translatorFor(s, clause), ranked.every((r) => r.matched.every(isKindWord)) ? converterFor(s, clause) : undefined, answerer];
    const type = candidates.find((t): t is TaskType => t !== undefined && (t === byWords ? planParts(s, t, clause) : planStep(s, t, clause)));
    if (!type) {
      outOfReach(s, ranked, clause);
      if (asksQuestion(clause.raw ?? clause.text)) s.unanswered.push(clause);
      continue;
    }
    // A quoted question's step was asked for answering: "share this answer" repeats it.
    s.lastStep = { type, terms: new Set(terms(`${clauseWords(clause)}${type === answerer ? ' answer question' : ''}`)), nameTerms: new Set(terms(type.name)) };
    if (type === answerer) s.notes.push(`planned ${type.id} for "${clause.text}": a question that no type's words answer`);
    if (type === byWords) {
      const step = s.planned.findLast((p) => p.task.task === type.id);
      if (step && best!.matched.every((t) => isKindWord(t))) step.unsure = true;
      finishAs(s, clause, byWords);
    }
  }
  // A question asked before the clause that names its source ("when is the library closed,
  // going by this sign"): once that source's text is at hand, the question is answered from it.
  if (s.planned.length) answerFromText(s, s.unanswered);
  // Nor is one about a picture of something that carries writing ("the poster: who is
  // performing and when", "what's the wifi password on this card"): read first, then answered.
  if (s.planned.length === 0 && s.unanswered.length && s.available.files.some((f) => f.modality === 'image') && pointsAtWriting(s.request)) {
    const reader = s.types.find((t) => s.served(t) && t.output.modality === 'text' && t.inputs.length === 1 && t.inputs[0]!.modality === 'image' && !answeredParam(t));
    const first = s.unanswered[0]!;
    if (reader && answererFor(s, first, false, true) && planStep(s, reader, first)) {
      s.notes.push(`planned ${reader.id}: the question is about a thing that carries writing`);
      answerFromText(s, s.unanswered);
    }
  }
  planWhenNothingPlanned(s);
  return { plan: { tasks: s.planned.map((p) => p.task) }, tasks: s.planned, notes: s.notes };
}
