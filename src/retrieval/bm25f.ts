import { isStopword, stem, words } from '../text/tokenize.js';

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
 * BM25F as an inverted index. Per term, a posting list of (document, weight) where the
 * weight is the field-weighted, length-normalised term frequency summed over fields; a
 * query saturates it once per term (k1), so a term repeated across fields does not count
 * twice over. Queries touch only the postings of their terms.
 */
export class Bm25fIndex<F extends string> {
  private readonly ids: string[] = [];
  private readonly postings = new Map<string, { docs: number[]; weights: number[] }>();
  private readonly stems = new Map<string, string | null>();
  private readonly b: number | Partial<Record<F, number>>;

  constructor(
    documents: Iterable<FieldedDocument<F>>,
    private readonly weights: Record<F, number>,
    private readonly k1 = 1.2,
    /** Length normalisation, per field if given: a list of synonyms should not be penalised for its length. */
    b: number | Partial<Record<F, number>> = 0.75,
    /** How a word is stemmed, documents and queries alike. */
    private readonly stemOf: (word: string) => string = stem,
  ) {
    this.b = b;
    const fields = Object.keys(weights) as F[];
    // Two passes: field lengths must be known (their averages) before weights can be normalised.
    const counts: Array<Array<Map<string, number>>> = [];
    const lengths: number[][] = [];
    for (const doc of documents) {
      this.ids.push(doc.id);
      const perField = fields.map((f) => {
        const m = new Map<string, number>();
        for (const t of this.terms(doc.fields[f] ?? '')) m.set(t, (m.get(t) ?? 0) + 1);
        return m;
      });
      counts.push(perField);
      lengths.push(perField.map((m) => [...m.values()].reduce((s, c) => s + c, 0)));
    }
    const avg = fields.map((_, i) => lengths.reduce((s, l) => s + l[i]!, 0) / Math.max(1, lengths.length) || 1);
    const bOf = (f: F) => (typeof this.b === 'number' ? this.b : (this.b[f] ?? 0.75));
    counts.forEach((perField, d) => {
      const weight = new Map<string, number>();
      perField.forEach((m, i) => {
        const f = fields[i]!;
        const norm = 1 - bOf(f) + (bOf(f) * lengths[d]![i]!) / avg[i]!;
        for (const [t, c] of m) weight.set(t, (weight.get(t) ?? 0) + (this.weights[f] * c) / norm);
      });
      for (const [t, w] of weight) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = { docs: [], weights: [] }));
        p.docs.push(d);
        p.weights.push(w);
      }
      counts[d] = []; // free as we go
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** Content words, stemmed, with a stem cache (a catalog's vocabulary is small next to its text). */
  private terms(text: string): string[] {
    const out: string[] = [];
    for (const w of words(text)) {
      let s = this.stems.get(w);
      if (s === undefined) {
        s = isStopword(w) ? null : this.stemOf(w);
        this.stems.set(w, s);
      }
      if (s) out.push(s);
    }
    return out;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /**
   * The most a query could score: the sum of its terms' IDF. Dividing by it makes scores
   * comparable across queries and catalog sizes; words no document has count against the
   * match at `unknownWeight` of their IDF.
   */
  ceiling(query: string, unknownWeight = 1): number {
    return [...new Set(this.terms(query))].reduce((s, t) => s + this.idf(t) * (this.postings.has(t) ? 1 : unknownWeight), 0);
  }

  private scratch: Float64Array | undefined;

  /**
   * `expand` adds related words (synonyms) for each query word, counted at `weight` of a
   * query word's contribution: a semantic signal fused into the lexical score.
   */
  search(query: string, limit = this.ids.length, options: { expand?: (word: string) => string[]; weight?: number } = {}): Scored[] {
    const qterms = [...new Set(this.terms(query))].filter((t) => this.postings.has(t));
    const boost = new Map<string, number>(qterms.map((t) => [t, 1]));
    if (options.expand) {
      for (const w of new Set(words(query))) {
        if (isStopword(w)) continue;
        for (const related of options.expand(w)) {
          for (const t of this.terms(related)) if (!boost.has(t) && this.postings.has(t)) boost.set(t, options.weight ?? 0.3);
        }
      }
    }
    // A dense accumulator reused across queries, reset through the list of touched documents.
    const scores = (this.scratch ??= new Float64Array(this.ids.length));
    const touched: number[] = [];
    for (const [t, factor] of boost) {
      const p = this.postings.get(t)!;
      const idf = this.idf(t) * factor;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const w = p.weights[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d] = scores[d]! + (idf * w) / (this.k1 + w);
      }
    }
    const top = topK(touched, scores, Math.min(limit, touched.length));
    const results = top.map((d) => ({ id: this.ids[d]!, score: scores[d]!, matched: qterms.filter((t) => hasDoc(this.postings.get(t)!.docs, d)) }));
    for (const d of touched) scores[d] = 0;
    return results;
  }
}

/** Posting lists are in document order: binary search. */
function hasDoc(docs: number[], d: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] === d) return true;
    if (docs[mid]! < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The k best documents, best first (ties: earlier document first), with a bounded min-heap. */
function topK(candidates: number[], scores: Float64Array, k: number): number[] {
  if (k <= 0) return [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (k >= candidates.length / 4) return [...candidates].sort((a, b) => (better(a, b) ? -1 : 1)).slice(0, k);
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[m]!, heap[l]!)) m = l;
      if (r < heap.length && better(heap[m]!, heap[r]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const d of candidates) {
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (better(d, heap[0]!)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
