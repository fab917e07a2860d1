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

export const SCORER_FORMAT = 'relations-desk/scorer-1';

export interface ScorerIndexJson {
  format: typeof SCORER_FORMAT;
  lunrVersion: string;
  fields: string[];
  /** Passage ids, "\n"-joined, in ordinal order. */
  refs: string;
  /** Index terms, "\n"-joined, sorted (JavaScript string order, as lunr's toJSON sorts them). */
  terms: string;
  /** base64 Int32Array: entry offset of each (term, field) posting, term-major, plus the end. */
  starts: string;
  /** base64 Int32Array: passage ordinal of each entry. */
  docs: string;
  /** base64 Int32Array: lunr's field-vector weight × 1000 of each entry. */
  weights: string;
}

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

// --- serialized form -----------------------------------------------------------------------------

const int32ToB64 = (a: Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** base64 → Int32Array, a view on the decoded bytes (copied only if they are not 4-aligned). */
function int32FromB64(s: string): Int32Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('corrupt scorer index');
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Int32Array(copy.buffer);
}

export function serializeScorerData(data: ScorerData): string {
  const json: ScorerIndexJson = {
    format: SCORER_FORMAT,
    lunrVersion: data.lunrVersion,
    fields: data.fields,
    refs: data.refs.join('\n'),
    terms: data.terms.join('\n'),
    starts: int32ToB64(data.starts),
    docs: int32ToB64(data.docs),
    weights: int32ToB64(data.weights),
  };
  return JSON.stringify(json);
}

/**
 * The stored form (issue 7: index load time): binary, so that loading is one copy out of SQLite
 * and typed-array views on it, with no JSON or base64 of the postings. Stored as a BLOB in
 * `search_index.lunr` (SQLite keeps a BLOB as-is in a TEXT column). Layout, little-endian:
 *   uint32 n · n bytes of UTF-8 JSON header {format, lunrVersion, fields, refs, terms,
 *   counts: [starts, entries]} · zero padding to a multiple of 4 ·
 *   Int32 starts[counts[0]] · Int32 docs[counts[1]] · Int32 weights[counts[1]]
 */
export function encodeScorerData(data: ScorerData): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      format: SCORER_FORMAT,
      lunrVersion: data.lunrVersion,
      fields: data.fields,
      refs: data.refs.join('\n'),
      terms: data.terms.join('\n'),
      counts: [data.starts.length, data.docs.length],
    }),
    'utf8',
  );
  const at = (4 + header.length + 3) & ~3;
  const out = Buffer.alloc(at + 4 * (data.starts.length + 2 * data.docs.length));
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  const ints = new Int32Array(out.buffer, out.byteOffset + at, data.starts.length + 2 * data.docs.length);
  ints.set(data.starts, 0);
  ints.set(data.docs, data.starts.length);
  ints.set(data.weights, data.starts.length + data.docs.length);
  return out;
}

export function decodeScorerData(bytes: Uint8Array): ScorerData {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + n)) as { format: string; lunrVersion: string; fields: string[]; refs: string; terms: string; counts: [number, number] };
  if (header.format !== SCORER_FORMAT) throw new Error('not a scorer index');
  const at = (4 + n + 3) & ~3;
  const [ns, ne] = header.counts;
  const total = ns + 2 * ne;
  if (buf.byteLength < at + 4 * total) throw new Error('corrupt scorer index');
  let base = buf.byteOffset + at;
  let arrayBuffer = buf.buffer;
  if (base % 4 !== 0) {
    // Views need 4-byte alignment: copy once if the bytes are not aligned.
    const copy = new Uint8Array(4 * total);
    copy.set(buf.subarray(at, at + 4 * total));
    arrayBuffer = copy.buffer;
    base = 0;
  }
  const data: ScorerData = {
    lunrVersion: header.lunrVersion,
    fields: header.fields,
    refs: splitList(header.refs),
    terms: splitList(header.terms),
    starts: new Int32Array(arrayBuffer, base, ns),
    docs: new Int32Array(arrayBuffer, base + 4 * ns, ne),
    weights: new Int32Array(arrayBuffer, base + 4 * (ns + ne), ne),
  };
  if (data.starts.length !== data.terms.length * data.fields.length + 1 || data.starts[ns - 1] !== ne) throw new Error('corrupt scorer index');
  return data;
}

export function isScorerIndex(json: unknown): json is ScorerIndexJson {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === SCORER_FORMAT;
}

const splitList = (s: string): string[] => (s === '' ? [] : s.split('\n'));

export function scorerDataFromJson(json: ScorerIndexJson): ScorerData {
  const data: ScorerData = {
    lunrVersion: json.lunrVersion,
    fields: json.fields,
    refs: splitList(json.refs),
    terms: splitList(json.terms),
    starts: int32FromB64(json.starts),
    docs: int32FromB64(json.docs),
    weights: int32FromB64(json.weights),
  };
  const slots = data.terms.length * data.fields.length;
  if (data.starts.length !== slots + 1 || data.starts[slots] !== data.docs.length || data.docs.length !== data.weights.length) {
    throw new Error('corrupt scorer index');
  }
  return data;
}

// --- query execution -----------------------------------------------------------------------------

export interface Clause {
  /** An index term (already analysed); with `prefix`, every index term it begins. */
  term: string;
  prefix: boolean;
  required: boolean;
  boost: number;
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

export class ScoringIndex {
  readonly fields: string[];
  readonly refs: string[];
  readonly terms: string[];
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Int32Array;
  private readonly nf: number;
  // Per-passage scratch, reused by every query (reset for the touched passages only).
  private acc: Float64Array | null = null;
  private required: Uint16Array | null = null;
  private lastClause: Int32Array | null = null;
  private touched: Int32Array | null = null;
  private mark: Uint8Array | null = null;
  private serial = 0;

  constructor(data: ScorerData) {
    this.fields = data.fields;
    this.refs = data.refs;
    this.terms = data.terms;
    this.starts = data.starts;
    this.docs = data.docs;
    this.weights = data.weights;
    this.nf = data.fields.length;
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

  execute(clauses: Clause[]): Matches {
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
    const { starts, docs, weights, nf } = this;

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
      const boost = clause.boost;
      for (let t = from; t < to; t++) {
        queryVector.set(t, (queryVector.get(t) ?? 0) + boost);
        const end = starts[(t + 1) * nf]!;
        for (let i = starts[t * nf]!; i < end; i++) {
          const d = docs[i]!;
          if (mark[d] === 0) {
            mark[d] = 1;
            touched[nTouched++] = d;
          }
          acc[d] = acc[d]! + boost * weights[i]!;
          if (serial !== 0 && lastClause[d] !== serial) {
            lastClause[d] = serial;
            required[d] = required[d]! + 1;
          }
        }
      }
    }
    let norm = 0;
    for (const q of queryVector.values()) norm += q * q;
    const scale = 1 / (1000 * Math.sqrt(norm));

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
        if (this.docs[mid]! < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < this.starts[t * this.nf + f + 1]! && this.docs[lo] === doc) out.add(this.terms[t]!);
    }
    return out;
  }
}
