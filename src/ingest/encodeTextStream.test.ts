import { describe, expect, it } from 'vitest';
import { encodeTexts } from '../search/textBuffer';
import { encodeTextStream } from './encodeTextStream';

describe('encodeTextStream', () => {
  it('writes the same bytes and ends as encodeTexts, across buffer growth', () => {
    const texts = Array.from({ length: 30_000 }, (_, i) => (i % 7 === 0 ? '' : `kuçovë ${i} ${'ë'.repeat(i % 90)} “x”`));
    const a = encodeTexts(texts);
    const b = encodeTextStream(texts.values());
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(Buffer.compare(a.ends, b.ends)).toBe(0);
  });

  it('encodes nothing as empty buffers', () => {
    const b = encodeTextStream([]);
    expect([b.bytes.length, b.ends.length]).toEqual([0, 0]);
  });
});
