// Every passage's folded text (foldForMatch), held for phrase checks as word codes instead of
// text (issue 19: serving memory). A folded text is single-spaced, so it is its "words" — the
// runs between spaces, punctuation attached ("union," and "union" are two words) — joined by
// one space. The words are numbered once for the whole library (in order of first use) and each
// passage is stored as its words' numbers, varint-coded: at 5,000 documents 10.7 MB of codes and
// 0.2 MB of distinct words instead of 43.5 MB of text.
//
// A phrase check stays a substring check on the folded text, word for word: a phrase is parts
// q0 … qk between its spaces, and since the text's only spaces are the ones between its words,
// the phrase occurs exactly where a word ends with q0, the next k − 1 words are q1 … qk−1, and
// the word after them begins with qk (k = 0: a word contains q0). Which words end with q0, equal
// qi or begin with qk is looked up once per phrase in the list of distinct words.
//
// Stored form (search_index.folded, .folded_ends):
//   folded:      uint32LE n · n bytes: "\n" + each distinct word + "\n" (UTF-8; a word never
//                holds a space or a newline) · the passages' codes back to back (LEB128 varints)
//   folded_ends: Int32LE per passage: where its codes end, counted from the first code byte
import { CorruptIndexError } from './scorer';

/** A phrase prepared for checking: which words may stand at each of its places. */
interface PreparedPhrase {
  /** k = 0: words containing the phrase. Otherwise words ending with q0. */
  first: Uint8Array;
  /** Word ids q1 … qk−1 must have. */
  middle: Int32Array;
  /** Words beginning with qk (k ≥ 1). */
  last: Uint8Array | null;
}

/** The stored folded texts, read as passages' word codes (see the top of this file). */
export class FoldedWords {
  private readonly dict: Buffer;
  private readonly codes: Buffer;
  private readonly ends: Int32Array;
  /** Where word i begins in `dict` (after its "\n"); one more entry: the end of the list + 1. */
  private readonly wordStarts: Int32Array;
  private scratch = new Int32Array(256);
  /** The word list as one string, and where each word begins in it (made on first use). */
  private listText: { text: string; starts: Int32Array } | null = null;
  private textBytes: Buffer = Buffer.allocUnsafe(4096);

