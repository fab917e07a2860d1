// A compact, lazily decoded form of a serialized lunr.Index (issue 7: index size and load time).
// Since the run-time scorer (scorer.ts), new databases store the scorer's form instead; this form
// is still read from older databases (`loadScoringIndex` converts it at load).
//
// lunr's own JSON repeats every passage id in every posting and every field vector, and
// `lunr.Index.load` turns all of it into objects up front: at 5,000 documents that is hundreds
// of megabytes and seconds of JSON.parse before the first search. This form keeps the same data,
// exactly:
//   - passage ids once, in `refs`; postings and field vectors refer to them by ordinal;
//   - postings (per term, per field: sorted ref ordinals) and field vectors (per field, per ref:
//     sorted term indexes and their weights) as delta/varint-encoded bytes, base64 in the JSON;
//     weights are lunr's own values, already rounded to 3 decimals, stored as integers × 1000;
//   - terms sorted, for lunr's TokenSet (built at load, as lunr.Index.load does).
// At load the bytes are decoded into typed arrays only; a term's posting and a passage's field
// vector become lunr objects the first time a query touches them. Query evaluation and scoring
// are lunr's, untouched, on exactly the data lunr would have had — so results and scores are
// identical to lunr.Index.load's.
import { lunr } from './analyzer';
import { decodeScorerData, invertVectors, isScorerIndex, ScoringIndex, scorerDataFromJson, scorerDataFromLunr, type ScorerData } from './scorer';

export const COMPACT_FORMAT = 'relations-desk/lunr-compact-1';

interface SerializedLunr {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown> & { _index: number }][];
  pipeline: string[];
}

export interface CompactIndexJson {
  format: typeof COMPACT_FORMAT;
  lunrVersion: string;
  fields: string[];
  pipeline: string[];
  refs: string[];
  terms: string[];
  /** lunr's `_index` of each term (its dimension in the field vectors). */
  termIndex: string;
  /** Byte offsets into `postings`: one per (term, field), plus the end. */
  postingOffsets: string;
  postings: string;
  /** Byte offsets into `vectors`: one per (field, ref), plus the end. */
  vectorOffsets: string;
  vectors: string;
}

