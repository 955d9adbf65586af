import { accepts } from '../core/modality.js';
import { wordNet } from '../retrieval/wordnet.js';
import { languageMentions } from '../text/languages.js';
import { paramSpecs, type TaskType } from '../core/task-type.js';
import { actionTerms as terms } from '../text/tokenize.js';
import { clauseWords, type Clause } from './request-analysis.js';
import { asksWhatIs } from './speech-act.js';
import { asksWhatIsReported } from './reported-speech.js';
import { asksMeaningInALanguage, languageGoals } from './language-goals.js';
import { senseWords } from './word-senses.js';
import { extractParams } from './extract-params.js';
import { choicesIn, introducedChoices } from './choices.js';
import { materialWords, pointsAtAFile, takesMaterial, takesPrompt } from './material-words.js';
import { answeredParam, answers, asksFact } from './fact-questions.js';
import { CREATING_VERBS, convertedFrom, createdKind, wantedOutput } from './output-words.js';
import { BRIDGE_PENALTY, CHAIN_BONUS, CLEAR_LEAD, COMMON_WORDS_IDF, INFEASIBLE_PENALTY, OUTPUT_BONUS, REPEAT_PENALTY, REWORK_PENALTY, UNKNOWN_WORD_WEIGHT } from './planner-config.js';
import { MODALITY_WORDS, isKindWord, kindOf, labelTerms, nameCoverage, operationNamed } from './type-index.js';
import { bridgeFor, canFill, userWordsFit } from './wire-inputs.js';
import { type PlanState, type Ranked } from './plan-state.js';
import { ownWords } from './own-words.js';
import { formatKind } from './format-goal.js';
import { intoGoalTerms } from './into-goal.js';

