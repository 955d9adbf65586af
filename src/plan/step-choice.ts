import { accepts } from '../core/modality.js';
import { actionTerms as terms } from '../text/tokenize.js';
import { type Clause } from './request-analysis.js';
import { asksQuestion } from './speech-act.js';
import { wantedOutput } from './output-words.js';
import { AGREED_MIN_SCORE, CLEAR_LEAD, CLEAR_LEAD_MIN_SCORE, FAR_IN_MEANING, INFEASIBLE_PENALTY, MIN_RELATIVE_SCORE } from './planner-config.js';
import { isKindWord } from './type-index.js';
import { bridgeFor, canFill, userWordsFit } from './wire-inputs.js';
import { type PlanState, type Ranked } from './plan-state.js';
import { kindsSaid } from './rank-clause.js';
import { wordNet } from '../retrieval/wordnet.js';

/**
 * Whether a clause is a step of its own: its best type matches well, or matches modestly
 * but clearly better than any other (a clause that names one tool's action in few words).
 * On TaskBench dev a clause's best type is right 55 % of the time at a share of 0.15–0.25
 * with a lead of 15 % or more, against 30 % without the lead; node F1 55.69 → 56.90.
 */
export function isStep(s: PlanState, best: Ranked, second: Ranked | undefined, near?: ReadonlyMap<string, number>): boolean {
  const place = near?.get(best.type.id);
  if (place !== undefined && place >= FAR_IN_MEANING && !nearestFeeds(s, best, near!)) return false;
  if (best.raw >= MIN_RELATIVE_SCORE) return true;
  if (place === 0 && best.raw >= AGREED_MIN_SCORE) return true;
  const lead = best.score > 0 ? 1 - (second?.score ?? 0) / best.score : 0;
  return best.raw >= CLEAR_LEAD_MIN_SCORE && lead >= CLEAR_LEAD;
}

/**
 * Words and meaning agree when the type nearest in meaning is the converting step on the way to
 * the words' best ("key points of this voice note": speech recognition, then the summary; before,
 * the summary was vetoed as far in meaning, and the transcript alone planned).
 */
function nearestFeeds(s: PlanState, best: Ranked, near: ReadonlyMap<string, number>): boolean {
  const nearest = [...near].find(([, place]) => place === 0)?.[0];
  return nearest !== undefined && best.type.inputs.some((slot) => bridgeFor(slot.modality, s.available, s.types).some((step) => step.id === nearest));
}

/**
 * A clause that says again what the step before it was asked ("extract each object into
 * separate segments? I'd like to focus on each object individually") is no new step by the
 * words it repeats: a type matched only by words of the latest step's clause (kind words
 * aside) gives way to the next type that the clause's other words match, or that gives the
 * kind of result it asks for. Only the latest step's clause: a request may well come back to
 * an earlier subject. TaskBench HF dev 66.18 / 30.77 → 66.50 / 30.97 (as any earlier step's
 * clause 66.28 / 30.25; dropping the clause instead of its repeated type 66.39 / 30.54).
 */
export function newEvidence(s: PlanState, ranked: Ranked[], clause: Clause): Ranked[] {
  const repeats = (r: Ranked) => {
    const own = r.matched.filter((t) => !isKindWord(t));
    // Words of the latest step's clause repeat it (see above). So do words of its name:
    // "leverage the Visual Question Answering tool to unveil that" after "how many cars are
    // in it" is that question, not a text question about its answer. TaskBench HF dev 71.89 / 34.56 → 72.17 / 34.99
    // (against other types only: 71.92 / 34.89; dropping a clause that repeats the latest
    // type instead of taking the next type: 72.14 / 34.63); with the kind check below
    // 72.27 / 35.58 (it also read "an audio reminder with clear speech" after speech as
    // Audio-to-Audio). Not by the name when the clause says the kind that sets this type's
    // name apart: "look for images" after a video search is a search of another kind.
    if (!s.lastStep || own.length === 0) return false;
    const step = s.lastStep;
    if (own.every((t) => step.terms.has(t))) return true;
    const name = new Set(terms(r.type.name));
    const otherKind = r.matched.some((t) => isKindWord(t) && name.has(t) && !step.nameTerms.has(t));
    return !otherKind && own.every((t) => step.nameTerms.has(t) || step.terms.has(t));
  };
  if (!ranked[0] || !repeats(ranked[0])) return ranked;
  const wanted = wantedOutput(clause.text);
  return ranked.filter((r) => !repeats(r) && (r.matched.some((t) => !isKindWord(t)) || r.type.output.modality === wanted));
}

