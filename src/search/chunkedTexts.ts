// The folded passage texts stored in chunks of about a megabyte (search_folded, issue 19): one
// blob of every text made the serving process hold 44 MB at 5,000 documents, and SQLite a second
// copy while reading it. A phrase check reads only the chunks that hold its candidates, each once
// per query (`containing` visits the candidates chunk by chunk), and keeps the last few read.
import { CorruptIndexError } from './scorer';
import { TextBuffer, type EncodedTexts, type FoldedTexts } from './textBuffer';

/** About a megabyte of texts per stored chunk: a phrase check reads little more than it needs. */
export const FOLDED_CHUNK_BYTES = 1 << 20;

/** A stored chunk: texts [first, first + count) of the whole list, encoded as encodeTexts does. */
export interface TextChunk extends EncodedTexts {
  first: number;
}

/** Cut encoded texts into chunks of whole texts, each of at least `chunkBytes` (the last may be shorter). */
export function chunkTexts(all: EncodedTexts, chunkBytes: number): TextChunk[] {
  const ends = new Int32Array(all.ends.buffer, all.ends.byteOffset, all.ends.byteLength / 4);
  const out: TextChunk[] = [];
  let first = 0;
  let from = 0; // byte where the chunk starts
  for (let i = 0; i < ends.length; i++) {
    const to = ends[i]! + 1;
    if (to - from < chunkBytes && i < ends.length - 1) continue;
    const chunkEnds = Buffer.alloc(4 * (i + 1 - first));
    for (let k = first; k <= i; k++) chunkEnds.writeInt32LE(ends[k]! - from, 4 * (k - first));
    out.push({ first, bytes: all.bytes.subarray(from, to), ends: chunkEnds });
    first = i + 1;
    from = to;
  }
  return out;
}

export class ChunkedTexts implements FoldedTexts {
  private readonly cache = new Map<number, TextBuffer>(); // in use order, least recent first
  private cached = 0;

  /**
   * `firsts`: each chunk's first text, ascending from 0; `size`: how many texts in all;
   * `read(k)`: chunk k's bytes and ends, null when it is missing. `what` names the stored part in
   * the error a damaged one raises.
   */
  constructor(
    private readonly firsts: Int32Array,
    readonly size: number,
    private readonly read: (k: number) => EncodedTexts | null,
    private readonly cacheBytes: number,
    private readonly what = 'texts',
  ) {
    if (size > 0 && firsts[0] !== 0) throw new CorruptIndexError(what);
    for (let k = 1; k < firsts.length; k++) if (!(firsts[k]! > firsts[k - 1]! && firsts[k]! < size)) throw new CorruptIndexError(what);
  }

  text(i: number): string {
    const k = this.chunkOf(i);
    return this.chunk(k).text(i - this.firsts[k]!);
  }

  containsAll(i: number, needles: readonly Buffer[]): boolean {
    if (i < 0 || i >= this.size) return false;
    const k = this.chunkOf(i);
    return this.chunk(k).containsAll(i - this.firsts[k]!, needles);
  }

  containing(ordinals: ArrayLike<number>, needles: readonly Buffer[]): Uint8Array {
    const hits = new Uint8Array(ordinals.length);
    this.byChunk(ordinals, (at, chunk, local) => (hits[at] = chunk.containsAll(local, needles) ? 1 : 0));
    return hits;
  }

  texts(ordinals: ArrayLike<number>): string[] {
    const out = new Array<string>(ordinals.length);
    this.byChunk(ordinals, (at, chunk, local) => (out[at] = chunk.text(local)));
    return out;
  }

  /** `each` for every ordinal in range, chunk by chunk, so each chunk is read once. */
  private byChunk(ordinals: ArrayLike<number>, each: (at: number, chunk: TextBuffer, local: number) => void): void {
    const order: number[] = [];
    const chunkOf = new Int32Array(ordinals.length);
    for (let at = 0; at < ordinals.length; at++) {
      const i = ordinals[at]!;
      if (i < 0 || i >= this.size) continue;
      chunkOf[at] = this.chunkOf(i);
      order.push(at);
    }
    order.sort((a, b) => chunkOf[a]! - chunkOf[b]! || a - b);
    for (const at of order) {
      const k = chunkOf[at]!;
      each(at, this.chunk(k), ordinals[at]! - this.firsts[k]!);
    }
  }

  private chunkOf(i: number): number {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.firsts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private chunk(k: number): TextBuffer {
    const hit = this.cache.get(k);
    if (hit) {
      this.cache.delete(k);
      this.cache.set(k, hit);
      return hit;
    }
    const raw = this.read(k);
    if (!raw) throw new CorruptIndexError(`${this.what}: chunk ${k} missing`);
    const buffer = new TextBuffer(raw.bytes, raw.ends, `${this.what}: chunk ${k}`);
    const want = (k + 1 < this.firsts.length ? this.firsts[k + 1]! : this.size) - this.firsts[k]!;
    if (buffer.size !== want) throw new CorruptIndexError(`${this.what}: chunk ${k}`);
    // Least recently used chunks go first; the one just read stays even when it alone is over the bound.
    while (this.cache.size > 0 && this.cached + raw.bytes.byteLength > this.cacheBytes) {
      const [oldest, old] = this.cache.entries().next().value as [number, TextBuffer];
      this.cache.delete(oldest);
      this.cached -= old.byteLength;
    }
    this.cache.set(k, buffer);
    this.cached += buffer.byteLength;
    return buffer;
  }
}