// --- varint bytes ------------------------------------------------------------------------------

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  uint(n: number): void {
    if (this.length + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.length++] = n;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

function readUint(bytes: Uint8Array, at: { i: number }): number {
  let n = 0;
  let mul = 1;
  for (;;) {
    const b = bytes[at.i++]!;
    n += (b & 0x7f) * mul;
    if (b < 0x80) return n;
    mul *= 128;
  }
}

const b64 = (a: Uint8Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const fromB64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
const int32ToB64 = (a: Int32Array): string => b64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
function int32FromB64(s: string): Int32Array {
  const bytes = Buffer.from(s, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Int32Array(copy.buffer);
}

// --- encode (build time) -----------------------------------------------------------------------

/**
 * lunr's serialized index → the compact form. `refs` gives the passage ids in the order they
 * were added (lunr's posting order). Returns null if the index holds anything this form cannot
 * represent exactly (metadata such as positions, negative or unrounded weights): the caller then
 * stores lunr's own JSON.
 */
export function compactLunrIndex(index: lunr.Index, refs: string[]): CompactIndexJson | null {
  const json = index.toJSON() as unknown as SerializedLunr;
  const fields = json.fields;
  const refNo = new Map(refs.map((r, i) => [r, i]));
  const terms = json.invertedIndex.map(([t]) => t);

  const termIndex = new Int32Array(terms.length);
  const postingOffsets = new Int32Array(terms.length * fields.length + 1);
  const postings = new ByteWriter();
  for (let t = 0; t < terms.length; t++) {
    const posting = json.invertedIndex[t]![1];
    termIndex[t] = posting._index;
    for (let f = 0; f < fields.length; f++) {
      postingOffsets[t * fields.length + f] = postings.length;
      const fieldPosting = (posting[fields[f]!] ?? {}) as Record<string, Record<string, unknown>>;
      const nums: number[] = [];
      for (const [ref, metadata] of Object.entries(fieldPosting)) {
        const n = refNo.get(ref);
        if (n === undefined || Object.keys(metadata).length > 0) return null;
        nums.push(n);
      }
      // Posting order is insertion (= ref) order; keep it, and insist on it.
      for (let i = 1; i < nums.length; i++) if (nums[i]! <= nums[i - 1]!) return null;
      postings.uint(nums.length);
      let prev = 0;
      for (const n of nums) {
        postings.uint(n - prev);
        prev = n;
      }
    }
  }
  postingOffsets[terms.length * fields.length] = postings.length;

  const vectorsByKey = new Map(json.fieldVectors);
  const vectorOffsets = new Int32Array(fields.length * refs.length + 1);
  const vectors = new ByteWriter();
  for (let f = 0; f < fields.length; f++) {
    for (let r = 0; r < refs.length; r++) {
      vectorOffsets[f * refs.length + r] = vectors.length;
      const elements = vectorsByKey.get(`${fields[f]}/${refs[r]}`);
      if (!elements) {
        vectors.uint(0);
        continue;
      }
      vectors.uint(elements.length / 2);
      let prev = 0;
      for (let i = 0; i < elements.length; i += 2) {
        const idx = elements[i]!;
        const weight = Math.round(elements[i + 1]! * 1000);
        if (idx < prev || weight < 0 || weight / 1000 !== elements[i + 1]) return null;
        vectors.uint(idx - prev);
        vectors.uint(weight);
        prev = idx;
      }
    }
  }
  vectorOffsets[fields.length * refs.length] = vectors.length;
  if (vectorsByKey.size !== json.fieldVectors.length) return null;
  let known = 0;
  for (const key of vectorsByKey.keys()) {
    const slash = key.indexOf('/');
    if (fields.includes(key.slice(0, slash)) && refNo.has(key.slice(slash + 1))) known++;
  }
  if (known !== vectorsByKey.size) return null;

  return {
    format: COMPACT_FORMAT,
    lunrVersion: json.version,
    fields,
    pipeline: json.pipeline,
    refs,
    terms,
    termIndex: int32ToB64(termIndex),
    postingOffsets: int32ToB64(postingOffsets),
    postings: b64(postings.bytes()),
    vectorOffsets: int32ToB64(vectorOffsets),
    vectors: b64(vectors.bytes()),
  };
}

// --- decode (run time) -------------------------------------------------------------------------

export interface LoadedIndex {
  index: lunr.Index;
  /** Every indexed term, sorted. */
  terms: string[];
  hasTerm(term: string): boolean;
}

export function isCompactIndex(json: unknown): json is CompactIndexJson {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === COMPACT_FORMAT;
}

/** Most decoded posting entries kept; beyond it the cache starts over (bounded memory in a long-running server). */
const MAX_CACHED_ENTRIES = 1_000_000;
/** lunr only reads (clones) a posting's metadata; with no positions stored it is always empty. */
const NO_METADATA = Object.freeze({});

export function loadCompactIndex(json: CompactIndexJson): LoadedIndex {
  const { fields, refs, terms } = json;
  const nf = fields.length;
  const termNo = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) termNo.set(terms[i]!, i);
  const termIndex = int32FromB64(json.termIndex);
  const postingOffsets = int32FromB64(json.postingOffsets);
  const postings = fromB64(json.postings);
  const vectorOffsets = int32FromB64(json.vectorOffsets);
  const vectors = fromB64(json.vectors);
  const refNo = new Map<string, number>();
  for (let i = 0; i < refs.length; i++) refNo.set(refs[i]!, i);
  const fieldNo = new Map(fields.map((f, i) => [f, i]));

  const decodedPostings = new Map<string, Record<string, unknown>>();
  let cachedEntries = 0;
  const decodePosting = (term: string): Record<string, unknown> | undefined => {
    const cached = decodedPostings.get(term);
    if (cached) return cached;
    const t = termNo.get(term);
    if (t === undefined) return undefined;
    const posting: Record<string, unknown> = { _index: termIndex[t]! };
    let entries = 0;
    for (let f = 0; f < nf; f++) {
      const fieldPosting: Record<string, object> = Object.create(null) as Record<string, object>;
      const at = { i: postingOffsets[t * nf + f]! };
      let n = 0;
      const count = readUint(postings, at);
      entries += count;
      for (let k = count; k > 0; k--) {
        n += readUint(postings, at);
        fieldPosting[refs[n]!] = NO_METADATA;
      }
      posting[fields[f]!] = fieldPosting;
    }
    if (cachedEntries + entries > MAX_CACHED_ENTRIES) {
      decodedPostings.clear();
      cachedEntries = 0;
    }
    cachedEntries += entries;
    decodedPostings.set(term, posting);
    return posting;
  };

  // lunr reads `invertedIndex[term]` (and our searcher `term in invertedIndex`): decode on demand.
  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_t, key) => (typeof key === 'string' ? decodePosting(key) : undefined),
    has: (_t, key) => typeof key === 'string' && termNo.has(key),
    ownKeys: () => terms,
    getOwnPropertyDescriptor: (_t, key) =>
      typeof key === 'string' && termNo.has(key) ? { configurable: true, enumerable: true, writable: false, value: decodePosting(key) } : undefined,
  });

  // lunr reads `fieldVectors["field/ref"]` for each matching passage: decode on demand, uncached
  // (decoding is as cheap as the similarity lunr computes with it).
  const fieldVectors = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_t, key) => {
      if (typeof key !== 'string') return undefined;
      const slash = key.indexOf('/');
      const f = fieldNo.get(key.slice(0, slash));
      const r = refNo.get(key.slice(slash + 1));
      if (f === undefined || r === undefined) return undefined;
      const at = { i: vectorOffsets[f * refs.length + r]! };
      const count = readUint(vectors, at);
      const elements = new Array<number>(count * 2);
      let idx = 0;
      for (let k = 0; k < count; k++) {
        idx += readUint(vectors, at);
        elements[2 * k] = idx;
        elements[2 * k + 1] = readUint(vectors, at) / 1000;
      }
      return new lunr.Vector(elements);
    },
  });

  // Not in lunr's type definitions, but public API (lunr.Index.load uses it the same way).
  const TokenSetBuilder = (lunr.TokenSet as unknown as { Builder: new () => { insert(t: string): void; finish(): void; root: lunr.TokenSet } }).Builder;
  const builder = new TokenSetBuilder();
  for (const term of terms) builder.insert(term);
  builder.finish();

  const index = new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: builder.root,
    fields,
    pipeline: lunr.Pipeline.load(json.pipeline),
  } as unknown as lunr.Index.Attributes);
  return { index, terms, hasTerm: (term) => termNo.has(term) };
}

