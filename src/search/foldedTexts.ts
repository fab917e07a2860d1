// Every passage's text as foldForMatch() leaves it, concatenated in index order into one UTF-8
// buffer, for checking quoted phrases (issue 7: search p95 at 5,000 documents). A phrase query
// checks up to PHRASE_CHECK_LIMIT candidates; reading each one's text from SQLite cost ~3 µs a
// row (15 ms of a phrase query), a bounded byte search in this buffer well under 1 µs. The buffer
// is stored in the database at build time (search_index.folded, .folded_ends) and loaded on the
// first phrase query: ~43 MB at 5,000 documents, a few MB for a real library.

import { CorruptIndexError } from './scorer';

export interface EncodedFoldedTexts {
  /** UTF-8 of every text, back to back. */
  bytes: Buffer;
  /** Int32 little-endian: the end offset of each text in `bytes` (its start is the previous end). */
  ends: Buffer;
}

export function encodeFoldedTexts(texts: readonly string[]): EncodedFoldedTexts {
  const ends = Buffer.alloc(4 * texts.length);
  const parts: Buffer[] = [];
  let at = 0;
  texts.forEach((text, i) => {
    const b = Buffer.from(text, 'utf8');
    parts.push(b);
    at += b.length;
    ends.writeInt32LE(at, 4 * i);
  });
  return { bytes: Buffer.concat(parts, at), ends };
}

export class FoldedTexts {
  private readonly bytes: Buffer;
  private readonly ends: Int32Array;

  constructor(bytes: Uint8Array, ends: Uint8Array) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (ends.byteLength % 4 !== 0) throw new CorruptIndexError('folded texts');
    const aligned = ends.byteOffset % 4 === 0 ? ends : Uint8Array.from(ends);
    this.ends = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    if (this.ends.length > 0 && this.ends[this.ends.length - 1] !== this.bytes.length) throw new CorruptIndexError('folded texts');
  }

  get size(): number {
    return this.ends.length;
  }

  /** The phrases, as the needles `containsAll` takes. */
  static needles(phrases: readonly string[]): Buffer[] {
    return phrases.map((p) => Buffer.from(p, 'utf8'));
  }

  /** Whether the text of passage `ordinal` contains every needle. */
  containsAll(ordinal: number, needles: readonly Buffer[]): boolean {
    if (ordinal < 0 || ordinal >= this.ends.length) return false;
    const text = this.bytes.subarray(ordinal === 0 ? 0 : this.ends[ordinal - 1]!, this.ends[ordinal]!);
    for (const needle of needles) if (text.indexOf(needle) === -1) return false;
    return true;
  }

  text(ordinal: number): string {
    return this.bytes.toString('utf8', ordinal === 0 ? 0 : this.ends[ordinal - 1]!, this.ends[ordinal]!);
  }
}
