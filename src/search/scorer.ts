// Run-time query execution over the prebuilt Lunr index (issue 7: search latency and memory).
//
// Lunr builds the index at build time (its pipeline, field vectors and BM25 weights are the
// source of truth); at run time this module evaluates queries itself, computing the same scores
// as lunr.Index.prototype.query (lunr 2.3.9) for the clauses Searcher uses (term clauses, no
// pipeline, presence REQUIRED/OPTIONAL, optional trailing wildcard, a boost, all fields):
//
//   lunr: score(doc) = Σ_fields  q · v(field, doc) / |q|
//     q            the query vector: for each index term matched by some clause (a wildcard
//                  clause matches every term it expands to), the sum of those clauses' boosts;
//                  identical for every field, since every clause covers every field;
//     v(field,doc) lunr's field vector: term → weight (BM25 × field boost, rounded to 3
//                  decimals at build time); only terms present in that field of that passage;
//     |q|          the Euclidean norm of q (lunr normalises the query vector only);
//   a passage is a result when some clause term occurs in one of its fields, and, if there are
//   REQUIRED clauses, each of them matches it (any expansion, any field); a REQUIRED clause that
//   expands to no term at all empties the result.
//
// Here the field vectors are stored inverted, term-at-a-time: for each (term, field) the passage
// ordinals that hold it (Int32Array, ascending) and the weight there (Int32Array, lunr's weight
// × 1000: exact, since lunr rounded it to 3 decimals). Query evaluation adds boost × weight into
// a Float64Array per passage, counts REQUIRED clauses per passage in a Uint16Array, and returns
// the qualifying passages with their scores; Searcher then selects the page (top-k) and checks
// filters and phrases on candidates in rank order. Terms are a sorted array: exact terms and
// prefix expansions by binary search.
//
// Stored form (issue 7: index load time): a header — passage ids, terms and the (term, field)
// offsets — read at load, and the postings (passage ordinals and weights) in chunks of
// POSTING_CHUNK entries, each read the first time a query reaches into it. Terms are sorted and
// postings laid out term by term, so a query (a prefix's expansions included) touches few chunks.
//
// One file on purpose: the stored form, its encoder and the evaluator must agree to the bit, and
// scorer.test.ts checks them together against lunr's own scores.

export const SCORER_FORMAT = 'relations-desk/scorer-3';

/** A stored index part that cannot be read as written: the library must be rebuilt. */
export class CorruptIndexError extends Error {
  constructor(what: string) {
    super(`corrupt search index (${what})`);
    this.name = 'CorruptIndexError';
  }
}
/** Posting entries per stored chunk: 64 Ki entries, 512 kB of ordinals and weights. */
export const POSTING_CHUNK = 1 << 16;

export interface ScorerData {
  lunrVersion: string;
  fields: string[];
  refs: string[];
  terms: string[];
  starts: Int32Array;
  docs: Int32Array;
  weights: Int32Array;
}

/**
 * Feeds field-vector entries to `invertVectors`: for each field, passages in ascending ordinal
 * order, each passage's (term position in the sorted terms, weight × 1000). Called twice.
 */
export type VectorSource = (emit: (field: number, ref: number, term: number, milli: number) => void) => void;

/** Field vectors → postings per (term, field), passage ordinals ascending. */
export function invertVectors(meta: { lunrVersion: string; fields: string[]; refs: string[]; terms: string[] }, source: VectorSource): ScorerData {
  const nf = meta.fields.length;
  const slots = meta.terms.length * nf;
  const starts = new Int32Array(slots + 1);
  source((f, _r, t, _m) => {
    starts[t * nf + f + 1]!++;
  });
  for (let i = 0; i < slots; i++) starts[i + 1]! += starts[i]!;
  const fill = starts.slice(0, slots);
  const total = starts[slots]!;
  const docs = new Int32Array(total);
  const weights = new Int32Array(total);
  source((f, r, t, m) => {
    const at = fill[t * nf + f]!++;
    docs[at] = r;
    weights[at] = m;
  });
  for (let s = 0; s < slots; s++) {
    for (let i = starts[s]! + 1; i < starts[s + 1]!; i++) {
      if (docs[i]! <= docs[i - 1]!) throw new Error('field vectors were not fed in passage order');
    }
  }
  return { ...meta, starts, docs, weights };
}

