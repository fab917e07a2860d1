// encodeTexts (src/search/textBuffer.ts) for texts made one at a time: the same bytes and ends,
// written into a buffer that grows, so each text can be dropped as soon as it is written. The
// build folds 100,000 passage texts this way (issue 19: an array of every folded text outlived
// the young generation and was a large share of the build's peak memory), and the streamed build
// adds each document's texts as it goes (TextStreamEncoder).
import type { EncodedTexts } from '../search/textBuffer';

export class TextStreamEncoder {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private ends = Buffer.allocUnsafe(1 << 14);
  private at = 0;
  private n = 0;

  add(text: string): void {
    const need = this.at + Buffer.byteLength(text, 'utf8') + 1;
    if (need > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(next, 0, 0, this.at);
      this.bytes = next;
    }
    if (4 * (this.n + 1) > this.ends.length) {
      const next = Buffer.allocUnsafe(this.ends.length * 2);
      this.ends.copy(next, 0, 0, 4 * this.n);
      this.ends = next;
    }
    this.at += this.bytes.write(text, this.at, 'utf8');
    this.ends.writeInt32LE(this.at, 4 * this.n++);
    this.bytes[this.at++] = 0x0a;
  }

  finish(): EncodedTexts {
    return { bytes: this.bytes.subarray(0, this.at), ends: this.ends.subarray(0, 4 * this.n) };
  }
}

export function encodeTextStream(texts: Iterable<string>): EncodedTexts {
  const encoder = new TextStreamEncoder();
  for (const text of texts) encoder.add(text);
  return encoder.finish();
}
