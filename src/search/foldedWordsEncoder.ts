// The build's side of foldedWords.ts: folded passage texts, added one at a time as the build
// streams them, numbered word by word into the stored form described at the top of that file.

export interface EncodedFoldedWords {
  bytes: Buffer;
  ends: Buffer;
}

/** Folded texts added one at a time (the build streams them); `finish` gives the stored form. */
export class FoldedWordsEncoder {
  private readonly ids = new Map<string, number>();
  private words: string[] = [];
  private codes: Buffer = Buffer.allocUnsafe(1 << 20);
  private ends: Buffer = Buffer.allocUnsafe(1 << 14);
  private at = 0;
  private n = 0;

  add(folded: string): void {
    for (const word of folded.split(' ')) {
      if (word.includes('\n')) throw new Error('a folded text holds a newline');
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
      }
      this.writeVarint(id);
    }
    if (4 * (this.n + 1) > this.ends.length) this.ends = grown(this.ends, 4 * this.n, this.ends.length * 2);
    this.ends.writeInt32LE(this.at, 4 * this.n++);
  }

  finish(): EncodedFoldedWords {
    const dict = Buffer.from(this.words.length ? `\n${this.words.join('\n')}\n` : '', 'utf8');
    const bytes = Buffer.allocUnsafe(4 + dict.length + this.at);
    bytes.writeUInt32LE(dict.length, 0);
    dict.copy(bytes, 4);
    this.codes.copy(bytes, 4 + dict.length, 0, this.at);
    return { bytes, ends: this.ends.subarray(0, 4 * this.n) };
  }

  private writeVarint(id: number): void {
    if (this.at + 5 > this.codes.length) this.codes = grown(this.codes, this.at, this.codes.length * 2);
    while (id >= 0x80) {
      this.codes[this.at++] = (id & 0x7f) | 0x80;
      id >>>= 7;
    }
    this.codes[this.at++] = id;
  }
}

function grown(buf: Buffer, used: number, size: number): Buffer {
  const next = Buffer.allocUnsafe(size);
  buf.copy(next, 0, 0, used);
  return next;
}

export function encodeFoldedWords(texts: Iterable<string>): EncodedFoldedWords {
  const encoder = new FoldedWordsEncoder();
  for (const text of texts) encoder.add(text);
  return encoder.finish();
}
