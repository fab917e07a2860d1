// Many short texts in one UTF-8 buffer, back to back, each followed by "\n", with an Int32 end
// offset per text (issue 7: searching 100,000+ texts without a row read or a string each).
// Stored at build time and loaded on first use for every timeline event's filter text
// (timeline.texts, .text_ends): the word filter scans the whole buffer for its longest word, then
// checks the other words in the events it hit (`matching`). Passages' folded texts were kept this
// way too, until schema 12 kept them as word codes (foldedWords.ts: a quarter of the memory).
// Needles never contain "\n" (both sides are folded and whitespace-normalised), so a match never
// spans two texts.
import { CorruptIndexError } from './scorer';

export interface EncodedTexts {
  /** UTF-8 of every text, each followed by "\n". */
  bytes: Buffer;
  /** Int32 little-endian: where each text ends in `bytes` (its "\n" not included). */
  ends: Buffer;
}

export function encodeTexts(texts: readonly string[]): EncodedTexts {
  const ends = Buffer.alloc(4 * texts.length);
  let size = 0;
  for (const text of texts) size += Buffer.byteLength(text, 'utf8') + 1;
  // One buffer written in place (a buffer per text and a concat took 4× as long).
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  texts.forEach((text, i) => {
    at += bytes.write(text, at, 'utf8');
    ends.writeInt32LE(at, 4 * i);
    bytes[at++] = 0x0a;
  });
  return { bytes, ends };
}

export class TextBuffer {
  private readonly bytes: Buffer;
  private readonly ends: Int32Array;

  /** `what` names the stored part in the error a damaged one raises. */
  constructor(bytes: Uint8Array, ends: Uint8Array, what = 'texts') {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (ends.byteLength % 4 !== 0) throw new CorruptIndexError(what);
    const aligned = ends.byteOffset % 4 === 0 ? ends : Uint8Array.from(ends);
    this.ends = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    const expected = this.ends.length === 0 ? 0 : this.ends[this.ends.length - 1]! + 1;
    if (expected !== this.bytes.length) throw new CorruptIndexError(what);
  }

  get size(): number {
    return this.ends.length;
  }

  /** Strings → the needles `containsAll` takes. */
  static needles(strings: readonly string[]): Buffer[] {
    return strings.map((s) => Buffer.from(s, 'utf8'));
  }

  private start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]! + 1;
  }

  text(i: number): string {
    return this.bytes.toString('utf8', this.start(i), this.ends[i]!);
  }

  /** Whether text `i` contains every needle. */
  containsAll(i: number, needles: readonly Buffer[]): boolean {
    if (i < 0 || i >= this.ends.length) return false;
    const text = this.bytes.subarray(this.start(i), this.ends[i]!);
    for (const needle of needles) if (text.indexOf(needle) === -1) return false;
    return true;
  }

  /**
   * Which texts contain every word: 1 at their position. The longest word is searched through
   * the whole buffer; the others only in the texts where it occurs.
   */
  matching(words: readonly string[]): Uint8Array {
    const hits = new Uint8Array(this.ends.length);
    if (words.length === 0) return hits.fill(1);
    const needles = TextBuffer.needles([...new Set(words)]).sort((a, b) => b.length - a.length);
    const [first, ...rest] = needles as [Buffer, ...Buffer[]];
    for (let at = this.bytes.indexOf(first); at !== -1; ) {
      const i = this.textAt(at);
      if (rest.length === 0 || this.containsAll(i, rest)) hits[i] = 1;
      at = this.bytes.indexOf(first, this.ends[i]! + 1); // on to the next text
    }
    return hits;
  }

  /** The text holding byte `offset` (the first whose end is at or after it). */
  private textAt(offset: number): number {
    let lo = 0;
    let hi = this.ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
