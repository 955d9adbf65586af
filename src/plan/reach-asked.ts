import type { Catalog } from '../catalog/catalog.js';
import { accepts } from '../core/modality.js';
import type { Plan } from '../core/plan.js';
import type { TaskType } from '../core/task-type.js';
import { isStopword, terms } from '../text/tokenize.js';
import { kindless } from './kind-words.js';

/**
 * "Which language …", "what sentiment …": the thing a question asks for, by its head noun.
 * Quoted words are material, not the question.
 */
const ASKED = /\b(?:which|what)\s+([a-z]+)\b/gi;

export function askedThings(request: string): string[] {
  const said = request.replace(/(["'‘“])(?:(?!\1).){2,}?\1/g, ' ');
  return [...said.matchAll(ASKED)].map((m) => m[1]!.toLowerCase()).filter((w) => !isStopword(w));
}

/**
 * Every question of the request is answered by a step: when a question asks for a thing that
 * exactly one task type gives, by its name or its output's description ("which language is
 * the text on this sign in" → Language identification, whose output is the language), and
 * the plan has no such step, the step is added, fed by the latest result
 * it can take. The plan's other steps then serve as the way to the thing asked about (the
 * sign's text), which is what the question is about, not what it asks.
 */
export function reachAsked(plan: Plan, catalog: Catalog, request: string): { plan: Plan; notes: string[] } {
  const notes: string[] = [];
  if (plan.tasks.length === 0) return { plan, notes };
  const tasks = [...plan.tasks];
  for (const thing of new Set(askedThings(request))) {
    const stems = terms(thing);
    const named = [...catalog.taskTypes.values()].filter((t) => stems.length > 0 && stems.every((w) => gives(t).has(w)));
    if (named.length !== 1 || tasks.some((t) => t.task === named[0]!.id)) continue;
    const type = named[0]!;
    const feed = latestFeed(tasks, catalog, type);
    if (!feed) continue;
    const id = `t${tasks.length + 1}`;
    tasks.push({ id, task: type.id, args: { [feed.slot]: { ref: feed.task } }, deps: [feed.task] });
    notes.push(`added ${type.id}: the request asks for the ${thing} of the result of ${feed.task}`);
  }
  return { plan: { tasks }, notes };
}

/**
 * The words for what a type gives: its name and its output's description, less the words
 * for what it takes ("Text-to-speech" gives speech, not text).
 */
function gives(type: TaskType): Set<string> {
  const takes = new Set(type.inputs.flatMap((i) => terms(`${i.name} ${i.modality}`)));
  return new Set(terms(kindless(`${type.name} ${type.output.description}`)).filter((w) => !takes.has(w)));
}

/** The latest task whose output the type can take, with the slot it goes into. */
function latestFeed(tasks: Plan['tasks'], catalog: Catalog, type: TaskType): { task: string; slot: string } | undefined {
  if (type.inputs.length !== 1) return undefined;
  const slot = type.inputs[0]!;
  for (const t of [...tasks].reverse()) {
    const output = catalog.taskType(t.task)?.output.modality;
    if (output && accepts(slot.modality, output)) return { task: t.id, slot: slot.name };
  }
  return undefined;
}