/** Task types for a clause, best first: relative BM25F score times feasibility and the clause's leanings. */
export function rank(s: PlanState, clause: Clause, bySenses = false): Ranked[] {
  // Labels offered to a type that takes them, with what is at hand as it is, are no empty
  // words, nor words for what to do: they are the parameter ("is it hate speech or not" asks
  // to choose, and names no speech to make).
  const choosing = offersLabels(s, clause) && s.types.some((t) => choosesLabels(s, t) && t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, s.available)));
  const labels = choosing ? introducedChoices(clause.sentence ?? clause.text) : undefined;
  const own = labels ? withoutLabels(ownWords(clause), labels) : ownWords(clause);
  const senses = senseWords(own);
  const senseTerms = new Set(terms(senses));
  const referent = referentWord(s, clause);
  // A question of fact names answering only if some answerer takes what is at hand as it is
  // (a photo's question is not one for a text's answerer, through the text read off it).
  const answerable = asksFact(clause) && s.types.some((t) => answers(t) && t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, s.available) || userWordsFit(t, slot)));
  // So is a list of choices ("about billing, shipping or returns"): the labels are the
  // parameter, and offering them asks to choose.
  const offers = choicesIn(clause.sentence ?? clause.text) !== undefined;
  const words = `${own} ${referent}${answerable ? ' answer question' : ''}${offers ? ' choose' : ''}${senses}`;
  // What "it" stands for helps choose among types but is not itself a request: a clause
  // whose own words match nothing ("Once that's done", "Can you figure it out") is no step.
  // TaskBench dev: node F1 58.55 → 59.11.
  // Nor is one whose words, senses included, are all common to half the documentation or
  // more ("would you help me with a task": every type is "the task of …"); BM25's idf is ln 2
  // for a word in exactly half. TaskBench HF dev 72.27 / 35.58 → 72.49 / 35.58 (idf 0.5 the
  // same, 0.8 72.37 / 34.91).
  // Offered labels are no empty words either ("categorize this as urgent or not urgent" of a
  // text; not "is it a cat or a dog" of a photo, which no label-choosing type takes).
  if ((!bySenses && !choosing && s.index.ceiling(own, 0) === 0) || s.index.ceiling(`${own}${senses}${choosing ? ' choose' : ''}`, 0) < COMMON_WORDS_IDF) return [];
  const ceiling = s.index.ceiling(words, UNKNOWN_WORD_WEIGHT) || 1;
  // The user's files say their kinds too: a question about 'room.jpg' is about an image.
  const said = [...terms(words), ...s.requestTerms, ...s.available.files.map((f) => `kind:${f.modality}`)];
  const leaning = leanings(s, clause);
  // The clause's own words or its whole sentence: "answer this about the photo: what color is the cup?".
  const questioning = asksWhatIs(clause.raw ?? clause.text) || asksWhatIs(clause.sentence ?? clause.text);
  const tells = tellsAsked(s, clause);
  const reported = asksWhatIsReported(clause.raw ?? clause.text);
  const meaningInALanguage = asksMeaningInALanguage(clause.raw ?? clause.text, s.request);
  const referentTerms = new Set([...terms(referent), ...namedMaterial(s, clause)]);
  const saidKinds = kindsSaid(s, clause, words);
  const goal = intoGoalTerms(clause.raw ?? clause.text, s.catalog);
  const servedProduct = s.anyServed && namesServedProduct(s, own);
  const ranked = s.index
    .search(words)
    // Nor does it make a type a candidate by itself: "give me a brief summary of it" of a
    // recording is no request for an audio tool. TaskBench HF dev 73.91 / 37.88 → 73.73 /
    // 37.38 (three more steps, two of them of tools TaskBench's gold names but its tool list
    // lacks); kept for what it says.
    .filter((r) => !r.matched.every((t) => referentTerms.has(t)))
    // Nor does a question word: "when is it", "does she say where she lives" ask when and
    // where of something else; a type documented as telling when someone speaks answers
    // "when" only of speaking (before, "when is the deadline" of a recording found speech).
    // A type that gives the property asked is kept ("how does she feel": a face's emotion).
    // Nor does a question what something means, with a language to have it in, ask a question
    // of its words: its meaning is its words in that language ("the sign is in spanish, what
    // does it mean": before, a question answered from the sign's text, then translated).
    .filter((r) => !(meaningInALanguage && answeredParam(s.catalog.taskType(r.id)!) !== undefined))
    // Nor is a type matched only by words for kinds the step for a question about what is said
    // in the file ("who are they talking about in the recording": before, voice activity).
    .filter((r) => !(reported && r.matched.every((t) => isKindWord(t) || referentTerms.has(t))))
    // Nor with words for kinds beside it: "where was this photo taken" asks where, of a photo
    // (before, poses: their documentation says where the arms and legs are).
    .filter((r) => !r.matched.every((t) => referentTerms.has(t) || QUESTION_TERMS.has(t) || isKindWord(t)) || !r.matched.some((t) => QUESTION_TERMS.has(t)) || s.typesAsked(clause).has(r.id) || answersAsItIs(s, s.catalog.taskType(r.id)!, clause))
    // Nor does a type reach a goal said after "into" when only words for kinds match it: its
    // documentation must say the goal or the change ("turn this photo into a cartoon": before,
    // the picture tool nearest in meaning; "transforming it into a cityscape" keeps a type
    // documented as transforming).
    .filter((r) => goal.length === 0 || r.matched.some((t) => goal.includes(t) || !isKindWord(t)))
    // A type nothing here serves is planned only to refuse plainly, so it must be asked for
    // clearly (see servedFirst): not when only the verb of making matches it and what the
    // clause makes is what a served type gives ("generate a summary": a summary, which
    // summarization gives, not a picture; before, refused as image generation).
    .filter((r) => !(s.anyServed && !s.served(s.catalog.taskType(r.id)!) && r.matched.every((t) => CREATING.has(t)) && servedProduct))
    // Nor is an edit the answer to a question: "where are the silent parts?" asks where, and
    // a recording with its silence trimmed is no answer; "what color is the cup?" no grayscale.
    .filter((r) => !(questioning && isEdit(s.catalog.taskType(r.id)!)))
    // Nor is a thing made from words, unless the clause asks to hear or see it: "what does this
    // say" of a text asks for its words, not for them spoken (before, speech synthesis, by "say").
    .filter((r) => !(questioning && makesFromWords(s.catalog.taskType(r.id)!) && wantedOutput(clause.text) !== s.catalog.taskType(r.id)!.output.modality))
    // Nor does a type answer "what X …" whose documentation never says X: the rest of the
    // question is what it is asked of ("what breed is the dog" is no detection of dogs; "what
    // year did the company go public" no list of the companies named).
    // A type that answers questions in the user's words answers any X.
    .filter((r) => tells(s.catalog.taskType(r.id)!, r.matched))
    .flatMap((r) => {
      const type = s.catalog.taskType(r.id)!;
      const specs = paramSpecs(type);
      const stated = extractParams(specs, clause, type);
      // A choice left unmade (which operation of an edit) does not make the type infeasible: it
      // is still the step asked for, and the plan's check asks the user to make it ("reverse the
      // audio": which operation of audio conversion; before a default did nothing asked).
      const paramsMet = specs.every((p) => !p.required || p.default !== undefined || p.enum !== undefined || p.name in stated);
      // Each required input: at hand as it is, or the converting steps that would give it.
      const ways = type.inputs
        .filter((slot) => slot.required)
        .map((slot) => (canFill(slot.modality, clause, s.available) || userWordsFit(type, slot) || ownMaterial(s, type, slot, clause) || (takesPrompt(slot) && !pointsAtAFile(clause)) ? 'direct' : bridgeFor(slot.modality, s.available, s.types)));
      const inputs = ways.map((way) => (way === 'direct' ? 'direct' : way.length ? 'bridged' : 'none'));
      // A round trip is no reading: speech recognition of a text turned into speech gives the
      // text back ("can you say this in spanish" of a text had synthesised it to transcribe it),
      // unless a new one of that kind is asked for ("generate an image from this idea").
      if (inputs.includes('bridged') && s.available.files.some((f) => f.modality === type.output.modality) && createdKind(clause.text) !== type.output.modality) return [];
      // Nor is an analysis of a thing made up from the words: where the only way to a type's
      // input is a step that makes a picture or a sound out of text, and the request asks for no
      // such thing made, the type would look at nothing given ("what time does the shop close"
      // of a text had been spoken aloud for its pauses to be found); unless its result is the
      // kind wanted ("make an mp3 of this text": speech, converted).
      const made = ways.some((way) => way !== 'direct' && way.length > 0 && way.every((step) => step.inputs[0]!.modality === 'text' && step.output.modality !== 'text'));
      const wantedKind = () => wantedOutput(clause.text) === type.output.modality || terms(clause.text).some((w) => formatKind(w, s.catalog) === type.output.modality);
      if (made && !createdKind(s.request) && !wantedKind()) return [];
      // A question about a thing is answered from the thing: a type that answers the user's
      // own question does not take it through a conversion ("how many cups are on the table"
      // of a photo is no question about the text read off it).
      // The name of a thing a type finds says what to look for in a picture at hand, not that
      // the request is for that type: with no picture, "book me a flight" asks for no detector.
      const labels = labelTerms(type);
      if (labels.size && !inputs.every((i) => i === 'direct') && r.matched.every((t) => labels.has(t))) return [];
      const feasibility = !paramsMet || inputs.includes('none') || (answeredParam(type) !== undefined && inputs.includes('bridged')) ? INFEASIBLE_PENALTY : inputs.includes('bridged') ? BRIDGE_PENALTY : 1;
      // An operation retrieved from a large store keeps the retriever's verdict, which saw
      // the whole catalog: the best counts fully, the twentieth about a seventh.
      const raw = (r.score / ceiling) * (s.catalog.retrieval.get(type.id) ?? 1) * leaning.intent(type);
      // A sense read into the words is weak evidence: a type only it matches must take what is
      // at hand as it is ("what's in this picture" asks to classify, and a text's classifier
      // reached through OCR is no reading of that).
      if (inputs.includes('bridged') && r.matched.every((t) => senseTerms.has(t))) return [];
      return [{ type, feasibility, score: raw * feasibility * nameCoverage(type, said) * leaning.flow(type), raw, matched: r.matched }];
    })
    .sort((a, b) => b.score - a.score)
    // Words for kinds say what the thing is, not what to do with it: a type that only they
    // match ranks below one whose operation the clause names ("transcribe this video" is
    // speech recognition, reached through the video's sound track, not video editing).
    // With the step rule below (a kind-only match is a step only if nearest in meaning), the
    // two-step bridges and the video types: TaskBench HF dev 73.73 / 37.38 → 73.94 / 37.58;
    // the everyday requests' held-out splits: aside 32 → 31, s11-aside 26 → 27 of 30.
    .sort((a, b) => Number(!operationNamed(a, saidKinds)) - Number(!operationNamed(b, saidKinds)));
  return servedFirst(s, ranked);
}

