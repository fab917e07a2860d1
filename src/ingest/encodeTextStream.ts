// encodeTexts (src/search/textBuffer.ts) for texts made one at a time: the same bytes and ends,
// written into a buffer that grows, so each text can be dropped as soon as it is written. The
// build folds 100,000 passage texts this way (issue 19: an array of every folded text outlived
// the young generation and was a large share of the build's peak memory), and the streamed build
// adds each document's texts as it goes (TextStreamEncoder).
import type { EncodedTexts } from '../search/textBuffer';

export class TextStreamEncoder {
  // Bytes in chunks that are filled and kept, not in one buffer grown by doubling: a doubled
  // buffer is up to twice the texts, and three times while it is copied (issue 19: the folded
  // passages are 43 MB at 5,000 documents, held through the whole second pass).
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(0);
  private inChunk = 0;
  private at = 0;
  private ends = Buffer.allocUnsafe(1 << 14);
  private n = 0;

  add(text: string): void {
    const need = Buffer.byteLength(text, 'utf8') + 1;
    if (this.inChunk + need > this.chunk.length) {
      if (this.inChunk > 0) this.chunks.push(this.chunk.subarray(0, this.inChunk));
      this.chunk = Buffer.allocUnsafe(Math.max(need, CHUNK_BYTES));
      this.inChunk = 0;
    }
    if (4 * (this.n + 1) > this.ends.length) {
      const next = Buffer.allocUnsafe(this.ends.length * 2);
      this.ends.copy(next, 0, 0, 4 * this.n);
      this.ends = next;
    }
    const written = this.chunk.write(text, this.inChunk, 'utf8');
    this.inChunk += written;
    this.at += written;
    this.ends.writeInt32LE(this.at, 4 * this.n++);
    this.chunk[this.inChunk++] = 0x0a;
    this.at++;
  }

  finish(): EncodedTexts {
    const bytes = Buffer.concat([...this.chunks, this.chunk.subarray(0, this.inChunk)], this.at);
    this.chunks.length = 0;
    this.chunk = Buffer.allocUnsafe(0);
    this.inChunk = 0;
    return { bytes, ends: this.ends.subarray(0, 4 * this.n) };
  }
}

const CHUNK_BYTES = 4 << 20;

export function encodeTextStream(texts: Iterable<string>): EncodedTexts {
  const encoder = new TextStreamEncoder();
  for (const text of texts) encoder.add(text);
  return encoder.finish();
}
