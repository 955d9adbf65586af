import { Ajv } from 'ajv';
import type { Catalog } from '../catalog/catalog.js';
import { accepts, type Modality, type SniffedFile } from '../core/modality.js';
import { paramSpecs, type TaskType } from '../core/task-type.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { isFile, isRef, refsOf, type Plan, type PlanTask } from '../core/plan.js';
import { terms } from '../text/tokenize.js';

export interface PlanProblem {
  task?: string;
  problem: string;
}

export interface ValidatedPlan {
  plan: Plan;
  /** What was repaired, in words, for the run record. */
  repairs: string[];
}

export class InvalidPlanError extends TroupeError {
  readonly problems: PlanProblem[];
  constructor(problems: PlanProblem[]) {
    const lines = problems.map((p) => (p.task ? `task ${p.task}: ${p.problem}` : p.problem));
    const needsFile = problems.some((p) => /required (image|audio) input/.test(p.problem));
    const unsaid = problems.some((p) => p.problem.startsWith('the request does not say which'));
    const hint = needsFile ? 'pass the file the request is about with --input FILE' : unsaid ? 'say it in the request, in one of the words listed' : undefined;
    super(ErrorCode.InvalidPlan, `the plan is invalid:\n  - ${lines.join('\n  - ')}`, hint ? { hint } : {});
    this.problems = problems;
  }
}

// Parameter schemas are compiled once per task type object: two catalogs may hold different
// types of one id (TaskBench's translation beside the local one), so the id is no key.
// logger off: imported specs use documentation formats (float, int32, date-time) that are not checks here.
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false, logger: false });
ajv.addFormat('language', /^[A-Za-z]{2,3}$|^[A-Za-z][A-Za-z -]+$/);
ajv.addFormat('request', /\S/); // the user's own words: any non-blank text
const compiled = new WeakMap<TaskType, ReturnType<Ajv['compile']>>();
function paramValidator(type: TaskType) {
  let v = compiled.get(type);
  if (!v) {
    v = ajv.compile(type.params);
    compiled.set(type, v);
  }
  return v;
}

/**
 * Checks a plan against the catalog and the user's files before anything runs. Repairs
 * what is unambiguous — deps rebuilt from references, self-references dropped, an input
 * under an unknown name moved to the only slot of its modality, tasks put in dependency
 * order — and reports everything else, naming the task and the problem.
 */