const QUESTION_TERMS = new Set(terms('what which who whom whose when where why how'));
const CREATING = new Set(terms(CREATING_VERBS));

/** Whether words name what a served type gives, by its output's description ("a summary": the summary), kind words aside. */
function namesServedProduct(s: PlanState, words: string): boolean {
  const said = new Set(terms(words).filter((t) => !isKindWord(t)));
  return s.types.some((t) => s.served(t) && terms(t.output.description).some((w) => !isKindWord(w) && said.has(w)));
}

/** The kinds a clause says, less those of the files given: "this recording" names what is given, not what is wanted. */
export function kindsSaid(s: PlanState, clause: Clause, words = clauseWords(clause)): Set<string> {
  const givenKinds = new Set(s.available.files.map((f) => `kind:${f.modality}`));
  return new Set(terms(words).filter(isKindWord).map(kindOf).filter((k) => !givenKinds.has(k)));
}

/**
 * What a clause leans towards beyond its words. `intent`: the kind of result it asks for
 * and the kind it converts. `flow`: how the step would sit in the plan so far.
 */
export function leanings(s: PlanState, clause: Clause) {
  const wanted = wantedOutput(clause.text);
  const from = convertedFrom(clause.text);
  const created = createdKind(clause.text);
  const last = s.available.outputs.at(-1);
  const previous = s.planned.at(-1)?.task.task;
  const favour = (yes: boolean) => (yes ? 1 + OUTPUT_BONUS : 1 - OUTPUT_BONUS / 2);
  return {
    intent: (type: TaskType) =>
      (wanted ? favour(type.output.modality === wanted) : 1) * (from && from !== wanted ? favour(type.inputs.some((i) => i.modality === from)) : 1),
    flow: (type: TaskType) => {
      // "Create an image" asks for a new one: a tool that reworks an image it is given fits less.
      const reworks = created && type.output.modality === created && type.inputs.some((i) => i.modality === created) ? REWORK_PENALTY : 1;
      // Steps tend to feed each other: a type that can take the latest result is favoured.
      const chains = last && type.inputs.some((i) => accepts(i.modality, last.modality)) ? 1 + CHAIN_BONUS : 1;
      // A new clause seldom asks for the step just planned to be run on its own result
      // ("translate it, then start a conversation based on the translated text"); asking
      // it again of the same input is one task (see addTask), not a repeat.
      // Not when the clause names another of its operations: "twice as fast and without sound" mutes after speeding up.
      const again = previous === type.id && type.inputs.some((i) => accepts(i.modality, type.output.modality)) && !otherOperation(s, type, clause) ? REPEAT_PENALTY : 1;
      return reworks * chains * again;
    },
  };
}