/** lunr keeps weights to 3 decimals; stored × 1000 they must round-trip exactly. */
export function toMilli(weight: number): number {
  const m = Math.round(weight * 1000);
  if (m / 1000 !== weight || Math.abs(m) > 0x7fffffff) throw new Error(`weight ${weight} is not lunr's 3-decimal form`);
  return m;
}

interface SerializedLunr {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, { _index: number }][];
}

/** lunr's serialized index (index.toJSON()) → the scorer's postings. `refs`: passage ids in ordinal order. */
export function scorerDataFromLunr(json: SerializedLunr, refs?: string[]): ScorerData {
  const fields = json.fields;
  const terms = json.invertedIndex.map(([t]) => t);
  for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) throw new Error('lunr terms are not sorted');
  const posOfIndex = new Map<number, number>();
  json.invertedIndex.forEach(([, posting], pos) => posOfIndex.set(posting._index, pos));
  const vectors = new Map(json.fieldVectors);
  if (!refs) {
    const seen = new Set<string>();
    for (const [key] of json.fieldVectors) seen.add(key.slice(key.indexOf('/') + 1));
    refs = [...seen];
  }
  const refList = refs;
  return invertVectors({ lunrVersion: json.version, fields, refs: refList, terms }, (emit) => {
    for (let f = 0; f < fields.length; f++) {
      for (let r = 0; r < refList.length; r++) {
        const el = vectors.get(`${fields[f]}/${refList[r]}`);
        if (!el) continue;
        for (let i = 0; i < el.length; i += 2) {
          const t = posOfIndex.get(el[i]!);
          if (t === undefined) throw new Error('field vector names an unknown term');
          emit(f, r, t, toMilli(el[i + 1]!));
        }
      }
    }
  });
}

// --- stored form ---------------------------------------------------------------------------------

/** What the database holds: the header (search_index.lunr) and the posting chunks (search_postings). */
export interface EncodedScorer {
  /**
   * uint32 n · n bytes of UTF-8 JSON {format, lunrVersion, fields, refs, terms, counts: [starts,
   * entries], chunk} (refs and terms "\n"-joined) · zero padding to a multiple of 4 · Int32LE
   * starts[counts[0]].
   */
  header: Buffer;
  /**
   * Entries [k · chunk, (k + 1) · chunk): Int32LE passage ordinals, and weights × 1000 as Int16LE
   * when every one of the chunk fits (all of them at 5,000 documents), else Int32LE.
   */
  chunks: { docs: Buffer; weights: Buffer }[];
}

interface ScorerHeader {
  format: string;
  lunrVersion: string;
  fields: string[];
  refs: string;
  terms: string;
  counts: [number, number];
  chunk: number;
}

const int32Bytes = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeScorerData(data: ScorerData, chunk = POSTING_CHUNK): EncodedScorer {
  const json: ScorerHeader = {
    format: SCORER_FORMAT,
    lunrVersion: data.lunrVersion,
    fields: data.fields,
    refs: data.refs.join('\n'),
    terms: data.terms.join('\n'),
    counts: [data.starts.length, data.docs.length],
    chunk,
  };
  const head = Buffer.from(JSON.stringify(json), 'utf8');
  const at = (4 + head.length + 3) & ~3;
  const header = Buffer.alloc(at + 4 * data.starts.length);
  header.writeUInt32LE(head.length, 0);
  head.copy(header, 4);
  int32Bytes(data.starts).copy(header, at);
  const chunks: EncodedScorer['chunks'] = [];
  for (let from = 0; from < data.docs.length; from += chunk) {
    const to = Math.min(data.docs.length, from + chunk);
    // Views, not copies: a copy of every posting was 44 MB of a 5,000-document build's peak (issue 19).
    // The weights are narrowed as each chunk is written, not all at once (10 MB at 5,000 documents).
    const weights = data.weights.subarray(from, to);
    chunks.push({ docs: int32Bytes(data.docs.subarray(from, to)), get weights() { return storedWeights(weights); } });
  }
  return { header, chunks };
}