/**
 * A clause that asks for a property a type gives, and whose words match that type, is that
 * type's step: "detect what language is in this audio" is language identification (through
 * the transcript), not voice activity, which "detect" and "audio" matched better.
 */
export function askedFirst(s: PlanState, ranked: Ranked[], clause: Clause): Ranked[] {
  const asked = s.typesAsked(clause);
  // One that takes what is at hand as it is comes before one reached through a conversion:
  // the mood of the people in a photo is on their faces, not in a text read off it.
  const givers = asked.size ? ranked.filter((r) => asked.has(r.type.id) && r.feasibility > INFEASIBLE_PENALTY) : [];
  // However few of the clause's words it shares, none included, when the words' best is reached
  // only through a conversion ("what is the mood of the people" of a photo: their faces, not a
  // text read off it). Not when the clause names another kind ("the mood of the text" on a sign),
  // nor a message ("is the sign positive": what it says).
  const unmatched = ranked[0] && !givers.some((r) => r.feasibility === 1) && kindsSaid(s, clause).size === 0 && !namesAMessage(clause.text) ? s.types.find((t) => asked.has(t.id) && s.served(t) && t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, s.available))) : undefined;
  if (unmatched) givers.unshift({ type: unmatched, feasibility: 1, score: 0, raw: 0, matched: [] });
  const giving = givers.find((r) => r.feasibility === 1) ?? givers[0];
  return giving && giving !== ranked[0] ? [giving, ...ranked.filter((r) => r !== giving)] : ranked;
}

/**
 * A clause that names a thing to have and the kind to have it as ("send me the summary as
 * audio", "an audio summary"): the thing's type is the step, and finishAs turns its result
 * into that kind. Before, the type that gives the kind (speech synthesis, which "audio"
 * names) came first and the summary was lost. Only a thing named by the words its type's
 * output is documented in, which the kind's type does not match, and whose result that type can take.
 */
export function thingBeforeKind(s: PlanState, ranked: Ranked[], clause: Clause): { ranked: Ranked[]; thing?: Ranked } {
  const wanted = wantedOutput(clause.text);
  const kindType = ranked[0];
  if (!wanted || wanted === 'text' || !kindType || kindType.type.output.modality !== wanted) return { ranked };
  // Words for what the thing's type gives ("the summary"), not what it does: "convert this
  // sentence into speech" names the text to speak, and Sentence Similarity is no thing wanted.
  const own = (r: Ranked) => {
    const gives = new Set(terms(r.type.output.description));
    return r.matched.filter((t) => !isKindWord(t) && !kindType.matched.includes(t) && gives.has(t));
  };
  const thing = ranked.find(
    (r) =>
      r !== kindType &&
      r.feasibility === 1 &&
      r.type.output.modality !== wanted &&
      r.raw >= CLEAR_LEAD_MIN_SCORE &&
      own(r).length > 0 &&
      kindType.type.inputs.some((i) => accepts(i.modality, r.type.output.modality)),
  );
  return thing ? { ranked: [thing, ...ranked.filter((r) => r !== thing)], thing } : { ranked };
}

/**
 * A clause whose words for what to do ("count") are matched only by types that cannot take
 * what is at hand, even through a served converting step (object detection counts in a
 * photo, not in a text) asks for something nothing here does with it: that is said, rather
 * than a type nearest in meaning planned.
 */
export function outOfReach(s: PlanState, ranked: Ranked[], clause: Clause): void {
  // With nothing given, a weak match says little of what was meant ("what time is it"); a
  // question is answered another way, from the text of what it is about.
  if (s.available.files.length === 0 || asksQuestion(clause.raw ?? clause.text)) return;
  const operation = new Set(ranked.flatMap((r) => r.matched.filter((t) => !isKindWord(t))));
  const by = ranked.filter((r) => r.matched.some((t) => operation.has(t)));
  const missing = (r: Ranked) =>
    r.type.inputs.filter((slot) => slot.required && !canFill(slot.modality, clause, s.available) && !userWordsFit(r.type, slot) && !bridgeFor(slot.modality, s.available, s.types).some(s.served));
  const first = by[0];
  if (!first || by.some((r) => missing(r).length === 0)) return;
  s.unfed.push({ type: first.type, clause: clause.text, slots: missing(first) });
}

/** Whether a clause names a message, a thing WordNet files under communication ("the sign", "this notice"). */
function namesAMessage(text: string): boolean {
  return [...text.matchAll(/\b(?:the|this|that|these|those|my|his|her|their|its|your|our)\s+([a-z]+)/gi)].some((m) => wordNet().isKindOf(m[1]!, 'communication'));
}
