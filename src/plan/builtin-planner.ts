import type { Catalog } from '../catalog/catalog.js';
import { accepts, type Modality, type SniffedFile } from '../core/modality.js';
import { paramSpecs, type TaskType } from '../core/task-type.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { languageMentions } from '../text/languages.js';
import { actionTerms as terms } from '../text/tokenize.js';
import type { Plan, PlanTask } from '../core/plan.js';
import { analyzeRequest, clauseWords, type Clause } from './request-analysis.js';
import { FRAMING, asksQuestion, asksWhatIs } from './speech-act.js';
import type { MeaningRanks } from './clause-meaning.js';
import { plainVerbs } from './phrasal-verbs.js';
import { oppositeOfTooMuch } from './too-much.js';
import { plainKinds } from './kind-words.js';
import { senseWords } from './word-senses.js';
import { withoutJudging } from './asked-properties.js';
import { asksGivenProperty, typesAsked } from './reach-asked.js';
import { answeredParam, reachAnswer } from './reach-answer.js';
import { extractParams } from './extract-params.js';
import { languageGoals } from './language-goals.js';
import { choicesIn } from './choices.js';
import { pointsAtWriting } from './written-things.js';
import { materialWords, pointsAtAFile, takesMaterial, takesPrompt } from './material-words.js';
import { answers, asksFact } from './fact-questions.js';
import { changedKind, convertedFrom, createdKind, keptAs, madeKind, wantedOutput } from './output-words.js';
import { AGREED_MIN_SCORE, BRIDGE_PENALTY, CHAIN_BONUS, CLEAR_LEAD, CLEAR_LEAD_MIN_SCORE, COMMON_WORDS_IDF, FALLBACK_MIN_RELATIVE_SCORE, FAR_IN_MEANING, INFEASIBLE_PENALTY, MIN_RELATIVE_SCORE, OUTPUT_BONUS, REPEAT_PENALTY, REQUEST_TIE_BREAK, REWORK_PENALTY, UNKNOWN_WORD_WEIGHT } from './planner-config.js';
import { MODALITY_WORDS, isKindWord, kindOf, nameCoverage, operationNamed, typeIndex } from './type-index.js';
import { type Available, URL_SLOT, bridgeFor, canFill, fetcherFor, fill, isAddress, isRefTo, promptWords, userWords, userWordsFit } from './wire-inputs.js';

export interface PlannedTask {
  task: PlanTask;
  /** The words of the request this task answers, for selection and the run record. */
  clause: string;
  /**
   * The words did not clearly ask for this step: its clause named only the kind of thing it
   * works on ("… in this recording"), or no clause matched and the whole request was its best
   * guess. The weakest evidence a step can have, which a question's goal outweighs (draft-plan.ts).
   */
  unsure?: boolean;
}

export interface BuiltinPlan {
  plan: Plan;
  tasks: PlannedTask[];
  notes: string[];
}
/**
 * "Summarize what is said in this recording": what was said is the thing a step works on,
 * not a request to transcribe it, when another word asks first ("tell me what is said" still
 * asks for the words). TaskBench HF dev and the held-out hand sets plan as before; the CLI's
 * own catalog had planned speech recognition alone.
 */