/**
 * The given text named by what it is ("this email", "the letter", "my article": a noun WordNet
 * files under communication, after a determiner), in a clause that wants it in a language: the
 * material, like "it", not a request for a type whose documentation mentions emails ("turn this
 * email into spanish" is a translation, not a question answered from the email).
 */
function namedMaterial(s: PlanState, clause: Clause): string[] {
  // Only where the clause wants it in a language: elsewhere "this story", "this spam" may name what is asked.
  if (!s.available.files.some((f) => f.modality === 'text') || languageGoals(clause.text).target === undefined) return [];
  const nouns = [...(clause.raw ?? clause.text).matchAll(/\b(?:this|that|these|those|the|my|your|our)\s+([a-z]+)\b/gi)].map((m) => m[1]!);
  return terms(nouns.filter((n) => !isKindWord(terms(n)[0] ?? '') && wordNet().isKindOf(n, 'communication')).join(' '));
}

/** A type's choice of what to do: its required choice, else a choice whose values are described (an edit's operation). */
export function operationParam(type: TaskType) {
  const specs = paramSpecs(type);
  return specs.find((p) => p.required && p.enum) ?? specs.find((p) => p.enum && p.enumDescriptions);
}

/** Whether a clause names a value of the type's choice of operation other than the one the step just planned has. */
function otherOperation(s: PlanState, type: TaskType, clause: Clause): boolean {
  const operation = operationParam(type);
  const last = s.planned.at(-1)?.task;
  if (!operation || !last) return false;
  const value = extractParams([operation], clause, type)[operation.name];
  return value !== undefined && value !== last.args[operation.name];
}

