// The folded passage texts stored in chunks of about a megabyte (search_folded, issue 19): one
// blob of every text made the serving process hold 44 MB at 5,000 documents, and SQLite a second
// copy while reading it. A phrase check reads only the chunks that hold its candidates.
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
  private readonly chunks: (TextBuffer | undefined)[];

  /**
   * `firsts`: each chunk's first text, ascending from 0; `size`: how many texts in all;
   * `read(k)`: chunk k's bytes and ends, null when it is missing. `what` names the stored part in
   * the error a damaged one raises.
   */
  constructor(
    private readonly firsts: Int32Array,
    readonly size: number,
    private readonly read: (k: number) => EncodedTexts | null,
    private readonly what = 'texts',
  ) {
    if (size > 0 && firsts[0] !== 0) throw new CorruptIndexError(what);
    for (let k = 1; k < firsts.length; k++) if (!(firsts[k]! > firsts[k - 1]! && firsts[k]! < size)) throw new CorruptIndexError(what);
    this.chunks = new Array<TextBuffer | undefined>(firsts.length);
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

  /**
   * Read once, then kept (as posting chunks are): an 8 MB least-recently-used bound made the
   * bench's phrase queries read the chunks again and again (search CPU p95 14 → 54 ms at 5,000
   * documents) and raised the peak with the garbage of the reads (issue 19).
   */
  private chunk(k: number): TextBuffer {
    let c = this.chunks[k];
    if (!c) {
      const raw = this.read(k);
      if (!raw) throw new CorruptIndexError(`${this.what}: chunk ${k} missing`);
      c = new TextBuffer(raw.bytes, raw.ends, `${this.what}: chunk ${k}`);
      const want = (k + 1 < this.firsts.length ? this.firsts[k + 1]! : this.size) - this.firsts[k]!;
      if (c.size !== want) throw new CorruptIndexError(`${this.what}: chunk ${k}`);
      this.chunks[k] = c;
    }
    return c;
  }
}
