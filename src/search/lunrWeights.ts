// Lunr's index weights, computed without lunr.Builder (issue 7: build time at 5,000 documents).
//
// lunr.Builder keeps, for every (term, field, passage), an object in a dictionary keyed by
// passage id, plus one per (field, passage) for term frequencies: tens of millions of small
// objects at 100,000 passages, which made building the index 40 % of the build and most of its
// garbage collection. The run-time scorer needs only what those objects end in — each field
// vector's weight per term — so this module computes exactly those weights with lunr 2.3.9's own
// arithmetic, over typed arrays:
//
//   tokens   lunr.tokenizer: the field lower-cased, split on lunr.tokenizer.separator (ours);
//   terms    the index pipeline (analyzer.ts: fold, trim, stop words, stem), dropped tokens
//            removed; the field length is the number of terms kept;
//   idf      lunr.idf: n = passages holding the term, counted once per field holding it,
//            log(1 + |(N − n + 0.5) / (n + 0.5)|);
//   weight   lunr.Builder#createFieldVectors: idf · (k1 + 1) · tf / (k1 · (1 − b + b · len / avgLen)
//            + tf) · field boost, rounded to 3 decimals; k1 = 1.2, b = 0.75, avgLen over every
//            passage (empty fields count, as lunr counts them).
//
// lunrWeights.test.ts checks the result equals `scorerDataFromLunr(lunr index)` entry for entry,
// on the real corpus and a synthetic one; lunr.Builder stays the reference in tests.
import { analyzeCached, INDEX_FIELDS, lunr, type IndexField } from './analyzer';
import { invertVectors, type ScorerData } from './scorer';

const K1 = 1.2;
const B = 0.75;

/** Growable typed-array column. */
class Column<A extends Int32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}
const intColumn = () => new Column(new Int32Array(1 << 16), (n) => new Int32Array(n));

interface FieldTerms {
  value: string;
  /** Terms kept (lunr's field length). */
  length: number;
  ids: number[];
  counts: number[];
}

/** One passage as the index sees it: its ref and the text of each field in INDEX_FIELDS order. */
export interface WeightedDoc {
  ref: string;
  fields: Record<IndexField, string>;
}

export function lunrWeights(docs: readonly WeightedDoc[]): ScorerData {
  const builder = new LunrWeightsBuilder();
  for (const doc of docs) builder.add(doc.ref, doc.fields);
  return builder.finish();
}

/**
 * `lunrWeights`, one passage at a time: the build adds each document's passages as it writes
 * them and keeps only these columns (issue 19: no array of every passage until the end).
 */
export class LunrWeightsBuilder {
  private readonly fields = Object.keys(INDEX_FIELDS) as IndexField[];
  private readonly boosts = this.fields.map((f) => INDEX_FIELDS[f].boost);
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly refs: string[] = [];
  private readonly docFreq = intColumn();
  private readonly fieldLength = intColumn();
  // One entry per (passage, field, term), in passage order: columns instead of objects (issue 19:
  // 6 bytes an entry). Term and field in one; each passage's first entry in `entryStart`.
  private readonly entryStart = intColumn();
  private readonly entryTermField = intColumn();
  private readonly entryTf = new Column(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  private readonly tf = new Map<number, number>();
  // Each field's last value and its terms: a passage's title and section are those of the passage
  // before it most of the time, and are analysed once for the run (issue 19, build CPU).
  private readonly lastValue: (FieldTerms | null)[] = this.fields.map(() => null);

  add(ref: string, values: Record<IndexField, string>): void {
    const { fields, docFreq, lastValue } = this;
    const nf = fields.length;
    this.refs.push(ref);
    this.entryStart.push(this.entryTermField.length);
    for (let f = 0; f < nf; f++) {
      const value = values[fields[f]!];
      let terms = lastValue[f];
      if (terms?.value !== value) lastValue[f] = terms = this.termsOf(ref, value);
      this.fieldLength.push(terms.length);
      for (let k = 0; k < terms.ids.length; k++) {
        const id = terms.ids[k]!;
        docFreq.data[id]!++;
        this.entryTermField.push(id * nf + f);
        this.entryTf.push(terms.counts[k]!);
      }
    }
  }

  /** A field's terms (ids, new terms numbered as they come) with their counts, in order of first occurrence. */
  private termsOf(ref: string, value: string): FieldTerms {
    const { termIds, terms, docFreq, tf } = this;
    tf.clear();
    let length = 0;
    for (const token of value.toLowerCase().split(lunr.tokenizer.separator)) {
      if (token.length === 0) continue;
      const term = analyzeCached(token);
      if (term === null) continue;
      length++;
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        docFreq.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const out: FieldTerms = { value, length, ids: [], counts: [] };
    for (const [id, n] of tf) {
      // A passage is at most MAX_PASSAGE_CHARS long (core/passages.ts): far below 65,536 words.
      if (n > 0xffff) throw new Error(`a term occurs ${n} times in one field of ${ref}`);
      out.ids.push(id);
      out.counts.push(n);
    }
    return out;
  }

  finish(): ScorerData {
    const { fields, boosts, terms, docFreq, refs } = this;
    const nf = fields.length;
    const n = refs.length;
    const fieldLength = this.fieldLength.data;
    const averageLength = fields.map((_, f) => {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += fieldLength[r * nf + f]!;
      return sum / n;
    });
    const idf = new Float64Array(terms.length);
    for (let t = 0; t < terms.length; t++) {
      const df = docFreq.data[t]!;
      idf[t] = Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
    }

    // lunr's serialized index lists terms in JavaScript's default sort order.
    const sorted = terms.map((_, t) => t).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    const rank = new Int32Array(terms.length);
    sorted.forEach((t, i) => (rank[t] = i));
    this.termIds.clear();

    const entries = this.entryTermField.length;
    this.entryStart.push(entries);
    const starts = this.entryStart.data;
    const termField = this.entryTermField.data;
    const tfs = this.entryTf.data;
    return invertVectors({ lunrVersion: lunr.version, fields, refs, terms: sorted.map((t) => terms[t]!) }, (emit) => {
      for (let r = 0; r < n; r++) {
        for (let i = starts[r]!; i < starts[r + 1]!; i++) {
          const f = termField[i]! % nf;
          const t = (termField[i]! - f) / nf;
          const tf = tfs[i]!;
          // The same expression, in the same order, as lunr.Builder#createFieldVectors (docBoost 1).
          let score = (idf[t]! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength[r * nf + f]! / averageLength[f]!)) + tf);
          score *= boosts[f]!;
          emit(f, r, rank[t]!, Math.round((Math.round(score * 1000) / 1000) * 1000));
        }
      }
    });
  }
}