/**
 * What "it" stands for, in the words of its kind: "classify it" said of a photo is
 * "classify [the image]". Only for a clause that points back and does not name that kind
 * itself; "extract the text from it" names the text it wants, not the photo it points to.
 * TaskBench dev: node F1 54.82 → 55.08, edge 16.85 → 17.47; the referent's own kind only
 * (not any kind) 58.37 → 58.71.
 */
export function referentWord(s: PlanState, clause: Clause): string {
  if (!clause.anaphoric) return '';
  const kind = s.available.outputs.at(-1)?.modality ?? s.available.files.at(-1)?.modality;
  if (!kind || !MODALITY_WORDS[kind]) return '';
  if (new RegExp(`\\b(?:${MODALITY_WORDS[kind].split(' ').join('|')})s?\\b`, 'i').test(clause.text)) return '';
  return MODALITY_WORDS[kind].split(' ')[0]!;
}

/**
 * A type nothing here serves is planned only to refuse the request plainly, so it must be
 * asked for clearly: when a served type matches nearly as well (within the clear lead), the
 * served reading comes first ("what's written on this?" is the text read, not a caption).
 * Only where some types are served (an imported tool list serves none).
 */
export function servedFirst(s: PlanState, ranked: Ranked[]): Ranked[] {
  const top = ranked[0];
  if (!top || !s.anyServed || s.served(top.type)) return ranked;
  const near = ranked.find((r) => s.served(r.type) && operationNamed(r, new Set()) && r.score >= top.score * (1 - CLEAR_LEAD));
  return near ? [near, ...ranked.filter((r) => r !== near)] : ranked;
}

/** Whether a type takes the labels a request offers to choose from (a parameter of format "choices"). */
export function choosesLabels(s: PlanState, type: TaskType): boolean {
  return paramSpecs(type).some((p) => p.format === 'choices');
}

/**
 * Whether a clause offers labels to choose among that are not a property another type gives
 * ("is it good or not good?" asks a sentiment).
 */
export function offersLabels(s: PlanState, clause: Clause): boolean {
  return choicesIn(clause.sentence ?? clause.text) !== undefined && s.typesAsked(clause).size === 0;
}

/**
 * The text a clause gives in its own words ("say hello world"), for a type that takes the
 * text itself, when the request gives nothing else: no file, no quote, no earlier result.
 * Before, "say hello world" had no text to speak (speech recognition was planned, with no
 * recording), and "translate good morning to Spanish" translated the whole request.
 */
export function ownMaterial(s: PlanState, type: TaskType, slot: TaskType['inputs'][number], clause: Clause): string | undefined {
  if (s.available.files.length || s.available.quotes.length || s.available.outputs.length || !takesMaterial(slot)) return undefined;
  return materialWords(clause, type);
}

/** A type that gives back the kind of thing it takes, other than text: an edit of a picture, a recording or a video. */
export function isEdit(type: TaskType): boolean {
  const out = type.output.modality;
  return out !== 'text' && out !== 'json' && type.inputs.some((i) => i.modality === out);
}

/** A type that answers the user's own question, from what is at hand as it is (a text given, not one read off a photo). */
function answersAsItIs(s: PlanState, type: TaskType, clause: Clause): boolean {
  return answeredParam(type) !== undefined && type.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, s.available));
}

/** A type that makes a picture, a sound or a video out of a text (speech synthesis, image generation). */
function makesFromWords(type: TaskType): boolean {
  const required = type.inputs.filter((i) => i.required);
  return required.length > 0 && required.every((i) => i.modality === 'text') && type.output.modality !== 'text' && type.output.modality !== 'json';
}