/** Weights × 1000 in 16 bits when they all fit (see EncodedScorer.chunks), else in 32. */
function storedWeights(weights: Int32Array): Buffer {
  for (const w of weights) if (w < -32768 || w > 32767) return int32Bytes(weights);
  const out = Buffer.allocUnsafe(2 * weights.length);
  weights.forEach((w, i) => out.writeInt16LE(w, 2 * i));
  return out;
}

/** Bytes → Int16Array view (copied once when not 2-byte aligned). */
function int16View(bytes: Uint8Array): Int16Array {
  if (bytes.byteLength % 2 !== 0) throw new CorruptIndexError('misaligned array');
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : Uint8Array.from(bytes);
  return new Int16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 2);
}

/** Bytes → Int32Array view (copied once when not 4-byte aligned). */
function int32View(bytes: Uint8Array): Int32Array {
  if (bytes.byteLength % 4 !== 0) throw new CorruptIndexError('misaligned array');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

const splitList = (s: string): string[] => (s === '' ? [] : s.split('\n'));

/** Reads posting chunk k (see EncodedScorer.chunks); null when it is missing. */
export type ChunkReader = (k: number) => { docs: Uint8Array; weights: Uint8Array } | null;

/** The stored form → a ScoringIndex that reads posting chunks through `readChunk` as queries need them. */
export function loadScorer(headerBytes: Uint8Array, readChunk: ChunkReader): ScoringIndex {
  const buf = Buffer.from(headerBytes.buffer, headerBytes.byteOffset, headerBytes.byteLength);
  const corrupt = (why: string) => new CorruptIndexError(why);
  if (buf.byteLength < 4) throw corrupt('no header');
  const n = buf.readUInt32LE(0);
  let header: ScorerHeader;
  try {
    header = JSON.parse(buf.toString('utf8', 4, 4 + n)) as ScorerHeader;
  } catch {
    throw corrupt('unreadable header');
  }
  if (header.format !== SCORER_FORMAT) throw corrupt(`format ${String(header.format)}`);
  const at = (4 + n + 3) & ~3;
  const [ns, ne] = header.counts;
  if (buf.byteLength !== at + 4 * ns) throw corrupt('header size');
  const starts = int32View(buf.subarray(at));
  const fields = header.fields;
  const terms = splitList(header.terms);
  if (starts.length !== terms.length * fields.length + 1 || starts[ns - 1] !== ne) throw corrupt('offsets');
  for (let i = 1; i < ns; i++) if (starts[i]! < starts[i - 1]!) throw corrupt('offsets out of order');
  const refs = splitList(header.refs);
  const passages = refs.length;
  const chunks = new Array<{ docs: Int32Array; weights: Int32Array | Int16Array } | undefined>(Math.ceil(ne / header.chunk));
  const postings: PostingChunks = {
    size: header.chunk,
    get: (k) => {
      let c = chunks[k];
      if (!c) {
        const raw = readChunk(k);
        const want = Math.min(header.chunk, ne - k * header.chunk);
        if (!raw) throw corrupt(`posting chunk ${k} missing`);
        const docs = int32View(raw.docs);
        // Stored in 16 bits, the weights are used where they lie: no 32-bit copy left for the
        // garbage collector (issue 19: dead buffers were a share of the serving peak).
        const weights = raw.weights.byteLength === 2 * want ? int16View(raw.weights) : int32View(raw.weights);
        if (docs.length !== want || weights.length !== want) throw corrupt(`posting chunk ${k}`);
        // A passage ordinal outside the index would be skipped silently and a query come back empty.
        for (const d of docs) if (d < 0 || d >= passages) throw corrupt(`posting chunk ${k}: passage ${d} of ${passages}`);
        c = { docs, weights };
        chunks[k] = c;
      }
      return c;
    },
  };
  return new ScoringIndex({ fields, refs, terms, starts }, postings);
}

/** Postings held in memory (the build's own data, tests). */
export function scoringIndexOf(data: ScorerData): ScoringIndex {
  const size = Math.max(1, data.docs.length);
  return new ScoringIndex(data, { size, get: () => ({ docs: data.docs, weights: data.weights }) });
}

// --- query execution -----------------------------------------------------------------------------

export interface Clause {
  /** An index term (already analysed); with `prefix`, every index term it begins. */
  term: string;
  prefix: boolean;
  required: boolean;
  boost: number;
}

/** How federated.ts puts an index's scores on a common scale (see ScoringIndex.execute). */
export interface Weighting {
  factor(termPosition: number): number;
  norm: number;
}

export interface Matches {
  /** Qualifying passages (ordinals), in no particular order. */
  docs: Int32Array;
  /** Their lunr scores, parallel to `docs`. */
  scores: Float64Array;
  /** Distinct index terms (positions) the clauses expanded to. */
  terms: Int32Array;
}

const EMPTY: Matches = { docs: new Int32Array(0), scores: new Float64Array(0), terms: new Int32Array(0) };

/** Posting entries in chunks of `size`: chunk k holds entries [k · size, (k + 1) · size). */
export interface PostingChunks {
  size: number;
  get(k: number): { docs: Int32Array; weights: Int32Array | Int16Array };
}

export class ScoringIndex {
  readonly fields: string[];
  readonly refs: string[];
  readonly terms: string[];
  private readonly starts: Int32Array;
  private readonly nf: number;
  // Per-passage scratch, reused by every query (reset for the touched passages only).
  private acc: Float64Array | null = null;
  private required: Uint16Array | null = null;
  private lastClause: Int32Array | null = null;
  private touched: Int32Array | null = null;
  private mark: Uint8Array | null = null;
  private serial = 0;

  constructor(
    meta: { fields: string[]; refs: string[]; terms: string[]; starts: Int32Array },
    private readonly postings: PostingChunks,
  ) {
    this.fields = meta.fields;
    this.refs = meta.refs;
    this.terms = meta.terms;
    this.starts = meta.starts;
    this.nf = meta.fields.length;
  }

  /** Passage ordinal of posting entry i. */
  private docAt(i: number): number {
    const size = this.postings.size;
    const k = Math.floor(i / size);
    return this.postings.get(k).docs[i - k * size]!;
  }

  get size(): number {
    return this.refs.length;
  }

  /** First position whose term is ≥ `term`. */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  termPosition(term: string): number {
    const at = this.lowerBound(term);
    return at < this.terms.length && this.terms[at] === term ? at : -1;
  }

  hasTerm(term: string): boolean {
    return this.termPosition(term) !== -1;
  }

  hasPrefix(prefix: string): boolean {
    const at = this.lowerBound(prefix);
    return at < this.terms.length && this.terms[at]!.startsWith(prefix);
  }

  /** [from, to) positions of the terms a clause matches. */
  private expand(clause: Clause): [number, number] {
    const from = this.lowerBound(clause.term);
    let to = from;
    if (clause.prefix) {
      while (to < this.terms.length && this.terms[to]!.startsWith(clause.term)) to++;
    } else if (from < this.terms.length && this.terms[from] === clause.term) {
      to = from + 1;
    }
    return [from, to];
  }

  /** Passages holding the term at `position`, counted once per field (lunr.idf's count). */
  documentFrequency(position: number): number {
    return this.starts[(position + 1) * this.nf]! - this.starts[position * this.nf]!;
  }

  /** The query vector the clauses make over this index: each term they expand to → its boost. */
  queryTerms(clauses: Clause[]): Map<string, number> {
    const out = new Map<string, number>();
    clauses.forEach((c) => {
      const [from, to] = this.expand(c);
      for (let t = from; t < to; t++) out.set(this.terms[t]!, (out.get(this.terms[t]!) ?? 0) + c.boost);
    });
    return out;
  }

  /**
   * `weighting` (federated search over several indexes, federated.ts): each term's weights are
   * scaled by `factor(term position)` and the score divided by `norm` instead of this index's own
   * query norm, so scores from different indexes are on one scale.
   */
  execute(clauses: Clause[], weighting?: Weighting): Matches {
    const ranges = clauses.map((c) => this.expand(c));
    // lunr: a REQUIRED clause that matches no index term leaves no result at all.
    if (clauses.some((c, i) => c.required && ranges[i]![0] === ranges[i]![1])) return EMPTY;

    const n = this.refs.length;
    if (!this.acc) {
      this.acc = new Float64Array(n);
      this.required = new Uint16Array(n);
      this.lastClause = new Int32Array(n);
      this.touched = new Int32Array(n);
      this.mark = new Uint8Array(n);
    }
    const acc = this.acc;
    const required = this.required!;
    const lastClause = this.lastClause!;
    const touched = this.touched!;
    const mark = this.mark!;
    const { starts, nf, postings } = this;
    const size = postings.size;

    const queryVector = new Map<number, number>();
    let nRequired = 0;
    let nTouched = 0;
    for (let c = 0; c < clauses.length; c++) {
      const clause = clauses[c]!;
      const [from, to] = ranges[c]!;
      if (from === to) continue;
      let serial = 0;
      if (clause.required) {
        nRequired++;
        if (this.serial >= 0x7ffffff0) {
          lastClause.fill(0);
          this.serial = 0;
        }
        serial = ++this.serial;
      }
      for (let t = from; t < to; t++) {
        queryVector.set(t, (queryVector.get(t) ?? 0) + clause.boost);
        const boost = weighting ? clause.boost * weighting.factor(t) : clause.boost;
        const end = starts[(t + 1) * nf]!;
        for (let i = starts[t * nf]!; i < end; ) {
          // The term's postings, a chunk at a time.
          const k = Math.floor(i / size);
          const { docs, weights } = postings.get(k);
          const base = k * size;
          const stop = Math.min(end, base + size) - base;
          for (let j = i - base; j < stop; j++) {
            const d = docs[j]!;
            if (mark[d] === 0) {
              mark[d] = 1;
              touched[nTouched++] = d;
            }
            acc[d] = acc[d]! + boost * weights[j]!;
            if (serial !== 0 && lastClause[d] !== serial) {
              lastClause[d] = serial;
              required[d] = required[d]! + 1;
            }
          }
          i = base + stop;
        }
      }
    }
    let norm = 0;
    for (const q of queryVector.values()) norm += q * q;
    const scale = 1 / (1000 * (weighting ? weighting.norm : Math.sqrt(norm)));

    let count = 0;
    for (let i = 0; i < nTouched; i++) if (required[touched[i]!] === nRequired) count++;
    const outDocs = new Int32Array(count);
    const outScores = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i]!;
      if (required[d] === nRequired) {
        outDocs[k] = d;
        const s = acc[d]! * scale;
        outScores[k++] = Number.isNaN(s) ? 0 : s;
      }
      acc[d] = 0;
      required[d] = 0;
      lastClause[d] = 0;
      mark[d] = 0;
    }
    const terms = Int32Array.from([...queryVector.keys()].sort((a, b) => a - b));
    return { docs: outDocs, scores: outScores, terms };
  }

  /** The terms among `termPositions` that occur in `field` of passage `doc` (for highlights). */
  termsInField(doc: number, termPositions: Int32Array, field: string): Set<string> {
    const f = this.fields.indexOf(field);
    const out = new Set<string>();
    if (f === -1) return out;
    for (const t of termPositions) {
      let lo = this.starts[t * this.nf + f]!;
      let hi = this.starts[t * this.nf + f + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.docAt(mid) < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < this.starts[t * this.nf + f + 1]! && this.docAt(lo) === doc) out.add(this.terms[t]!);
    }
    return out;
  }
}
