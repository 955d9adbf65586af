import { terms } from '../text/tokenize.js';

export interface FieldedDocument<F extends string> {
  id: string;
  fields: Record<F, string>;
}

export interface Scored {
  id: string;
  score: number;
  /** Query terms the document matched, for explanations. */
  matched: string[];
}

/**
 * BM25F: term frequencies are weighted and length-normalised per field, summed, then
 * saturated once, so a term repeated across fields does not count twice over.
 */
export class Bm25fIndex<F extends string> {
  private readonly docs: Array<{ id: string; tf: Record<F, Map<string, number>>; len: Record<F, number> }> = [];
  private readonly df = new Map<string, number>();
  private readonly avgLen = {} as Record<F, number>;
  private readonly b: number | Partial<Record<F, number>>;

  constructor(
    documents: Array<FieldedDocument<F>>,
    private readonly weights: Record<F, number>,
    private readonly k1 = 1.2,
    /** Length normalisation, per field if given: a list of synonyms should not be penalised for its length. */
    b: number | Partial<Record<F, number>> = 0.75,
  ) {
    this.b = b;
    const fields = Object.keys(weights) as F[];
    for (const doc of documents) {
      const tf = {} as Record<F, Map<string, number>>;
      const len = {} as Record<F, number>;
      const seen = new Set<string>();
      for (const f of fields) {
        const ts = terms(doc.fields[f] ?? '');
        const counts = new Map<string, number>();
        for (const t of ts) {
          counts.set(t, (counts.get(t) ?? 0) + 1);
          seen.add(t);
        }
        tf[f] = counts;
        len[f] = ts.length;
      }
      for (const t of seen) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.push({ id: doc.id, tf, len });
    }
    for (const f of fields) {
      this.avgLen[f] = this.docs.reduce((s, d) => s + d.len[f], 0) / Math.max(1, this.docs.length) || 1;
    }
  }

  idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The most a query could score: the sum of its terms' IDF. Dividing by it makes scores
   * comparable across queries and catalog sizes; unknown words count against the match.
   */
  ceiling(query: string): number {
    return [...new Set(terms(query))].reduce((s, t) => s + this.idf(t), 0);
  }

  search(query: string, limit = this.docs.length): Scored[] {
    const qterms = [...new Set(terms(query))];
    const fields = Object.keys(this.weights) as F[];
    const results: Scored[] = [];
    for (const doc of this.docs) {
      let score = 0;
      const matched: string[] = [];
      for (const t of qterms) {
        let tf = 0;
        for (const f of fields) {
          const c = doc.tf[f].get(t);
          const b = typeof this.b === 'number' ? this.b : (this.b[f] ?? 0.75);
          if (c) tf += (this.weights[f] * c) / (1 - b + (b * doc.len[f]) / this.avgLen[f]);
        }
        if (tf > 0) {
          score += (this.idf(t) * tf) / (this.k1 + tf);
          matched.push(t);
        }
      }
      if (score > 0) results.push({ id: doc.id, score, matched });
    }
    return results.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