  constructor(bytes: Uint8Array, ends: Uint8Array) {
    const corrupt = (why: string) => new CorruptIndexError(`folded passage texts: ${why}`);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length < 4) throw corrupt('no header');
    const dictLength = buf.readUInt32LE(0);
    if (4 + dictLength > buf.length) throw corrupt('word list size');
    this.dict = buf.subarray(4, 4 + dictLength);
    this.codes = buf.subarray(4 + dictLength);
    if (ends.byteLength % 4 !== 0) throw corrupt('ends');
    const aligned = ends.byteOffset % 4 === 0 ? ends : Uint8Array.from(ends);
    this.ends = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    let prev = 0;
    for (const e of this.ends) {
      if (e < prev) throw corrupt('ends out of order');
      prev = e;
    }
    if (prev !== this.codes.length) throw corrupt('codes size');
    if (dictLength > 0 && (this.dict[0] !== 0x0a || this.dict[dictLength - 1] !== 0x0a)) throw corrupt('word list');
    let count = 0;
    for (let at = this.dict.indexOf(0x0a); at !== -1 && at < dictLength - 1; at = this.dict.indexOf(0x0a, at + 1)) count++;
    this.wordStarts = new Int32Array(count + 1);
    let i = 0;
    for (let at = this.dict.indexOf(0x0a); at !== -1; at = this.dict.indexOf(0x0a, at + 1)) this.wordStarts[i++] = at + 1;
  }

  get size(): number {
    return this.ends.length;
  }

  /** How many distinct words the texts use. */
  get words(): number {
    return this.wordStarts.length - 1;
  }

  /** Phrases (folded, as parseQuery leaves them) → what `containsAll` takes. */
  prepare(phrases: readonly string[]): PreparedPhrase[] | null {
    const out: PreparedPhrase[] = [];
    for (const phrase of phrases) {
      const parts = phrase.split(' ');
      const k = parts.length - 1;
      if (k === 0) {
        out.push({ first: this.wordsWhere(parts[0]!, 'contains'), middle: new Int32Array(0), last: null });
        continue;
      }
      const middle = new Int32Array(k - 1);
      for (let i = 1; i < k; i++) {
        const id = this.wordId(parts[i]!);
        if (id === -1) return null; // a word no passage has: no passage has the phrase
        middle[i - 1] = id;
      }
      out.push({ first: this.wordsWhere(parts[0]!, 'ends'), middle, last: this.wordsWhere(parts[k]!, 'begins') });
    }
    return out;
  }

  /** Whether passage `i`'s folded text contains every prepared phrase (null: a phrase no passage has). */
  containsAll(i: number, phrases: readonly PreparedPhrase[] | null): boolean {
    if (phrases === null || i < 0 || i >= this.ends.length) return false;
    for (const phrase of phrases) if (!this.contains(i, phrase)) return false;
    return true;
  }

  /**
   * Decoded word by word, the phrase looked for where it would end, so that a passage that has it
   * is left there (a phrase check reads up to 5,000 passages a query: this loop is kept tight).
   */
  private contains(i: number, phrase: PreparedPhrase): boolean {
    const codes = this.codes;
    const words = this.wordStarts.length - 1;
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    const end = this.ends[i]!;
    const { first, middle, last } = phrase;
    const k = middle.length + 1;
    // A passage has at most one word per code byte.
    if (this.scratch.length < end - start) this.scratch = new Int32Array(2 * (end - start));
    const ids = this.scratch;
    let n = 0;
    for (let at = start; at < end; n++) {
      let id = codes[at++]!;
      if (id >= 0x80) {
        id &= 0x7f;
        let b = 0x80;
        for (let shift = 7; b >= 0x80; shift += 7) {
          if (at >= end || shift > 28) throw new CorruptIndexError(`folded passage texts: passage ${i}`);
          b = codes[at++]!;
          id |= (b & 0x7f) << shift;
        }
        if (id >= words) throw new CorruptIndexError(`folded passage texts: passage ${i}`);
      }
      ids[n] = id;
      if (last === null) {
        if (first[id] === 1) return true;
      } else if (last[id] === 1 && n >= k && first[ids[n - k]!] === 1) {
        let m = 0;
        while (m < k - 1 && ids[n - k + 1 + m] === middle[m]) m++;
        if (m === k - 1) return true;
      }
    }
    return false;
  }

  /**
   * Whether one of the passages has `word` (folded, without spaces) where partial.ts's
   * wordPattern finds it: at the start of one of its words, or after a character that is neither
   * a letter nor a digit ("kosovo" in "kosovo's" and "pro-kosovo", not in "kosovoan"… nor
   * "ropean" in "european"). The list of distinct words is searched once, then the passages'
   * codes are scanned for the words it marked, with no text made (issue 19: a query with a word
   * no passage has reads 5,000 of them). A plain substring search, not a RegExp: a pattern that
   * starts with an alternation is tried at every character of the list, 1–2 ms a query.
   */
  someWordMatches(ordinals: Iterable<number>, word: string): boolean {
    if (word.length === 0) return true;
    const list = (this.listText ??= this.wordList());
    const marks = new Uint8Array(list.starts.length - 1);
    let any = false;
    for (let at = list.text.indexOf(word); at !== -1; at = list.text.indexOf(word, at + 1)) {
      if (!startsAWordPart(list.text, at)) continue;
      // The occurrence's last character is in the word it names (it may begin right after the "\n" before it).
      marks[wordHolding(list.starts, at + word.length - 1)] = 1;
      any = true;
    }
    if (!any) return false;
    const phrase: PreparedPhrase = { first: marks, middle: new Int32Array(0), last: null };
    for (const i of ordinals) if (i >= 0 && i < this.ends.length && this.contains(i, phrase)) return true;
    return false;
  }

  private wordList(): { text: string; starts: Int32Array } {
    const text = this.dict.toString('utf8');
    const starts = new Int32Array(this.wordStarts.length);
    let w = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[w++] = at + 1;
    return { text, starts };
  }

  /** Passage `i`'s folded text. */
  text(i: number): string {
    const n = this.decode(i);
    const ids = this.scratch;
    const dict = this.dict;
    let size = n;
    for (let j = 0; j < n; j++) size += this.wordStarts[ids[j]! + 1]! - 1 - this.wordStarts[ids[j]!]!;
    if (size > this.textBytes.length) this.textBytes = Buffer.allocUnsafe(Math.max(size, 2 * this.textBytes.length));
    const out = this.textBytes;
    let at = 0;
    for (let j = 0; j < n; j++) {
      if (j > 0) out[at++] = 0x20;
      const end = this.wordStarts[ids[j]! + 1]! - 1;
      for (let b = this.wordStarts[ids[j]!]!; b < end; b++) out[at++] = dict[b]!;
    }
    return out.toString('utf8', 0, at);
  }

  /** Passage i's word ids into `scratch`; how many. */
  private decode(i: number): number {
    const codes = this.codes;
    const end = this.ends[i]!;
    const words = this.wordStarts.length - 1;
    let n = 0;
    for (let at = i === 0 ? 0 : this.ends[i - 1]!; at < end; ) {
      let id = 0;
      let shift = 0;
      let b: number;
      do {
        if (at >= end || shift > 28) throw new CorruptIndexError(`folded passage texts: passage ${i}`);
        b = codes[at++]!;
        id |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      if (id >= words) throw new CorruptIndexError(`folded passage texts: passage ${i}`);
      if (n === this.scratch.length) {
        const next = new Int32Array(2 * n);
        next.set(this.scratch);
        this.scratch = next;
      }
      this.scratch[n++] = id;
    }
    return n;
  }

  /** The word whose "\n"-bounded text starts at byte `at` of the list, or holds it. */
  private wordAt(at: number): number {
    return wordHolding(this.wordStarts, at);
  }

  private wordId(word: string): number {
    const at = this.dict.indexOf(`\n${word}\n`, 0, 'utf8');
    return at === -1 ? -1 : this.wordAt(at + 1);
  }

  /** Marks (by word id) the words that contain, end with or begin with `part`. */
  private wordsWhere(part: string, how: 'contains' | 'ends' | 'begins'): Uint8Array {
    const marks = new Uint8Array(this.wordStarts.length - 1);
    if (marks.length === 0) return marks;
    if (part === '') return marks.fill(1);
    const needle = Buffer.from(how === 'ends' ? `${part}\n` : how === 'begins' ? `\n${part}` : part, 'utf8');
    // A match of "\npart" begins at the "\n" before its word; the others lie inside their word.
    const shift = how === 'begins' ? 1 : 0;
    for (let at = this.dict.indexOf(needle); at !== -1; at = this.dict.indexOf(needle, at + 1)) marks[this.wordAt(at + shift)] = 1;
    return marks;
  }
}

/** The word (by `starts`, where each begins; one more entry at the end) holding offset `at`. */
function wordHolding(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether text[at] starts the text or follows a code point that is neither a letter nor a digit (wordPattern's boundary). */
function startsAWordPart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  // A low surrogate ends a code point that began one unit earlier.
  const prev = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
  return !LETTER_OR_DIGIT.test(prev);
}
