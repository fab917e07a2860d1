// encodeTexts (src/search/textBuffer.ts) for texts made one at a time: the same bytes and ends,
// written into a buffer that grows, so each text can be dropped as soon as it is written. The
// build folds 100,000 passage texts this way (issue 19: an array of every folded text outlived
// the young generation and was a large share of the build's peak memory).
import type { EncodedTexts } from '../search/textBuffer';

export function encodeTextStream(texts: Iterable<string>): EncodedTexts {
  let bytes = Buffer.allocUnsafe(1 << 20);
  let ends = Buffer.allocUnsafe(1 << 14);
  let at = 0;
  let n = 0;
  for (const text of texts) {
    const need = at + Buffer.byteLength(text, 'utf8') + 1;
    if (need > bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(need, bytes.length * 2));
      bytes.copy(next, 0, 0, at);
      bytes = next;
    }
    if (4 * (n + 1) > ends.length) {
      const next = Buffer.allocUnsafe(ends.length * 2);
      ends.copy(next, 0, 0, 4 * n);
      ends = next;
    }
    at += bytes.write(text, at, 'utf8');
    ends.writeInt32LE(at, 4 * n++);
    bytes[at++] = 0x0a;
  }
  return { bytes: bytes.subarray(0, at), ends: ends.subarray(0, 4 * n) };
}
