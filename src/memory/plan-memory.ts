import { homedir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../system/open-database.js';
import { z } from 'zod';
import { MODALITIES } from '../core/modality.js';
import { PlanSchema, type Plan } from '../core/plan.js';
import { Bm25fIndex } from '../retrieval/bm25f.js';
import { languageMentions } from '../text/languages.js';
import { terms } from '../text/tokenize.js';
import { analyzeRequest, clauseWords } from '../plan/request-analysis.js';
import { FRAMING } from '../plan/speech-act.js';

export const VerdictSchema = z.enum(['good', 'bad']);
export type Verdict = z.infer<typeof VerdictSchema>;

const RememberedSchema = z.object({
  runId: z.string(),
  request: z.string(),
  plan: PlanSchema,
  /** The inputs the run had, by the path the user gave, with their modality. */
  inputs: z.array(z.object({ path: z.string(), modality: z.enum(MODALITIES) })).default([]),
  verdict: VerdictSchema,
  note: z.string().optional(),
  at: z.string(),
});
export type RememberedPlan = z.infer<typeof RememberedSchema>;

/** --memory, else TROUPE_MEMORY, else $XDG_DATA_HOME/troupe/memory.db (~/.local/share). */
export function defaultMemoryPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TROUPE_MEMORY) return env.TROUPE_MEMORY;
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'troupe', 'memory.db');
}

/** The confirmed plans as one lookup reads them: BM25 over their requests, and the words each asks with. */
type Loaded = { bm25: Bm25fIndex<'request'>; plans: RememberedPlan[]; asked: Array<Set<string>> };

/**
 * TaskMatrix.AI's feedback loop: verdicts on runs, kept with their requests and plans. A
 * new request retrieves the most similar confirmed ("good") plans — few-shot examples for
 * the LLM, templates for the built-in planner. A later verdict on the same run replaces the
 * earlier one.
 */
export class PlanMemory {
  private readonly db: Database.Database;
  private index: Loaded | undefined;

  constructor(readonly path: string) {
    this.db = openDatabase(path, 'plan memory', 'pass another path with --memory or TROUPE_MEMORY');
    this.db.exec('CREATE TABLE IF NOT EXISTS verdicts (run_id TEXT PRIMARY KEY, verdict TEXT NOT NULL, json TEXT NOT NULL)');
  }

  record(plan: Omit<RememberedPlan, 'at'> & { at?: string }): RememberedPlan {
    const remembered = RememberedSchema.parse({ ...plan, at: plan.at ?? new Date().toISOString() });
    this.db.prepare('INSERT OR REPLACE INTO verdicts (run_id, verdict, json) VALUES (?, ?, ?)').run(remembered.runId, remembered.verdict, JSON.stringify(remembered));
    this.index = undefined;
    return remembered;
  }

  /** Many at once, in one transaction (seeding from a benchmark's confirmed plans). */
  recordAll(plans: ReadonlyArray<Omit<RememberedPlan, 'at'>>): void {
    this.db.transaction(() => plans.forEach((p) => this.record(p)))();
  }

  /** The confirmed plans, their index and the words each asks with, read once until the next verdict. */
  private loaded(): Loaded {
    if (!this.index) {
      const plans = this.db
        .prepare<[], { json: string }>("SELECT json FROM verdicts WHERE verdict = 'good' ORDER BY rowid")
        .all()
        .map((r) => RememberedSchema.parse(JSON.parse(r.json)));
      this.index = {
        plans,
        bm25: new Bm25fIndex(plans.map((p, i) => ({ id: String(i), fields: { request: p.request } })), { request: 1 }),
        asked: plans.map((p) => new Set(contentTerms(p.request))),
      };
    }
    return this.index;
  }

  counts(): Record<Verdict, number> {
    const rows = this.db.prepare<[], { verdict: Verdict; n: number }>('SELECT verdict, count(*) AS n FROM verdicts GROUP BY verdict').all();
    return { good: 0, bad: 0, ...Object.fromEntries(rows.map((r) => [r.verdict, r.n])) };
  }

  /**
   * The confirmed plans whose requests are most like this one, best first, with their
   * similarity: BM25 over the whole requests finds the candidates; the share of the words
   * they ask with in common (Dice, 0 to 1) orders them and is what thresholds compare
   * against, since BM25's scale depends on how many plans the memory holds. (BM25 over the
   * asked words alone found candidates that did worse: node / edge F1 −0.2 / −0.5 and
   * −0.7 / −0.4 against these.)
   */
  similar(request: string, k = 3): Array<RememberedPlan & { similarity: number }> {
    const { bm25, plans, asked } = this.loaded();
    if (bm25.size === 0) return [];
    const mine = new Set(contentTerms(request));
    return bm25
      .search(request, Math.max(k, 10))
      .map((s) => {
        const plan = plans[Number(s.id)]!;
        const theirs = asked[Number(s.id)]!;
        const shared = [...mine].filter((t) => theirs.has(t)).length;
        return { ...plan, similarity: mine.size + theirs.size ? (2 * shared) / (mine.size + theirs.size) : 0 };
      })
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, k);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * What a request asks, without the scene it sets or its framing: two requests for the same
 * plan share these words, while "I've got an image named example.jpg" is shared by most.
 * TaskBench dev, one half confirmed and the other planned with templates, node / edge F1
 * against no memory (A→B, B→A): whole requests −0.4 / +0.5, −1.0 / ±0; asked words +0.03 /
 * +0.67, ±0 / +0.63.
 */
function askedText(request: string): string {
  const asked = analyzeRequest(request).clauses.filter((c) => c.asks !== false);
  return asked.length ? asked.map((c) => clauseWords(c).replace(FRAMING, ' ')).join(' . ') : request;
}

/** A request's asked content words without the languages it names: those are parameters, read afresh. */
function contentTerms(request: string): string[] {
  let text = askedText(request);
  for (const m of languageMentions(request)) text = text.replace(new RegExp(`\\b${m.language.name}\\b`, 'gi'), ' ');
  return terms(text);
}

export type { Plan };
