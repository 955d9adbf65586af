import type { Catalog } from '../catalog/catalog.js';
import type { Modality } from '../core/modality.js';
import { paramSpecs, type TaskType } from '../core/task-type.js';
import { Bm25fIndex } from '../retrieval/bm25f.js';
import { actionStem, actionTerms as terms } from '../text/tokenize.js';
import { wordNet } from '../retrieval/wordnet.js';
import { kindless } from './kind-words.js';
import { NAME_COVERAGE_FLOOR, SIGNATURE_WEIGHT } from './planner-config.js';

/**
 * The catalog's documentation as the planner matches it: one BM25F index per catalog over
 * names, descriptions, examples, parameters, signatures and related words; and the words for
 * kinds of things (image, recording, text), which say what a thing is, not what to do with it.
 */

export type TypeIndex = { types: TaskType[]; index: Bm25fIndex<'name' | 'description' | 'examples' | 'params' | 'signature' | 'related' | 'labels'> };
// A catalog's types do not change: its index is built once, not once per request.
const typeIndexes = new WeakMap<Catalog, TypeIndex>();

/** BM25F over the catalog's task types: names, descriptions, examples, parameters, signatures and related words. */
export function typeIndex(catalog: Catalog): TypeIndex {
  let built = typeIndexes.get(catalog);
  if (!built) {
    const types = [...catalog.taskTypes.values()];
    typeIndexes.set(catalog, (built = { types, index: documentationIndex(types) }));
  }
  return built;
}

/**
 * The catalog's types that the words match at all, best first (the planner's own index): a
 * remembered plan is re-used only if the new request speaks of each of its steps.
 */
export function typesMatching(catalog: Catalog, text: string): string[] {
  return typeIndex(catalog).index.search(text).map((r) => r.id);
}

/** The index the planner matches clauses against. */
function documentationIndex(types: readonly TaskType[]): TypeIndex['index'] {
  return new Bm25fIndex(
    types.map((t) => ({
      id: t.id,
      fields: { name: kindless(`${t.name} ${t.id.replace(/-/g, ' ')}`), description: kindless(t.description), examples: t.examples.join('. '), params: paramText(t), signature: signature(t), related: relatedWords(t), labels: labelWords(t) },
    })),
    { name: 2, description: 1, examples: 1.5, params: 1, signature: SIGNATURE_WEIGHT, related: 1, labels: 1 },
    1.2,
    // A list of labels is as long as the type knows things: its length says nothing.
    { params: 0.2, signature: 0.2, labels: 0 },
    actionStem,
  );
}

/**
 * The words of a type's name in their other forms ("Summarization" → summarize, summary;
 * "Text-to-Speech" → speak): people ask for the action, documentation names the task.
 * Only for types without examples (imported tool lists): examples already speak the
 * users' words, and WordNet costs half a second to load. TaskBench dev: node F1 48.8 → 49.2.
 */
function relatedWords(type: TaskType): string {
  if (type.examples.length) return '';
  const words = new Set(type.name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2));
  return [...words].flatMap((w) => wordNet().derived(w)).join(' ');
}
export function nameCoverage(type: TaskType, said: readonly string[]): number {
  if (type.examples.length) return 1;
  const name = [...new Set(terms(type.name).map(kindOf))];
  if (name.length === 0) return 1;
  const heard = said.map(kindOf);
  const covered = name.filter((n) => heard.some((w) => sameWord(n, w))).length;
  return NAME_COVERAGE_FLOOR + (1 - NAME_COVERAGE_FLOOR) * (covered / name.length);
}

let kinds: Map<string, string> | undefined;
/** A word of a kind stands for the kind: "Visual" in a tool's name is said by "this photo". */
export function kindOf(term: string): string {
  kinds ??= new Map(Object.entries(MODALITY_WORDS).flatMap(([kind, words]) => terms(words).map((t) => [t, `kind:${kind}`] as [string, string])));
  return kinds.get(term) ?? term;
}

/**
 * Whether a clause names what a type does, beyond the kinds of things: a word of its
 * documentation that is not a word for a kind, or the kind it turns something into, when
 * that differs from what it takes ("an audio version of this text", "how does this sound").
 */
export function operationNamed(r: { type: TaskType; matched: readonly string[] }, saidKinds: ReadonlySet<string>): boolean {
  if (r.matched.some((t) => !isKindWord(t))) return true;
  const gives = r.type.output.modality;
  return saidKinds.has(`kind:${gives}`) && r.type.inputs.some((i) => i.modality !== gives);
}

/** Whether a term is a word of a kind (image, photo, audio, text, …). */
export function isKindWord(term: string): boolean {
  return kindOf(term) !== term;
}

/** Two stems of one word: equal, or sharing most of the shorter ("classif"/"classifi", "transcrib"/"transcript"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  let k = 0;
  while (k < shorter && a[k] === b[k]) k++;
  return k >= Math.max(5, Math.ceil(shorter * 0.8));
}

/** How people name each modality: the words of a type's signature ("takes a recording, gives text"). */
export const MODALITY_WORDS: Record<Modality, string> = {
  text: 'text words',
  image: 'image picture photo visual',
  audio: 'audio recording sound speaker',
  video: 'video clip',
  json: '',
};

/** A type's input and output modalities in words, so "turn the audio into text" finds audio → text. */
function signature(type: TaskType): string {
  const all = `${type.inputs.map((i) => MODALITY_WORDS[i.modality]).join(' ')} ${MODALITY_WORDS[type.output.modality]}`;
  return [...new Set(all.split(/\s+/))].join(' ');
}

/** Parameter documentation, enumeration values and their descriptions: "shrink" is how users say resize. */
function paramText(type: TaskType): string {
  return paramSpecs(type)
    .filter((p) => p.format !== 'label')
    .map((p) => [p.description ?? '', ...Object.entries(p.enumDescriptions ?? {}).map(([v, d]) => `${v} ${d}`)].join(' '))
    .join(' ');
}

/**
 * The things a type finds, by the labels it knows (`format: "label"`): "find the cat" names
 * object detection. A label of two words is said by both together, which a bag of words
 * cannot tell ("the sign" is no "stop sign", "glasses" no "wine glass"): only its other words
 * count, as for the rest the words people use for a label.
 */
function labelWords(type: TaskType): string {
  return paramSpecs(type)
    .filter((p) => p.format === 'label')
    .flatMap((p) => (p.enum ?? []).map((v) => `${String(v).includes(' ') ? '' : String(v)} ${p.enumDescriptions?.[String(v)] ?? ''}`))
    .join(' ');
}

const labelTermCache = new WeakMap<TaskType, ReadonlySet<string>>();

/** The terms of the labels a type knows (labelWords), to tell a match by them alone. */
export function labelTerms(type: TaskType): ReadonlySet<string> {
  let set = labelTermCache.get(type);
  if (!set) labelTermCache.set(type, (set = new Set(terms(labelWords(type)))));
  return set;
}
