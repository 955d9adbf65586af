import type { Catalog } from '../catalog/catalog.js';
import { accepts } from '../core/modality.js';
import type { Plan } from '../core/plan.js';
import { chainFrom, readingSteps } from './reading-steps.js';
import { answeredParam } from './fact-questions.js';
import type { GivenFiles } from './reach-asked.js';
import { asksQuestion } from './speech-act.js';
import { asksMeaningInALanguage } from './language-goals.js';
import { askedProperties } from './asked-properties.js';
import { asksWhatIsReported } from './reported-speech.js';
import { followsUp } from './request-analysis.js';


/**
 * A question about the given material that no step of the words answers ("what did the council
 * agree?" of an article): the type that answers the user's own question (a parameter of format
 * "request"), fed with the given file it takes as it is, or else with what was said in it: a
 * recording's words ("what did they decide about the budget"), through the served steps that
 * turn it into text. A picture's only when its answer could be nothing but writing
 * (shownOnlyInWriting), or that asks what it says ("does it say when the shop opens"): a
 * question about a photo is not one about the text read off it, unless the request says so.
 * The last resort of the built-in planner: tried only when the words planned nothing. `asIs`:
 * only a file answered as it is (the planner's test before it tries the type nearest in meaning,
 * which a recording's question may be for: "who is singing this" asks to classify the sound).
 */
export function reachAnswer(request: string, catalog: Catalog, files: GivenFiles, asIs = false): { plan: Plan; notes: string[] } | undefined {
  // A question after a comma is one too: "my boss sent me this voice message but i am in
  // meeting, what he want?" asks what he wants (before, the sentence asked nothing: no plan).
  const sentences = request.split(/(?<=[.?!])\s+/).map((s) => questionAfterComma(s.trim()));
  const first = sentences.findIndex((s) => asksQuestion(s));
  // With the short question that asks its detail: "is there an address on it? which one".
  const question = first < 0 ? undefined : sentences[first + 1] && followsUp(sentences[first]!, sentences[first + 1]!) ? `${sentences[first]} ${sentences[first + 1]}` : sentences[first];
  if (!question || files.length === 0) return undefined;
  // What a thing says or means, with a language to have it in, is its words in that language
  // (language goals), not a sentence of it answering the question.
  if (asksMeaningInALanguage(question, request)) return undefined;
  // A measure of the thing itself ("how loud is it", "how tall is the building") is no question
  // about what is said or written in it.
  if (askedProperties(question).some((a) => a.measure)) return undefined;
  const answerers = [...catalog.taskTypes.values()].filter((type) => answeredParam(type) && type.inputs.length === 1 && catalog.expertsFor(type.id).length > 0);
  for (const type of answerers) {
    const slot = type.inputs[0]!;
    const file = files.find((f) => accepts(slot.modality, f.modality));
    if (!file) continue;
    return {
      plan: { tasks: [{ id: 't1', task: type.id, args: { [slot.name]: { file: file.path }, [answeredParam(type)!]: question }, deps: [] }] },
      notes: [`planned ${type.id}: no step's words matched, and the request asks a question about ${file.path}`],
    };
  }
  if (asIs) return undefined;
  for (const type of answerers) {
    const slot = type.inputs[0]!;
    for (const file of files.filter((f) => f.modality !== 'image' || shownOnlyInWriting(question) || asksWhatIsReported(question))) {
      const path = readingSteps(file.modality, slot.modality, catalog);
      if (!path) continue;
      const tasks = chainFrom(file.path, [...path, type], (step) => (step === type ? { [answeredParam(type)!]: question } : {}));
      return { plan: { tasks }, notes: [`planned ${path.map((s) => s.id).join(' → ')} → ${type.id}: no step's words matched, and the request asks a question about what is said in ${file.path}`] };
    }
  }
  return undefined;
}

/** The part of a sentence from the comma after which it asks, if it asks only there; else the sentence. */
function questionAfterComma(sentence: string): string {
  if (asksQuestion(sentence)) return sentence;
  const commas = [...sentence.matchAll(/,\s*/g)];
  const asked = commas.find((c) => asksQuestion(sentence.slice(c.index! + c[0].length)));
  return asked ? sentence.slice(asked.index! + asked[0].length) : sentence;
}

/**
 * A question whose answer a picture can show only in writing: a time, a day or a date, a price, a
 * number ("when does the store close", "how much is the coffee"). A photo shows one moment and
 * no prices, so such a question about one is a question about the writing in it (opening hours
 * on a door, a price tag); "what colour is the car" is not.
 */
export function shownOnlyInWriting(question: string): boolean {
  return /^\s*(?:when|what\s+(?:time|times|hours?|days?|date|price|prices|number)|how\s+much|what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+the\s+(?:\w+\s+)?(?:time|times|hours|days?|date|price|prices|cost|number))\b/i.test(question);
}
