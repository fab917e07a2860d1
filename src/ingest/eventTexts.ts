// What the timeline's text filter searches: every event's eventHaystack() (summary, quote and
// partner names, folded and lower-cased), UTF-8, one after another in chronological order,
// each followed by "\n" — which no filter word contains, so a match never spans two events.
// Stored at build time (timeline.texts, .text_ends) and loaded on the first text filter: one
// byte search through ~35 MB at 177,000 events takes a few tens of ms, where scanning the events
// table row by row took 120–160 ms of CPU a query (issue 7: filters stay instant).

export interface EncodedEventTexts {
  bytes: Buffer;
  /** Int32 little-endian: where each event's text ends in `bytes` (its "\n" not included). */
  ends: Buffer;
}

export function encodeEventTexts(texts: readonly string[]): EncodedEventTexts {
  const ends = Buffer.alloc(4 * texts.length);
  let size = 0;
  for (const text of texts) {
    if (text.includes('\0')) throw new Error('An event text contains a NUL character.');
    size += Buffer.byteLength(text, 'utf8') + 1;
  }
  // One buffer written in place (177,000 small buffers and a concat took 4× as long).
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  texts.forEach((text, i) => {
    at += bytes.write(text, at, 'utf8');
    ends.writeInt32LE(at, 4 * i);
    bytes[at++] = 0x0a; // "\n"
  });
  return { bytes, ends };
}

export class EventTexts {
  private readonly bytes: Buffer;
  private readonly ends: Int32Array;

  constructor(bytes: Uint8Array, ends: Uint8Array) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (ends.byteLength % 4 !== 0) throw new Error('The event texts are damaged (ends).');
    const aligned = ends.byteOffset % 4 === 0 ? ends : Uint8Array.from(ends);
    this.ends = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    if (this.ends.length > 0 && this.ends[this.ends.length - 1] !== this.bytes.length - 1) throw new Error('The event texts are damaged (length).');
  }

  get size(): number {
    return this.ends.length;
  }

  /**
   * Which events contain every word (as filterWords() gives them: folded, lower-cased, no "\n"):
   * 1 at their position. The longest word is searched through the whole buffer; the others only
   * in the events where it occurs.
   */
  matching(words: readonly string[]): Uint8Array {
    const hits = new Uint8Array(this.ends.length);
    if (words.length === 0) return hits.fill(1);
    const needles = [...new Set(words)].map((w) => Buffer.from(w, 'utf8')).sort((a, b) => b.length - a.length);
    const [first, ...rest] = needles as [Buffer, ...Buffer[]];
    let at = 0;
    for (;;) {
      at = this.bytes.indexOf(first, at);
      if (at === -1) break;
      const i = this.eventAt(at);
      const start = i === 0 ? 0 : this.ends[i - 1]! + 1;
      const end = this.ends[i]!;
      if (rest.length === 0 || rest.every((n) => this.bytes.subarray(start, end).indexOf(n) !== -1)) hits[i] = 1;
      at = end + 1; // on to the next event
    }
    return hits;
  }

  /** The event whose text holds byte `offset` (the first whose end is at or after it). */
  private eventAt(offset: number): number {
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