export function validatePlan(input: Plan, catalog: Catalog, files: ReadonlyMap<string, SniffedFile>): ValidatedPlan {
  const problems: PlanProblem[] = [];
  const repairs: string[] = [];
  if (input.tasks.length === 0) throw new TroupeError(ErrorCode.NoPlan, 'the plan has no tasks');

  const ids = new Set<string>();
  for (const t of input.tasks) {
    if (ids.has(t.id)) problems.push({ task: t.id, problem: 'the id is used by more than one task' });
    ids.add(t.id);
  }
  // Models write "Text-to-Speech", "text_to_speech" or "text-to-speach" for text-to-speech:
  // names are resolved first, so a later task sees what an earlier one really produces.
  const named = input.tasks.map((t) => {
    if (catalog.taskType(t.task)) return t;
    const near = nearestTaskType(t.task, catalog);
    if (!near) return t;
    repairs.push(`task ${t.id}: unknown task type "${t.task}" read as "${near.id}"`);
    return { ...t, task: near.id };
  });
  const byId = new Map(named.map((t) => [t.id, t]));
  const outputOf = (id: string): Modality | undefined => {
    const producer = byId.get(id);
    return producer ? catalog.taskType(producer.task)?.output.modality : undefined;
  };

  const tasks: PlanTask[] = named.map((original) => {
    const t: PlanTask = { ...original, args: { ...original.args }, deps: [...original.deps] };
    const type = catalog.taskType(t.task);
    if (!type) {
      problems.push({ task: t.id, problem: `unknown task type "${t.task}" (known: ${[...catalog.taskTypes.keys()].join(', ')})` });
      return t;
    }
    const slots = new Map(type.inputs.map((i) => [i.name, i]));
    const modalityOf = (value: unknown): Modality | undefined =>
      isRef(value) ? outputOf(value.ref) : isFile(value) ? files.get(value.file)?.modality : typeof value === 'string' ? 'text' : undefined;

    for (const [name, value] of Object.entries(t.args)) {
      if (isRef(value) && value.ref === t.id) {
        delete t.args[name];
        repairs.push(`task ${t.id}: dropped a reference to itself in "${name}"`);
        continue;
      }
      if (isRef(value) && !byId.has(value.ref)) {
        problems.push({ task: t.id, problem: `argument "${name}" refers to task "${value.ref}", which is not in the plan` });
        continue;
      }
      if (isFile(value) && !files.has(value.file)) {
        problems.push({ task: t.id, problem: `argument "${name}" names the file "${value.file}", which was not given with --input` });
        continue;
      }
      // An input under a name the type does not know: move it when exactly one free slot fits.
      if ((isRef(value) || isFile(value)) && !slots.has(name)) {
        const m = modalityOf(value);
        const fits = type.inputs.filter((s) => m && accepts(s.modality, m) && !(s.name in t.args));
        if (fits.length === 1) {
          delete t.args[name];
          t.args[fits[0]!.name] = value;
          repairs.push(`task ${t.id}: moved argument "${name}" to the input "${fits[0]!.name}"`);
        } else {
          problems.push({ task: t.id, problem: `"${name}" is not an input of ${t.task} (inputs: ${[...slots.keys()].join(', ')})` });
        }
      }
    }

    for (const slot of type.inputs) {
      let value = t.args[slot.name];
      if ((value === undefined || value === '') && slot.required) {
        // Missing, but with one obvious source: the only dependency the model named whose
        // output fits, else (with no dependencies) the only file of that kind.
        const used = new Set(Object.values(t.args).flatMap((v) => (isRef(v) ? [v.ref] : isFile(v) ? [v.file] : [])));
        const fromDeps = original.deps.filter((d) => d !== t.id && byId.has(d) && !used.has(d) && accepts(slot.modality, outputOf(d) ?? 'json'));
        const fromFiles = [...files].filter(([path, f]) => f.modality === slot.modality && !used.has(path));
        const source = fromDeps.length === 1 ? { ref: fromDeps[0]! } : original.deps.length === 0 && fromFiles.length === 1 ? { file: fromFiles[0]![0] } : undefined;
        if (source) {
          t.args[slot.name] = value = source;
          repairs.push(`task ${t.id}: the missing input "${slot.name}" taken from ${'ref' in source ? `the output of ${source.ref}` : `the file ${source.file}`}`);
        }
      }
      if (value === undefined || value === '') {
        if (slot.required) problems.push({ task: t.id, problem: `the required ${slot.modality} input "${slot.name}" is missing` });
        continue;
      }
      const given = modalityOf(value);
      if (!given) problems.push({ task: t.id, problem: `input "${slot.name}" must be text, {"file": ...} or {"ref": ...}` });
      else if (!accepts(slot.modality, given)) {
        const from = isRef(value) ? `the output of ${value.ref}` : isFile(value) ? `the file ${value.file}` : 'literal text';
        problems.push({ task: t.id, problem: `input "${slot.name}" needs ${slot.modality} but gets ${given} (${from})` });
      }
    }

    // A choice given in another form of its word ("cats" for "cat", "Grayscale"): the value it names.
    for (const spec of paramSpecs(type)) {
      const value = t.args[spec.name];
      if (!spec.enum || typeof value !== 'string' || spec.enum.includes(value)) continue;
      const said = terms(value).join(' ');
      const named = spec.enum.filter((v) => terms(String(v)).join(' ') === said);
      if (said && named.length === 1) {
        t.args[spec.name] = named[0];
        repairs.push(`task ${t.id}: "${value}" read as the ${spec.name} "${String(named[0])}"`);
      }
    }
    const params = Object.fromEntries(Object.entries(t.args).filter(([k]) => !slots.has(k)));
    const validate = paramValidator(type);
    if (!validate(params)) {
      const told = new Set<string>();
      for (const e of validate.errors ?? []) {
        const where = e.instancePath ? `parameter "${e.instancePath.slice(1)}"` : 'parameters';
        // A value that is none of a list of choices: said once, with the choices (Ajv says it of each one).
        const choice = e.instancePath ? paramSpecs(type).find((p) => p.name === e.instancePath.slice(1) && p.enum) : undefined;
        if (choice) {
          if (!told.has(choice.name)) problems.push({ task: t.id, problem: `${where} is ${JSON.stringify(params[choice.name])}, which is none of: ${choice.enum!.join(', ')}` });
          told.add(choice.name);
          continue;
        }
        // Ajv names an unexpected parameter only in its params: say which one it is.
        const extra = e.keyword === 'additionalProperties' ? ` ("${String((e.params as { additionalProperty?: unknown }).additionalProperty)}")` : '';
        // A required choice the request did not make: say which, and what it may be ("pic to bw").
        const missing = e.keyword === 'required' ? paramSpecs(type).find((p) => p.name === (e.params as { missingProperty?: unknown }).missingProperty) : undefined;
        if (missing) {
          problems.push({ task: t.id, problem: `the request does not say which ${missing.name} of ${type.name.toLowerCase()} it wants${missing.enum ? `: one of ${missing.enum.join(', ')}` : ''} (${t.task}'s required parameter "${missing.name}")` });
          continue;
        }
        problems.push({ task: t.id, problem: `${where} ${e.message ?? 'are invalid'}${extra}` });
      }
    }

    // References are the dependencies. A task with none (an API call taking only parameters)
    // keeps the dependencies it declares, as an ordering: "share the result" runs after the search.
    const refs = [...new Set(refsOf(t))];
    const deps = (refs.length ? refs : t.deps.filter((d) => byId.has(d) && d !== t.id)).sort();
    if (deps.join() !== [...new Set(t.deps)].sort().join()) {
      repairs.push(`task ${t.id}: dependencies rebuilt from its references (${deps.join(', ') || 'none'})`);
    }
    t.deps = deps;
    return t;
  });

  if (problems.length) throw new InvalidPlanError(problems);

  const ordered = topologicalOrder(tasks);
  if (ordered.map((t) => t.id).join() !== tasks.map((t) => t.id).join()) repairs.push('tasks put in dependency order');
  return { plan: { tasks: ordered }, repairs };
}

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The task type a misspelt or re-cased name means, when only one is close: the same words
 * in other case and punctuation, or within a small edit distance (one edit per six
 * letters). Anything further is not guessed.
 */
