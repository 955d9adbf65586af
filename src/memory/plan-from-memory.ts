import { typesMatching } from '../plan/type-index.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Modality, SniffedFile } from '../core/modality.js';
import { paramSpecs } from '../core/task-type.js';
import { extractParams } from '../plan/extract-params.js';
import { isFile, isRef, type Plan } from '../core/plan.js';
import { analyzeRequest } from '../plan/request-analysis.js';
import { validatePlan } from '../plan/validate-plan.js';
import type { PlanMemory, RememberedPlan } from './plan-memory.js';

/**
 * A confirmed plan re-used for a new request: the same steps and wiring; the new request's
 * files in place of the old ones (by kind, in order), its quotes in place of the old
 * quotes, and parameters read afresh from its words (a language the old request named is
 * not carried over). Undefined when the new request lacks a file or a quote the plan needs,
 * or the result is not valid for this catalog. (Carrying the old quote over had re-used a
 * text-to-speech plan, the old sentence included, for a request to clean up a recording:
 * `npm run bench memory` at 0.5, node / edge F1 against no memory, went from +0.05 / +0.79
 * and −0.12 / +0.52 to +0.46 / +1.17 and +0.11 / +0.75.)
 */
export function adaptPlan(remembered: RememberedPlan, request: string, files: ReadonlyMap<string, SniffedFile>, catalog: Catalog): { plan: Plan; repairs: string[] } | undefined {
  const oldFiles = new Map<Modality, string[]>();
  for (const input of remembered.inputs) oldFiles.set(input.modality, [...(oldFiles.get(input.modality) ?? []), input.path]);
  const newFiles = new Map<Modality, string[]>();
  for (const [path, f] of files) newFiles.set(f.modality, [...(newFiles.get(f.modality) ?? []), path]);
  const fileFor = new Map<string, string>();
  for (const [modality, paths] of oldFiles) {
    paths.forEach((p, i) => {
      const mapped = newFiles.get(modality)?.[Math.min(i, (newFiles.get(modality)?.length ?? 1) - 1)];
      if (mapped) fileFor.set(p, mapped);
    });
  }
  const oldQuotes = analyzeRequest(remembered.request).quotes;
  const now = analyzeRequest(request);
  const whole = { text: now.clauses.map((c) => c.text).join(' '), quotes: [], anaphoric: false, sentence: request };
  let nextQuote = 0;

  const tasks = [];
  for (const t of remembered.plan.tasks) {
    const type = catalog.taskType(t.task);
    if (!type) return undefined;
    const inputs = new Set(type.inputs.map((i) => i.name));
    const specs = paramSpecs(type);
    const stated = extractParams(specs, whole);
    const args: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(t.args)) {
      if (isRef(value)) args[name] = value;
      else if (isFile(value)) {
        const mapped = fileFor.get(value.file);
        if (!mapped) return undefined;
        args[name] = { file: mapped };
      } else if (inputs.has(name) && typeof value === 'string') {
        // Literal text: the new request's quote in the old one's place, else its next unused quote.
        const i = oldQuotes.indexOf(value);
        const quote = i >= 0 && now.quotes[i] !== undefined ? now.quotes[i] : now.quotes[nextQuote];
        // Without one, the old request's words would be worked on: the plan does not fit.
        if (quote === undefined) return undefined;
        nextQuote = Math.max(nextQuote, now.quotes.indexOf(quote) + 1);
        args[name] = quote;
      } else if (name in stated) args[name] = stated[name];
      else if (!specs.some((p) => p.name === name && (p.format === 'language' || p.format === 'request'))) args[name] = value;
    }
    // Only parameters the confirmed plan set (or the type requires): the words of the whole
    // request would otherwise give every task every language it names.
    for (const spec of specs) if (spec.required && !(spec.name in args) && spec.name in stated) args[spec.name] = stated[spec.name];
    tasks.push({ ...t, args });
  }
  try {
    return validatePlan({ tasks }, catalog, files);
  } catch {
    return undefined;
  }
}

/**
 * How far down the new request's ranking a remembered plan's steps may be. TaskBench dev,
 * half confirmed, the other planned with templates, node / edge F1 against no memory A→B,
 * B→A: no check −2.0 / +0.3, −0.2 / +0.7; top 8 −0.5 / +0.4, +0.1 / +0.7; top 5 +0.0 /
 * +0.7, ±0 / +0.6; top 3 −0.2 / −0.4, −0.1 / −0.1.
 */
const PLAUSIBLE_TOP = 5;

/**
 * The plan of the most similar confirmed request, adapted, when it is similar enough; the
 * note says which run it came from. The threshold is the caller's.
 */
export function planFromMemory(request: string, files: ReadonlyMap<string, SniffedFile>, catalog: Catalog, memory: PlanMemory, minSimilarity: number): { plan: Plan; repairs: string[]; note: string } | undefined {
  let ranking: string[] | undefined; // the new request's types, best first: read once, and only if a candidate is close
  for (const candidate of memory.similar(request, 3)) {
    if (candidate.similarity < minSimilarity) break;
    // A plan for a request that merely shares words is not this request's plan: each of its
    // steps must be among the types the new request matches best.
    ranking ??= typesMatching(catalog, request);
    const plausible = new Set(ranking.slice(0, Math.max(PLAUSIBLE_TOP, candidate.plan.tasks.length)));
    if (!candidate.plan.tasks.every((t) => plausible.has(t.task))) continue;
    const adapted = adaptPlan(candidate, request, files, catalog);
    if (adapted) return { ...adapted, note: `plan adapted from confirmed run ${candidate.runId} ("${candidate.request.slice(0, 80)}", similarity ${candidate.similarity.toFixed(2)})` };
  }
  return undefined;
}
