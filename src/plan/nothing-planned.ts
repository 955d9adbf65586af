import { ErrorCode, TroupeError } from '../core/errors.js';
import { asksWhatIs } from './speech-act.js';
import { asksWhatIsReported } from './reported-speech.js';
import { intoGoal } from './into-goal.js';
import type { Clause } from './request-analysis.js';
import { reachAnswer, shownOnlyInWriting } from './reach-answer.js';
import { FALLBACK_MIN_RELATIVE_SCORE, FAR_IN_MEANING, INFEASIBLE_PENALTY, MIN_RELATIVE_SCORE } from './planner-config.js';
import { operationNamed } from './type-index.js';
import { aKind, type PlanState } from './plan-state.js';
import { askedProperties } from './asked-properties.js';
import { asksMeaningInALanguage } from './language-goals.js';
import { askedWord, isEdit, kindsSaid, rank, tellsAsked, yesNoPredicate } from './rank-clause.js';
import { isStep } from './step-choice.js';
import { answerFromText, planStep } from './add-step.js';

/**
 * When no clause planned a step: the senses of the words, the clauses that only set the
 * scene, the whole request, the type nearest in meaning, in that order; and when still
 * nothing is planned, an error that says what was understood and what is missing.
 */
export function planWhenNothingPlanned(s: PlanState): void {
  if (s.planned.length === 0) {
    // Nothing planned: the senses of a clause's words may be all it says ("condense it for
    // me", "distill the main points"). Only now, since letting them make any clause a step
    // cost TaskBench HF dev edge F1 (+0.05 / −0.4); this way 73.73 / 37.38 → 73.62 / 37.44
    // (one record), and the CLI's own catalog no longer fails "condense it" of a text file.
    for (const clause of s.asking) {
      const ranked = rank(s, clause, true);
      if (ranked[0] && isStep(s, ranked[0], ranked[1], s.meaning?.(clause))) planStep(s, ranked[0].type, clause);
    }
  }
  if (s.planned.length === 0 && s.asking.length < s.analysis.clauses.length) {
    for (const clause of s.analysis.clauses.filter((c) => c.asks === false)) {
      const best = rank(s, clause)[0];
      if (best && best.raw >= MIN_RELATIVE_SCORE) planStep(s, best.type, clause);
    }
  }
  if (s.planned.length === 0) {
    // A verbose request can match no clause well and still ask for one thing: take the best
    // type for the whole request, if its inputs are at hand and it matches at all.
    // Its sentence is the question it asks, if any: an edit answers none (rank).
    const question = s.analysis.clauses.map((c) => c.raw ?? c.text).find((t) => asksWhatIs(t));
    const whole: Clause = { text: s.analysis.clauses.map((c) => c.text).join(' '), quotes: s.analysis.quotes.map((_, i) => i), anaphoric: false, ...(question ? { sentence: question } : {}) };
    const best = rank(s, whole).find((r) => r.feasibility === 1 && operationNamed(r, kindsSaid(s, whole, whole.text)));
    if (best && best.raw > FALLBACK_MIN_RELATIVE_SCORE) {
      const from = s.planned.length;
      planStep(s, best.type, whole);
      for (const step of s.planned.slice(from)) step.unsure = true;
      s.notes.push(`no single clause matched a task type clearly; planned ${best.type.id} from the whole request`);
    }
  }

  if (s.planned.length === 0 && s.unfed.length === 0 && s.meaning && s.available.files.length && !reachAnswer(s.request, s.catalog, s.available.files, true) && !s.asking.some((c) => asksWhatIsReported(c.raw ?? c.text) || intoGoal(c.raw ?? c.text, s.catalog) !== undefined || asksMeaningInALanguage(c.raw ?? c.text, s.request))) {
    // No word of the request names a type ("what can you see in this pic"), nor is it an open
    // question about the file (draft-plan.ts answers those): the type nearest in meaning to its
    // one asking clause, if it takes a given file as it is. Not for a question about what is
    // said in it ("does she say where she lives"), which draft-plan.ts answers from the words,
    // nor for a goal no type's documentation says ("turn this photo into a cartoon"). Dev splits of the everyday
    // requests 60 → 62 of 68, s12-dev 26 of 30 unchanged.
    const only = s.asking.length === 1 ? s.asking[0] : undefined;
    // Unless a word does name an operation, too weakly to be a step by itself: that type, not
    // one the nearest in meaning only by the file's kind ("photo of a page: give me the short
    // version" is a summary of its text; before, a person cut out of the photo).
    // Near in meaning too: a verb many types share ("identify the items on the desk") names none.
    const places = only && s.meaning(only);
    const named = only && places ? rank(s, only).find((r) => r.feasibility > INFEASIBLE_PENALTY && operationNamed(r, kindsSaid(s, only)) && (places.get(r.type.id) ?? FAR_IN_MEANING) < FAR_IN_MEANING) : undefined;
    const nearest = named?.type.id ?? (places ? [...places].find(([, place]) => place === 0)?.[0] : undefined);
    const type = nearest ? s.catalog.taskType(nearest) : undefined;
    // Nor an edit, for a question about what is ("is this picture blurry?" asks, and a sharpened picture is no answer).
    const editForQuestion = only !== undefined && type !== undefined && isEdit(type) && asksWhatIs(only.raw ?? only.text);
    // Nor a question about a picture whose answer only writing could show ("what number is on
    // the bus"): draft-plan.ts reads the picture and answers from its text.
    const writing = only !== undefined && s.available.files.some((f) => f.modality === 'image') && shownOnlyInWriting(only.raw ?? only.text);
    // Nor a type that cannot tell the X a "what X" asks, however near in meaning ("what colour
    // is the car": a detector finds the car, not its colour).
    // Nor for a measure asked that no type gives ("how tall is the building": before, poses).
    const unmeasured = only !== undefined && type !== undefined && askedProperties(only.raw ?? only.text).some((a) => a.measure) && !s.typesAsked(only).has(type.id);
    if (only && type && !editForQuestion && !writing && !unmeasured && tellsAsked(s, only)(type) && (named !== undefined || type.inputs.every((slot) => !slot.required || s.available.files.some((f) => f.modality === slot.modality)))) {
      const from = s.planned.length;
      if (planStep(s, type, only)) {
        for (const step of s.planned.slice(from)) step.unsure = true;
        s.notes.push(named ? `planned ${type.id}: the words name its operation, if weakly` : `no word of the request names a task type; planned ${type.id}, the nearest in meaning`);
        // A question about a recording whose nearest step is its reading ("what was agreed about
        // the new office?"): answered from that text, as any question set aside for want of one.
        // Not a picture's: a question about a photo is no question about the text read off it.
        if (s.served(type) && type.inputs.every((i) => i.modality !== 'image')) answerFromText(s, s.unanswered);
      }
    }
  }
  if (s.planned.length === 0 && s.unfed.length) {
    // The request was understood; what it is about was not given.
    const { type, clause, slots } = s.unfed[0]!;
    const missing = slots.map((slot) => `required ${slot.modality} input "${slot.name}" is missing`).join(' and ');
    // Files of another kind were given: nothing here does this with them ("count the words in this text").
    const given = [...new Set(s.available.files.map((f) => f.modality))];
    if (given.length) {
      const needed = slots.map((slot) => aKind(slot.modality)).join(' and ');
      throw new TroupeError(ErrorCode.NoPlan, `nothing here can do "${clause}" with ${given.map(aKind).join(' or ')}: ${type.name} would, but it takes ${needed}`, {
        hint: `pass ${needed} with --input FILE, or ask for something done with what you gave`,
      });
    }
    throw new TroupeError(ErrorCode.NoPlan, `${type.name} would serve "${clause}", but its ${missing}: no file given and no step gives one`, {
      hint: 'pass the file the request is about with --input FILE',
    });
  }
  // A goal after "into" that no type's documentation says at all is what could not be done.
  const goal = s.planned.length === 0 ? s.asking.map((c) => intoGoal(c.raw ?? c.text, s.catalog)).find((g) => g !== undefined && !s.index.search(g.said).some((r) => r.matched.some((t) => g.terms.includes(t)))) : undefined;
  if (goal) {
    throw new TroupeError(ErrorCode.NoPlan, `nothing here can turn it into ${goal.said}: no expert's documentation says it makes that`, {
      hint: 'ask for something an expert documents (`npx troupe catalog search WORDS` finds them), or configure an LLM controller with more experts',
    });
  }
  // A "what X" that no type tells, or a yes/no question's predicate, is what could not be answered.
  const only = s.planned.length === 0 && s.asking.length === 1 ? s.asking[0]! : undefined;
  const measured = only && askedProperties(only.raw ?? only.text).find((a) => a.measure)?.words.slice(0, 2).join(' or ');
  const asked = only && (askedWord(only) ?? measured);
  const predicate = only && !asked ? yesNoPredicate(only.raw ?? only.text) : undefined;
  if (asked || predicate) {
    throw new TroupeError(ErrorCode.NoPlan, asked ? `nothing here can tell the ${asked} asked in "${s.request}": no expert's documentation says it gives that` : `nothing here can answer "${s.request}": no expert's documentation says it tells whether something is "${predicate!.trim()}"`, {
      hint: 'ask for something an expert documents (`npx troupe catalog search WORDS` finds them), or configure an LLM controller with more experts',
    });
  }
  if (s.planned.length === 0) {
    throw new TroupeError(ErrorCode.NoPlan, `no expert can serve this request: none of the task types (${s.types.map((t) => t.id).join(', ')}) matches "${s.request}"`, {
      hint: 'rephrase the request with the action you want (e.g. "read the text in this photo"), or run `npx troupe doctor` to see what is available',
    });
  }
}