export function nearestTaskType(name: string, catalog: Catalog): TaskType | undefined {
  const wanted = normalise(name);
  const types = [...catalog.taskTypes.values()];
  const exact = types.filter((t) => normalise(t.id) === wanted || normalise(t.name) === wanted);
  if (exact.length === 1) return exact[0];
  const limit = Math.max(1, Math.floor(wanted.length / 6));
  // Names whose lengths differ by more than the limit cannot be within it: not worth a table of len² cells.
  const distance = (b: string) => (Math.abs(wanted.length - b.length) > limit ? Infinity : editDistance(wanted, b));
  const scored = types.map((t) => ({ t, d: Math.min(distance(normalise(t.id)), distance(normalise(t.name))) })).filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  const nearest = scored.filter((x) => x.d === best);
  return nearest.length === 1 ? nearest[0]!.t : undefined;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Kahn's algorithm, stable in the given order; a cycle is an error naming its tasks. */
export function topologicalOrder(tasks: PlanTask[]): PlanTask[] {
  const remaining = new Map(tasks.map((t) => [t.id, new Set(t.deps)]));
  const out: PlanTask[] = [];
  while (out.length < tasks.length) {
    const next = tasks.find((t) => remaining.has(t.id) && remaining.get(t.id)!.size === 0);
    if (!next) {
      const cycle = [...remaining.keys()];
      throw new InvalidPlanError([{ problem: `the tasks ${cycle.join(', ')} depend on each other in a cycle` }]);
    }
    out.push(next);
    remaining.delete(next.id);
    for (const deps of remaining.values()) deps.delete(next.id);
  }
  return out;
}