/** Either form → a loaded index. lunr's own JSON (older databases) still loads, the slow way. */
export function loadIndex(serialized: string): LoadedIndex {
  const json = JSON.parse(serialized) as unknown;
  if (isCompactIndex(json)) return loadCompactIndex(json);
  const index = lunr.Index.load(json as object);
  const inverted = (index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex;
  return { index, terms: Object.keys(inverted).sort(), hasTerm: (term) => term in inverted };
}

// --- to the run-time scorer (scorer.ts) ----------------------------------------------------------

/**
 * The compact form (databases built before the scorer) → the scorer's postings, from its field
 * vectors (which hold every (term, field, passage) entry and its weight).
 */
export function scorerDataFromCompact(json: CompactIndexJson): ScorerData {
  const { fields, refs, terms } = json;
  const termIndex = int32FromB64(json.termIndex);
  const posOfIndex = new Map<number, number>();
  for (let t = 0; t < termIndex.length; t++) posOfIndex.set(termIndex[t]!, t);
  const vectorOffsets = int32FromB64(json.vectorOffsets);
  const vectors = fromB64(json.vectors);
  return invertVectors({ lunrVersion: json.lunrVersion, fields, refs, terms }, (emit) => {
    for (let f = 0; f < fields.length; f++) {
      for (let r = 0; r < refs.length; r++) {
        const at = { i: vectorOffsets[f * refs.length + r]! };
        const count = readUint(vectors, at);
        let idx = 0;
        for (let k = 0; k < count; k++) {
          idx += readUint(vectors, at);
          const t = posOfIndex.get(idx);
          if (t === undefined) throw new Error('corrupt compact index');
          emit(f, r, t, readUint(vectors, at));
        }
      }
    }
  });
}

/**
 * Any stored form → the run-time scorer. The scorer's own form (binary; or base64 in JSON) loads
 * as typed-array views; the older forms (the compact form, lunr's own JSON) are converted at load, the slow way.
 */
export function loadScoringIndex(serialized: string | Uint8Array): ScoringIndex {
  if (typeof serialized !== 'string') return new ScoringIndex(decodeScorerData(serialized));
  const json = JSON.parse(serialized) as unknown;
  if (isScorerIndex(json)) return new ScoringIndex(scorerDataFromJson(json));
  if (isCompactIndex(json)) return new ScoringIndex(scorerDataFromCompact(json));
  return new ScoringIndex(scorerDataFromLunr(json as Parameters<typeof scorerDataFromLunr>[0]));
}