/** A clause's words without the labels it offers. */
function withoutLabels(words: string, labels: readonly string[]): string {
  const said = new Set(labels.flatMap((l) => l.toLowerCase().split(/\s+/)).filter((w) => w !== 'not'));
  return words.split(/(\s+)/).filter((w) => !said.has(w.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, ''))).join('');
}

/**
 * Whether a type can tell the X a "what X" question asks: its documentation says X (`matched`,
 * the question's terms it was found by, when known), it gives the property asked ("what's the
 * mood of the people": their faces' emotion), or it answers questions in the user's words.
 * Any type can, when the clause asks no X.
 */
export function tellsAsked(s: PlanState, clause: Clause): (type: TaskType, matched?: readonly string[]) => boolean {
  const word = askedWord(clause);
  const asked = word === undefined ? [] : terms(word).slice(0, 1);
  // A yes/no question asks its predicate of its subject: "is the person in the photo wearing
  // glasses" asks about glasses, and a type that finds people does not tell (before: poses).
  // A language offered as the answer asks the language (asked-properties.ts), no word to match.
  const predicate = asked.length || choicesIn(clause.sentence ?? clause.text) ? [] : terms(withoutLanguages(yesNoPredicate(clause.raw ?? clause.text) ?? ''));
  const needed = asked.length ? asked : predicate;
  if (needed.length === 0) return () => true;
  const givers = s.typesAsked(clause);
  const saying = new Set(s.index.search(needed.join(' ')).map((r) => r.id));
  return (type, matched) => (matched ? matched.some((t) => needed.includes(t)) : saying.has(type.id)) || givers.has(type.id) || answers(type) || answeredParam(type) !== undefined;
}

function withoutLanguages(text: string): string {
  return languageMentions(text).reduce((out, m) => out.replace(new RegExp(`\\b${m.language.name}\\b`, 'i'), ' '), text);
}

/**
 * What a yes/no question asks of its subject, when the subject is a pronoun or a noun phrase
 * ("is the person in the photo wearing glasses": wearing glasses); none for "is there …", whose
 * predicate is the thing itself, or a question of another shape.
 */
export function yesNoPredicate(text: string): string | undefined {
  const m = /^\s*(?:is|are|was|were|does|do|did)\s+(?:he|she|it|they|(?:the|this|that|these|those|my|your|his|her|its|their)\s+[a-z]+(?:\s+(?:in|on|of|from)\s+(?:the|this|that|my|your)\s+[a-z]+)?)\s+([a-z][^?.!,]*)/i.exec(text);
  return m?.[1];
}

/**
 * The noun a "what X" or "which X" question asks for ("what breed is the dog": breed); none for
 * "what is …", "what kind of …", "which one" or a word for a kind of file. A question of fact
 * ("what is the number of people") names answering, whatever it asks; "what X" still asks X
 * ("what colour is the car" is no detection of cars).
 */
export function askedWord(clause: Clause): string | undefined {
  const text = clause.raw ?? clause.text;
  // "What is the price on the tag": the noun after "the", before what it is of or on.
  const the = asksFact(clause) ? null : /^\s*(?:what|which)(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|its|their|his|her)\s+(?:[a-z]+\s+){0,2}?([a-z]+)(?=\s+(?:of|on|in|at|for|from|about)\b|\s*[?.!]?\s*$)/i.exec(text);
  // "What's the weather like": the noun before "like" ("what is X like" asks how X is).
  const like = /^\s*what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|its|their|his|her)\s+([a-z]+)\s+like\b/i.exec(text);
  // "Identify the plant" asks what plant it is, as "what plant is this" does.
  const identify = /^\s*(?:identify|recogni[sz]e|determine|name)\s+(?:the|this|that|these|those)\s+([a-z]+)\s*$/i.exec(text);
  const m = like ?? the ?? identify ?? /^\s*(?:what|which)\s+([a-z]+)\b/i.exec(text);
  if (!m || /^(?:kind|kinds|type|types|sort|sorts|one|ones|is|are|was|were|does|do|did|can|could|will|would|should|has|have|had)$/i.test(m[1]!)) return undefined;
  const term = terms(m[1]!)[0];
  return term && !isKindWord(term) ? m[1]!.toLowerCase() : undefined;
}