const SAID_AS_OBJECT = /(\b[a-z]\w*\b.*?)\s+what\s+(?:(?:is|was|are|were|'s|has\s+been|had\s+been)\s+(?:being\s+)?(?:said|spoken|discussed|talked\s+about)|(?:the\s+|this\s+|that\s+|he\s+|she\s+|they\s+|we\s+|you\s+|people\s+|someone\s+)(?:\w+\s+)?(?:says|said|is\s+saying|are\s+saying|talks\s+about|talked\s+about|speaks\s+about|mentions|mentioned))\b/i;
/** Verbs that carry no operation of their own, and "more" (see ownWords). */
const LIGHT_VERB = /\bmore\b|\b(?:make|makes|making|made|give|gives|giving|gave|get|gets|getting|got|do|does|doing|did|have|has|having|had|take|takes|taking|took|look|looks|looking|looked)\b/gi;
type Ranked = { type: TaskType; feasibility: number; score: number; raw: number; matched: string[] };

/**
 * The planner with no LLM. From the catalog's documentation alone it maps each clause of
 * the request to the task type whose description and examples it matches best (BM25F),
 * wires each task's inputs to quoted text, the user's files or earlier outputs by
 * modality, inserts a converting step where an input is missing but can be derived (the
 * type graph), and reads parameters such as languages off the clause.
 */
export function planWithoutLlm(request: string, catalog: Catalog, files: ReadonlyMap<string, SniffedFile>, meaning?: MeaningRanks): BuiltinPlan {
  const { types, index } = typeIndex(catalog);
  const analysis = analyzeRequest(request);
  const available: Available = {
    files: [...files].map(([path, f]) => ({ path, modality: f.modality })),
    outputs: [],
    quotes: analysis.quotes,
    usedQuotes: new Set(),
  };
  const planned: PlannedTask[] = [];
  /** The latest step: its type, the terms of the clause that asked for it, and of its type's name. */
  let lastStep: { type: TaskType; terms: ReadonlySet<string>; nameTerms: ReadonlySet<string> } | undefined;
  const notes: string[] = [];
  /** The whole request's match of each type, read once and only if a converting step is chosen. */
  let requestRelevance: Map<string, number> | undefined;
  /** Types a clause asked for that nothing given or planned could feed. */
  const unfed: Array<{ type: TaskType; clause: string; slots: TaskType['inputs'] }> = [];
  /** Questions no type took when they were read, for want of a text to answer from. */
  const unanswered: Clause[] = [];
  const requestWords = analysis.clauses.map((c) => clauseWords(c)).join(' ');
  // Served: an expert here, or one the catalog's store documents (asked once per type).
  const servedTypes = new Map<string, boolean>();
  const served = (type: TaskType) => {
    let known = servedTypes.get(type.id);
    if (known === undefined) servedTypes.set(type.id, (known = catalog.expertsFor(type.id).length > 0 || (catalog.store?.byTask(type.id, 1).length ?? 0) > 0));
    return known;
  };
  const anyServed = types.some(served);
  // A tool's name is said by the whole request, not one clause: "classify it" of a photo says "Image Classification".
  const requestTerms = terms(requestWords);

  // Clauses that ask for something first; the scene-setting ones only if nothing was asked.
  const asking = analysis.clauses.filter((c) => c.asks !== false);
  for (const clause of asking.length ? asking : analysis.clauses) {
    // "… and save it as an audio clip" after a step that gives audio asks for nothing new.
    const kept = keptAs(clause.text);
    if (kept && available.outputs.at(-1)?.modality === kept) continue;
    // A clause that only names a file given ("this recording, what language does he speak?")
    // says what the rest is about, not a step (before: an audio conversion for no reason).
    const content = terms(ownWords(clause));
    if (asking.length > 1 && content.length > 0 && content.every((t) => isKindWord(t) && available.files.some((f) => kindOf(t) === `kind:${f.modality}`))) continue;
    const { ranked, thing } = thingBeforeKind(askedFirst(newEvidence(rank(clause), clause), clause), clause);
    const best = ranked[0];
    const near = meaning?.(clause);
    // A type that only words for kinds match is a step only if it is also the nearest in meaning:
    // "put this text into Catalan" names a text, not speech, and asks for Catalan.
    const named = best && (operationNamed(best, kindsSaid(clause)) || !near || near.get(best.type.id) === 0);
    // A thing named beside the kind it is wanted as: the meaning of the clause is the kind's.
    // Labels offered to a type that chooses among them, of what is at hand as it is: the
    // structure says the step, whatever its words' meaning ("categorize this as urgent or not urgent").
    const chosen = best !== undefined && best.feasibility === 1 && choosesLabels(best.type) && offersLabels(clause);
    const byWords = best && named && (best === thing || chosen || isStep(best, ranked[1], near)) ? best.type : undefined;
    const answerer = !byWords ? answererFor(clause, ranked.length === 0) : undefined;
    // The type the words name first; if nothing at hand can feed it, what the clause asks to make or have.
    const candidates = [byWords, makerFor(clause), translatorFor(clause), ranked.length === 0 ? converterFor(clause) : undefined, answerer];
    const type = candidates.find((t): t is TaskType => t !== undefined && (t === byWords ? planParts(t, clause) : plan(t, clause)));
    if (!type) {
      outOfReach(ranked, clause);
      if (asksQuestion(clause.raw ?? clause.text)) unanswered.push(clause);
      continue;
    }
    // A quoted question's step was asked for answering: "share this answer" repeats it.
    lastStep = { type, terms: new Set(terms(`${clauseWords(clause)}${type === answerer ? ' answer question' : ''}`)), nameTerms: new Set(terms(type.name)) };
    if (type === answerer) notes.push(`planned ${type.id} for "${clause.text}": a question that no type's words answer`);
    if (type === byWords) {
      const step = planned.findLast((p) => p.task.task === type.id);
      if (step && best!.matched.every((t) => isKindWord(t))) step.unsure = true;
      finishAs(clause, byWords);
    }
  }
  // A question asked before the clause that names its source ("when is the library closed,
  // going by this sign"): once that source's text is at hand, the question is answered from it.
  if (planned.length) answerFromText(unanswered);
  // Nor is one about a picture of something that carries writing ("the poster: who is
  // performing and when", "what's the wifi password on this card"): read first, then answered.
  if (planned.length === 0 && unanswered.length && available.files.some((f) => f.modality === 'image') && pointsAtWriting(request)) {
    const reader = types.find((t) => served(t) && t.output.modality === 'text' && t.inputs.length === 1 && t.inputs[0]!.modality === 'image' && !answeredParam(t));
    const first = unanswered[0]!;
    if (reader && answererFor(first, false, true) && plan(reader, first)) {
      notes.push(`planned ${reader.id}: the question is about a thing that carries writing`);
      answerFromText(unanswered);
    }
  }
  if (planned.length === 0) {
    // Nothing planned: the senses of a clause's words may be all it says ("condense it for
    // me", "distill the main points"). Only now, since letting them make any clause a step
    // cost TaskBench HF dev edge F1 (+0.05 / −0.4); this way 73.73 / 37.38 → 73.62 / 37.44
    // (one record), and the CLI's own catalog no longer fails "condense it" of a text file.
    for (const clause of asking) {
      const ranked = rank(clause, true);
      if (ranked[0] && isStep(ranked[0], ranked[1], meaning?.(clause))) plan(ranked[0].type, clause);
    }
  }
  if (planned.length === 0 && asking.length < analysis.clauses.length) {
    for (const clause of analysis.clauses.filter((c) => c.asks === false)) {
      const best = rank(clause)[0];
      if (best && best.raw >= MIN_RELATIVE_SCORE) plan(best.type, clause);
    }
  }
  if (planned.length === 0) {
    // A verbose request can match no clause well and still ask for one thing: take the best
    // type for the whole request, if its inputs are at hand and it matches at all.
    // Its sentence is the question it asks, if any: an edit answers none (rank).
    const question = analysis.clauses.map((c) => c.raw ?? c.text).find((t) => asksWhatIs(t));
    const whole: Clause = { text: analysis.clauses.map((c) => c.text).join(' '), quotes: analysis.quotes.map((_, i) => i), anaphoric: false, ...(question ? { sentence: question } : {}) };
    const best = rank(whole).find((r) => r.feasibility === 1 && operationNamed(r, kindsSaid(whole, whole.text)));
    if (best && best.raw > FALLBACK_MIN_RELATIVE_SCORE) {
      const from = planned.length;
      plan(best.type, whole);
      for (const step of planned.slice(from)) step.unsure = true;
      notes.push(`no single clause matched a task type clearly; planned ${best.type.id} from the whole request`);
    }
  }

  if (planned.length === 0 && unfed.length === 0 && meaning && available.files.length && !reachAnswer(request, catalog, available.files)) {
    // No word of the request names a type ("what can you see in this pic"), nor is it an open
    // question about the file (draft-plan.ts answers those): the type nearest in meaning to its
    // one asking clause, if it takes a given file as it is. Dev splits of the everyday
    // requests 60 → 62 of 68, s12-dev 26 of 30 unchanged.
    const only = asking.length === 1 ? asking[0] : undefined;
    const nearest = only && [...(meaning(only) ?? [])].find(([, place]) => place === 0)?.[0];
    const type = nearest ? catalog.taskType(nearest) : undefined;
    if (only && type && type.inputs.every((slot) => !slot.required || available.files.some((f) => f.modality === slot.modality))) {
      const from = planned.length;
      if (plan(type, only)) {
        for (const step of planned.slice(from)) step.unsure = true;
        notes.push(`no word of the request names a task type; planned ${type.id}, the nearest in meaning`);
      }
    }
  }
  if (planned.length === 0 && unfed.length) {
    // The request was understood; what it is about was not given.
    const { type, clause, slots } = unfed[0]!;
    const missing = slots.map((slot) => `required ${slot.modality} input "${slot.name}" is missing`).join(' and ');
    // Files of another kind were given: nothing here does this with them ("count the words in this text").
    const given = [...new Set(available.files.map((f) => f.modality))];
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
  if (planned.length === 0) {
    throw new TroupeError(ErrorCode.NoPlan, `no expert can serve this request: none of the task types (${types.map((t) => t.id).join(', ')}) matches "${request}"`, {
      hint: 'rephrase the request with the action you want (e.g. "read the text in this photo"), or run `npx troupe doctor` to see what is available',
    });
  }
  return { plan: { tasks: planned.map((p) => p.task) }, tasks: planned, notes };

  /**
   * One clause that names two values of its type's operation joined by "and" is two steps, the
   * second working on the first's result: "make it smaller and grayscale", "crop and rotate 90".
   * Before, the one value read first was all the plan did. "Black and white" names one value.
   */
  function planParts(type: TaskType, clause: Clause): boolean {
    // What to do, as the type documents it: its required choice, else its first choice documented value by value.
    const specs = paramSpecs(type);
    const operation = specs.find((p) => p.required && p.enum) ?? specs.find((p) => p.enum && p.enumDescriptions);
    const pieces = operation ? clause.text.split(/\s+and\s+/i) : [];
    if (pieces.length < 2) return plan(type, clause);
    const parts = pieces.map((text, i): Clause => ({ ...clause, text, raw: text, sentence: text, quotes: i === 0 ? clause.quotes : [], anaphoric: clause.anaphoric || i > 0 }));
    const values = parts.map((part) => extractParams([operation!], part, type)[operation!.name]);
    if (values.some((v) => v === undefined) || new Set(values).size < values.length) return plan(type, clause);
    return parts.map((part) => plan(type, part)).every(Boolean);
  }

  /**
   * The text a clause gives in its own words ("say hello world"), for a type that takes the
   * text itself, when the request gives nothing else: no file, no quote, no earlier result.
   * Before, "say hello world" had no text to speak (speech recognition was planned, with no
   * recording), and "translate good morning to Spanish" translated the whole request.
   */
  function ownMaterial(type: TaskType, slot: TaskType['inputs'][number], clause: Clause): string | undefined {
    if (available.files.length || available.quotes.length || available.outputs.length || !takesMaterial(slot)) return undefined;
    return materialWords(clause, type);
  }

  /** The kinds a clause says, less those of the files given: "this recording" names what is given, not what is wanted. */
  function kindsSaid(clause: Clause, words = clauseWords(clause)): Set<string> {
    const givenKinds = new Set(available.files.map((f) => `kind:${f.modality}`));
    return new Set(terms(words).filter(isKindWord).map(kindOf).filter((k) => !givenKinds.has(k)));
  }

  /** Task types for a clause, best first: relative BM25F score times feasibility and the clause's leanings. */
  function rank(clause: Clause, bySenses = false): Ranked[] {
    const own = ownWords(clause);
    const senses = senseWords(own);
    const senseTerms = new Set(terms(senses));
    const referent = referentWord(clause);
    // A question of fact names answering only if some answerer takes what is at hand as it is
    // (a photo's question is not one for a text's answerer, through the text read off it).
    const answerable = asksFact(clause) && types.some((t) => answers(t) && t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, available) || userWordsFit(t, slot)));
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
    // Labels offered to a type that takes them, with what is at hand as it is, are no empty
    // words: "categorize this as urgent or not urgent" of a text (not "is it a cat or a dog" of a photo).
    const choosing = offersLabels(clause) && types.some((t) => choosesLabels(t) && t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, available)));
    if ((!bySenses && !choosing && index.ceiling(own, 0) === 0) || index.ceiling(`${own}${senses}${choosing ? ' choose' : ''}`, 0) < COMMON_WORDS_IDF) return [];
    const ceiling = index.ceiling(words, UNKNOWN_WORD_WEIGHT) || 1;
    // The user's files say their kinds too: a question about 'room.jpg' is about an image.
    const said = [...terms(words), ...requestTerms, ...available.files.map((f) => `kind:${f.modality}`)];
    const leaning = leanings(clause);
    // The clause's own words or its whole sentence: "answer this about the photo: what color is the cup?".
    const questioning = asksWhatIs(clause.raw ?? clause.text) || asksWhatIs(clause.sentence ?? clause.text);
    const referentTerms = new Set(terms(referent));
    const saidKinds = kindsSaid(clause, words);
    const ranked = index
      .search(words)
      // Nor does it make a type a candidate by itself: "give me a brief summary of it" of a
      // recording is no request for an audio tool. TaskBench HF dev 73.91 / 37.88 → 73.73 /
      // 37.38 (three more steps, two of them of tools TaskBench's gold names but its tool list
      // lacks); kept for what it says.
      .filter((r) => !r.matched.every((t) => referentTerms.has(t)))
      // Nor is an edit the answer to a question: "where are the silent parts?" asks where, and
      // a recording with its silence trimmed is no answer; "what color is the cup?" no grayscale.
      .filter((r) => !(questioning && isEdit(catalog.taskType(r.id)!)))
      .flatMap((r) => {
        const type = catalog.taskType(r.id)!;
        const specs = paramSpecs(type);
        const stated = extractParams(specs, clause, type);
        const paramsMet = specs.every((p) => !p.required || p.default !== undefined || p.name in stated);
        const inputs = type.inputs
          .filter((slot) => slot.required)
          .map((slot) => (canFill(slot.modality, clause, available) || userWordsFit(type, slot) || ownMaterial(type, slot, clause) || (takesPrompt(slot) && !pointsAtAFile(clause)) ? 'direct' : bridgeFor(slot.modality, available, types).length ? 'bridged' : 'none'));
        // A round trip is no reading: speech recognition of a text turned into speech gives the
        // text back ("can you say this in spanish" of a text had synthesised it to transcribe it),
        // unless a new one of that kind is asked for ("generate an image from this idea").
        if (inputs.includes('bridged') && available.files.some((f) => f.modality === type.output.modality) && createdKind(clause.text) !== type.output.modality) return [];
        // A question about a thing is answered from the thing: a type that answers the user's
        // own question does not take it through a conversion ("how many cups are on the table"
        // of a photo is no question about the text read off it).
        const feasibility = !paramsMet || inputs.includes('none') || (answeredParam(type) !== undefined && inputs.includes('bridged')) ? INFEASIBLE_PENALTY : inputs.includes('bridged') ? BRIDGE_PENALTY : 1;
        // An operation retrieved from a large store keeps the retriever's verdict, which saw
        // the whole catalog: the best counts fully, the twentieth about a seventh.
        const raw = (r.score / ceiling) * (catalog.retrieval.get(type.id) ?? 1) * leaning.intent(type);
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
    return servedFirst(ranked);
  }

  /** Whether a type takes the labels a request offers to choose from (a parameter of format "choices"). */
  function choosesLabels(type: TaskType): boolean {
    return paramSpecs(type).some((p) => p.format === 'choices');
  }

  /**
   * Whether a clause offers labels to choose among that are not a property another type gives
   * ("is it good or not good?" asks a sentiment).
   */
  function offersLabels(clause: Clause): boolean {
    return choicesIn(clause.sentence ?? clause.text) !== undefined && typesAsked(clause.raw ?? clause.text, catalog).size === 0;
  }

  /** Questions set aside for want of a text, answered from the text now at hand. */
  function answerFromText(questions: readonly Clause[]): void {
    for (const clause of questions) {
      const answerer = answererFor(clause, false);
      if (answerer && plan(answerer, clause)) notes.push(`planned ${answerer.id} for "${clause.text}": a question that no type's words answer`);
    }
  }

  /**
   * A type nothing here serves is planned only to refuse the request plainly, so it must be
   * asked for clearly: when a served type matches nearly as well (within the clear lead), the
   * served reading comes first ("what's written on this?" is the text read, not a caption).
   * Only where some types are served (an imported tool list serves none).
   */
  function servedFirst(ranked: Ranked[]): Ranked[] {
    const top = ranked[0];
    if (!top || !anyServed || served(top.type)) return ranked;
    const near = ranked.find((r) => served(r.type) && operationNamed(r, new Set()) && r.score >= top.score * (1 - CLEAR_LEAD));
    return near ? [near, ...ranked.filter((r) => r !== near)] : ranked;
  }

  /**
   * What a clause leans towards beyond its words. `intent`: the kind of result it asks for
   * and the kind it converts. `flow`: how the step would sit in the plan so far.
   */
  function leanings(clause: Clause) {
    const wanted = wantedOutput(clause.text);
    const from = convertedFrom(clause.text);
    const created = createdKind(clause.text);
    const last = available.outputs.at(-1);
    const previous = planned.at(-1)?.task.task;
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
        const again = previous === type.id && type.inputs.some((i) => accepts(i.modality, type.output.modality)) ? REPEAT_PENALTY : 1;
        return reworks * chains * again;
      },
    };
  }

  /**
   * What "it" stands for, in the words of its kind: "classify it" said of a photo is
   * "classify [the image]". Only for a clause that points back and does not name that kind
   * itself; "extract the text from it" names the text it wants, not the photo it points to.
   * TaskBench dev: node F1 54.82 → 55.08, edge 16.85 → 17.47; the referent's own kind only
   * (not any kind) 58.37 → 58.71.
   */
  function referentWord(clause: Clause): string {
    if (!clause.anaphoric) return '';
    const kind = available.outputs.at(-1)?.modality ?? available.files.at(-1)?.modality;
    if (!kind || !MODALITY_WORDS[kind]) return '';
    if (new RegExp(`\\b(?:${MODALITY_WORDS[kind].split(' ').join('|')})s?\\b`, 'i').test(clause.text)) return '';
    return MODALITY_WORDS[kind].split(' ')[0]!;
  }

  /**
   * Whether a clause is a step of its own: its best type matches well, or matches modestly
   * but clearly better than any other (a clause that names one tool's action in few words).
   * On TaskBench dev a clause's best type is right 55 % of the time at a share of 0.15–0.25
   * with a lead of 15 % or more, against 30 % without the lead; node F1 55.69 → 56.90.
   */
  function isStep(best: Ranked, second: Ranked | undefined, near?: ReadonlyMap<string, number>): boolean {
    const place = near?.get(best.type.id);
    if (place !== undefined && place >= FAR_IN_MEANING) return false;
    if (best.raw >= MIN_RELATIVE_SCORE) return true;
    if (place === 0 && best.raw >= AGREED_MIN_SCORE) return true;
    const lead = best.score > 0 ? 1 - (second?.score ?? 0) / best.score : 0;
    return best.raw >= CLEAR_LEAD_MIN_SCORE && lead >= CLEAR_LEAD;
  }

  /**
   * A clause that asks for a kind of result its step does not give ("an audio clip that
   * summarizes it": a summary is text) ends with the type that turns that step's result into it,
   * the one the clause's words match best. Not for text, which nearly every type gives.
   * TaskBench HF dev 65.79 / 30.13 → 66.12 / 30.72; the hand-written held-out requests plan as before.
   */
  function finishAs(clause: Clause, type: TaskType): void {
    const wanted = wantedOutput(clause.text);
    if (!wanted || type.output.modality === wanted || wanted === 'text') return;
    const last = planned.at(-1);
    if (!last || last.task.task !== type.id) return;
    const finisher = converter(type.output.modality, wanted, clause);
    if (!finisher) {
      // A thing named as changed must come back as itself: a black-and-white frame is no
      // black-and-white video (before: a frame taken and turned grey, and called done).
      if (anyServed && changedKind(clause.text) === wanted && !type.inputs.some((i) => i.modality === wanted)) {
        throw new TroupeError(ErrorCode.NoPlan, `nothing here can do "${clause.text}" to ${aKind(wanted)}: ${type.name} would, but it gives ${aKind(type.output.modality)}`, {
          hint: `ask for something done with ${aKind(wanted)} that troupe doctor lists, or for ${aKind(type.output.modality)} taken from it`,
        });
      }
      return;
    }
    addTask(finisher, clause.text, { [finisher.inputs[0]!.name]: { ref: last.task.id } });
    notes.push(`added ${finisher.id} to give the ${wanted} that "${clause.text}" asks for`);
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
  function newEvidence(ranked: Ranked[], clause: Clause): Ranked[] {
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
      if (!lastStep || own.length === 0) return false;
      const step = lastStep;
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
   * A clause whose words for what to do ("count") are matched only by types that cannot take
   * what is at hand, even through a served converting step (object detection counts in a
   * photo, not in a text) asks for something nothing here does with it: that is said, rather
   * than a type nearest in meaning planned.
   */
  function outOfReach(ranked: Ranked[], clause: Clause): void {
    // With nothing given, a weak match says little of what was meant ("what time is it"); a
    // question is answered another way, from the text of what it is about.
    if (available.files.length === 0 || asksQuestion(clause.raw ?? clause.text)) return;
    const operation = new Set(ranked.flatMap((r) => r.matched.filter((t) => !isKindWord(t))));
    const by = ranked.filter((r) => r.matched.some((t) => operation.has(t)));
    const missing = (r: Ranked) =>
      r.type.inputs.filter((slot) => slot.required && !canFill(slot.modality, clause, available) && !userWordsFit(r.type, slot) && !bridgeFor(slot.modality, available, types).some(served));
    const first = by[0];
    if (!first || by.some((r) => missing(r).length === 0)) return;
    unfed.push({ type: first.type, clause: clause.text, slots: missing(first) });
  }

  /**
   * A clause that asks for a property a type gives, and whose words match that type, is that
   * type's step: "detect what language is in this audio" is language identification (through
   * the transcript), not voice activity, which "detect" and "audio" matched better.
   */
  function askedFirst(ranked: Ranked[], clause: Clause): Ranked[] {
    const asked = typesAsked(clause.raw ?? clause.text, catalog);
    // One that takes what is at hand as it is comes before one reached through a conversion:
    // the mood of the people in a photo is on their faces, not in a text read off it.
    const givers = asked.size ? ranked.filter((r) => asked.has(r.type.id) && r.feasibility > INFEASIBLE_PENALTY) : [];
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
  function thingBeforeKind(ranked: Ranked[], clause: Clause): { ranked: Ranked[]; thing?: Ranked } {
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
   * A clause that asks for a new thing of a kind ("write a short story", "draft a blog post")
   * in words no documentation uses is no step by its words, but it asks for one: the type
   * documented as making that kind anew, found by what documentation says of making
   * ("generates images", "producing new text"); a type that only gives that kind of thing
   * (Troupe's summarizer gives text) makes nothing new. TaskBench HF dev 66.50 / 30.97 → 67.15 / 31.32
   * (with past forms such as "once you've generated it" no longer read as asking).
   */
  function makerFor(clause: Clause): TaskType | undefined {
    const kind = madeKind(clause.text);
    if (!kind) return undefined;
    const making = `generate produce create new`;
    const makingTerms = new Set(terms(making));
    const found = index
      .search(`${making} ${MODALITY_WORDS[kind].split(' ')[0]}`)
      .find((r) => catalog.taskType(r.id)!.output.modality === kind && r.matched.some((t) => makingTerms.has(t)));
    return found && catalog.taskType(found.id);
  }

  /**
   * A clause that names a language to have something in ("and the color name in German") and
   * asks for nothing else the documentation knows: the type documented as translating.
   * TaskBench HF dev 67.80 / 31.37 → 68.07 / 31.17.
   */
  function translatorFor(clause: Clause): TaskType | undefined {
    // A language wanted, not one offered as an answer ("is it in French?") or said of a person.
    if (languageGoals(clause.text).target === undefined) return undefined;
    const found = index.search('translate from one language to another').find((r) => r.matched.length >= 2 && catalog.taskType(r.id)!.inputs.some((i) => i.modality === 'text'));
    return found && catalog.taskType(found.id);
  }

  /**
   * A clause that only asks for the result as a kind of thing ("and tell me the result
   * audibly", "turn those words into an auditory file"), in words no documentation matches:
   * the type that turns the latest result (or the user's file) into that kind, the one the
   * clause's words favour. Only when no word of the clause matches: for any clause that is no
   * step, TaskBench HF dev went 68.39 / 31.34 → 68.55 / 31.14; this way it is unchanged.
   */
  function converterFor(clause: Clause): TaskType | undefined {
    const wanted = wantedOutput(clause.text);
    const from = available.outputs.at(-1)?.modality ?? available.files.at(-1)?.modality ?? (available.quotes.length ? 'text' : undefined);
    if (!wanted || !from || wanted === from) return undefined;
    return converter(from, wanted, clause);
  }

  /**
   * A clause that only quotes a question ("Also I'm wondering, 'What makes this image stand
   * out the most?'") asks it: the type documented as answering questions whose inputs are at
   * hand, the one the question's words match best ("this image": visual questions).
   * TaskBench HF dev 71.37 / 34.25 → 71.47 / 34.73 (with "share this answer" read as
   * repeating that step); "Spanish speaking friend" no longer speaking: edge 34.78.
   */
  function answererFor(clause: Clause, matchedNothing: boolean, textToCome = false): TaskType | undefined {
    const feasible = (t: TaskType) => textToCome || t.inputs.every((slot) => !slot.required || canFill(slot.modality, clause, available));
    const question = matchedNothing ? clause.quotes.map((i) => available.quotes[i]!).find((q) => /\?\s*$/.test(q)) : undefined;
    // A clause that asks an open question no type's words answer ("… and tell me who the mayor
    // is"), of a text at hand: the type that answers questions in the user's own words.
    // Not one whose answer is a property a type gives ("does this text sound angry?": its sentiment; reach-asked.ts).
    if (question === undefined) {
      const textAtHand = textToCome || available.outputs.some((o) => o.modality === 'text') || available.files.some((f) => f.modality === 'text');
      const open = asksQuestion(clause.raw ?? clause.text) && !asksGivenProperty(clause.sentence ?? clause.text, catalog);
      return open && textAtHand ? types.find((t) => answeredParam(t) && served(t) && t.inputs.every((i) => i.modality === 'text') && feasible(t)) : undefined;
    }
    return index
      .search(`answer question ${question}`)
      .map((r) => catalog.taskType(r.id)!)
      .find((t) => answers(t) && feasible(t));
  }

  /** The one-input type that turns `from` into `to`, the one the clause's words match best. */
  function converter(from: Modality, to: Modality, clause: Clause): TaskType | undefined {
    const relevance = new Map(index.search(clauseWords(clause)).map((r) => [r.id, r.score]));
    return types
      .filter((t) => t.output.modality === to && t.inputs.length === 1 && accepts(t.inputs[0]!.modality, from))
      .sort((a, b) => (relevance.get(b.id) ?? 0) - (relevance.get(a.id) ?? 0))[0];
  }

  /**
   * Adds a task of `type` for the clause, wiring its inputs (and a converting step if needed).
   * A type that nothing at hand can feed is left out (false): a task without its input cannot run.
   * It had planned Object Detection with no image at all. With bridging from the request's
   * quotes (a picture made from 'Hello World' to segment): TaskBench HF dev 71.58 / 35.05 →
   * 71.74 / 35.10.
   */
  function plan(type: TaskType, clause: Clause): boolean {
    // The parameter the user's own question fills, for a type that answers questions.
    const questionParam = answeredParam(type);
    // "What emotion does she show? Answer in Spanish": the answer is a property a type gives
    // (reach-asked.ts), so the clause that asks for it names no question of its own to answer.
    if (questionParam && !asksQuestion(clause.raw ?? clause.text)) {
      const question = analysis.clauses.map((c) => c.sentence ?? c.text).find((s) => asksQuestion(s));
      if (question && asksGivenProperty(question, catalog)) return false;
    }
    // A type that takes the user's words as a parameter (the question a question-answering
    // step answers) needs its text from elsewhere: the question is not its own material.
    const wordsAreParam = questionParam !== undefined;
    const slots = type.inputs.filter(
      (slot) => slot.required && (slot.modality !== 'text' || wordsAreParam) && !canFill(slot.modality, clause, available) && !bridgeFor(slot.modality, available, types, undefined, true).length,
    );
    if (slots.length) {
      unfed.push({ type, clause: clause.text, slots });
      notes.push(`left out ${type.id} for "${clause.text}": nothing at hand gives the ${slots.map((m) => m.modality).join(' and ')} it needs`);
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
      const at = analysis.clauses.indexOf(clause);
      const later = userWordsFit(type, slot) && at >= 0 ? new Set(analysis.clauses.slice(at + 1).flatMap((c) => c.quotes)) : undefined;
      let value = fill(slot.modality, clause, available, Object.values(args), later);
      if (value === undefined && userWordsFit(type, slot)) value = userWords(clause);
      // Text with nothing new at hand is the text the request gave, before any round trip
      // through another kind ("an audio reminder from this text … with clear speech").
      if (value === undefined && slot.modality === 'text' && available.usedQuotes.size) value = available.quotes[Math.max(...available.usedQuotes)];
      if (value === undefined) {
        const path = bridgeFor(slot.modality, available, types, (t) => {
          relevance ??= new Map(index.search(clauseWords(clause)).map((r) => [r.id, r.score]));
          // Ties (often no word of the clause speaks of it) go to the one the whole request names:
          // "this image of a complex table … provide a brief summary" reads the table.
          requestRelevance ??= new Map(index.search(requestWords).map((r) => [r.id, r.score]));
          // Still tied (no word speaks of either), the one nearer in meaning: "summarize this video" is its speech, not a frame's text.
          const place = meaning?.(clause)?.get(t.id);
          return (relevance.get(t.id) ?? 0) + REQUEST_TIE_BREAK * (requestRelevance.get(t.id) ?? 0) - (place ?? 0) * 1e-9;
        }, true, true);
        const source = path[0] && fill(path[0].inputs[0]!.modality, clause, available);
        if (path[0] && source !== undefined) {
          let from: unknown = source;
          for (const bridge of path) from = { ref: addTask(bridge, clause.text, { [bridge.inputs[0]!.name]: from }) };
          notes.push(`added ${path.map((b) => b.id).join(' → ')} to turn ${path[0].inputs[0]!.modality} into the ${slot.modality} that ${type.id} needs`);
          value = from;
        }
      }
      // Nothing at hand to make from, nor to convert: what the user asked for is the prompt
      // ("write a short story about a dragon", "generate an image of a sunset over the sea").
      if (value === undefined && slot.modality === 'text' && slot.required && !wordsAreParam) value = ownMaterial(type, slot, clause) ?? promptWords(clause);
      // An address given to a step that wants the thing itself is fetched first
      // ("summarize the article at https://…": a downloader, then the summary).
      const fetcher = isAddress(value) && slot.name !== URL_SLOT ? fetcherFor(slot.modality, types) : undefined;
      if (fetcher) value = { ref: addTask(fetcher, clause.text, { [URL_SLOT]: value }) };
      if (value !== undefined) args[slot.name] = value;
    }
    Object.assign(args, extractParams(paramSpecs(type), clause, type));
    // The question of a step asked for in words that are no question ("who is the mayor? answer
    // in Spanish") is the request's question.
    if (questionParam && !asksQuestion(clause.raw ?? clause.text)) {
      const asked = analysis.clauses.map((c) => c.sentence ?? c.text).find((s) => asksQuestion(s));
      if (asked) args[questionParam] = asked;
    }
    // Two clauses describing one step ("the audio is noisy … clean up the sound") would chain a
    // type onto itself with nothing new: keep one task. Different parameters (rotate, then
    // grayscale) make a real second step.
    const previous = planned.at(-1)?.task;
    if (previous?.task === type.id) {
      const params = (a: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(a).filter(([k]) => !type.inputs.some((i) => i.name === k))));
      const chainsOntoPrevious = Object.values(args).some((v) => isRefTo(v, previous.id));
      if (chainsOntoPrevious && params(args) === params(previous.args)) return true;
      // One question in two clauses ("which street were they from, according to the text"):
      // one step, asked the whole sentence.
      const previousClause = analysis.clauses.find((c) => c.text === planned.at(-1)!.clause);
      const sameInputs = type.inputs.every((i) => JSON.stringify(args[i.name]) === JSON.stringify(previous.args[i.name]));
      if (questionParam && (sameInputs || chainsOntoPrevious) && clause.sentence && previousClause?.sentence === clause.sentence) {
        previous.args[questionParam] = clause.sentence;
        return true;
      }
    }
    // An API call with no inputs that points back ("share the result", "tell him about it")
    // or is told to come next ("then book a hotel") comes after the step before it.
    const after = type.inputs.length === 0 && (clause.anaphoric || clause.follows) && previous ? [previous.id] : [];
    addTask(type, clause.text, args, after);
    return true;
  }

  function addTask(type: TaskType, clause: string, args: Record<string, unknown>, after: string[] = []): string {
    // Two clauses can ask one thing ("how old is she and what is her emotion"): same type, same arguments, one task.
    const same = planned.find((p) => p.task.task === type.id && JSON.stringify(p.task.args) === JSON.stringify(args));
    if (same) {
      same.clause = `${same.clause}; ${clause}`;
      return same.task.id;
    }
    const id = `t${planned.length + 1}`;
    const deps = [...new Set([...Object.values(args).flatMap((v) => (v && typeof v === 'object' && 'ref' in v ? [String((v as { ref: string }).ref)] : [])), ...after])];
    planned.push({ task: { id, task: type.id, args, deps }, clause });
    available.outputs.push({ id, modality: type.output.modality });
    return id;
  }
}

/**
 * The words of a clause that can name what to do: language names and numbers are parameters,
 * not evidence of which task is meant (numbers, not names that hold a digit: "mp3" and "mp4"
 * say which format is wanted); the framing ("could you"), light verbs and "more" ask for nothing
 * themselves: "make a summary" is summarizing, "make the photo look sharper" sharpening, and
 * "make" or "look" matched whichever type's examples used them.
 */
function ownWords(clause: Clause): string {
  return withoutJudging(plainVerbs(oppositeOfTooMuch(stripLanguageNames(plainKinds(clauseWords(clause)))).replace(/(?<![\p{L}\d])\d\S*/gu, ' ').replace(FRAMING, ' ').replace(SAID_AS_OBJECT, '$1')).replace(LIGHT_VERB, ' '));
}

// "my Spanish speaking friend" says who the result is for, not to speak it.
const SPEAKING = /\b([A-Za-z]+)[- ]speaking\b/gi;
function stripLanguageNames(text: string): string {
  let out = text.replace(SPEAKING, (all, word: string) => (languageMentions(word).length ? word : all));
  for (const m of languageMentions(out)) out = out.replace(m.language.name, ' ').replace(m.language.name.toLowerCase(), ' ');
  return out;
}

/** "an image", "a text". */
function aKind(modality: string): string {
  return `${/^[aeiou]/.test(modality) ? 'an' : 'a'} ${modality}`;
}

/** A type that gives back the kind of thing it takes, other than text: an edit of a picture, a recording or a video. */
function isEdit(type: TaskType): boolean {
  const out = type.output.modality;
  return out !== 'text' && out !== 'json' && type.inputs.some((i) => i.modality === out);
}
