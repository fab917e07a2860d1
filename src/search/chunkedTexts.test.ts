// Folded texts stored in chunks answer as the whole buffer does, read only the chunks asked for,
// and report a damaged chunk as a corrupt index.
import { describe, expect, it } from 'vitest';
import { ChunkedTexts, chunkTexts } from './chunkedTexts';
import { encodeTexts, TextBuffer, type EncodedTexts } from './textBuffer';

const texts = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? '' : `passage ${i} ${i % 3 === 0 ? 'partnership for peace' : 'european union'} ${'é'.repeat(i)}`));
const encoded = encodeTexts(texts);
const whole = new TextBuffer(encoded.bytes, encoded.ends);

const stored = (chunkBytes: number) => {
  const chunks = chunkTexts(encodeTexts(texts), chunkBytes);
  const reads: number[] = [];
  // Copies at an odd offset, as BLOBs read back from SQLite may be.
  const odd = (b: Buffer) => {
    const c = Buffer.alloc(b.length + 1);
    b.copy(c, 1);
    return c.subarray(1);
  };
  const read = (k: number): EncodedTexts | null => {
    reads.push(k);
    const c = chunks[k];
    return c ? { bytes: odd(c.bytes), ends: odd(c.ends) } : null;
  };
  return { chunks, reads, read, firsts: Int32Array.from(chunks, (c) => c.first) };
};

describe('chunkTexts', () => {
  it('cuts whole texts, each chunk at least the size asked but the last, and loses no byte', () => {
    const { chunks } = stored(200);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks.slice(0, -1)) expect(c.bytes.length).toBeGreaterThanOrEqual(200);
    expect(Buffer.concat(chunks.map((c) => c.bytes))).toEqual(encodeTexts(texts).bytes);
    expect(chunks.reduce((n, c) => n + c.ends.length / 4, 0)).toBe(texts.length);
    expect(chunkTexts(encodeTexts([]), 200)).toEqual([]);
  });
});

describe('ChunkedTexts', () => {
  it('gives every text and phrase check the whole buffer gives', () => {
    const s = stored(150);
    const chunked = new ChunkedTexts(s.firsts, texts.length, s.read);
    expect(chunked.size).toBe(texts.length);
    const all = texts.map((_, i) => i);
    expect([...all].reverse().map((i) => chunked.text(i))).toEqual([...texts].reverse());
    for (const phrase of ['partnership for peace', 'european union', 'ee', '']) {
      const needles = TextBuffer.needles([phrase]);
      expect(all.map((i) => chunked.containsAll(i, needles))).toEqual(all.map((i) => whole.containsAll(i, needles)));
    }
    expect(chunked.containsAll(-1, [])).toBe(false);
    expect(chunked.containsAll(texts.length, [])).toBe(false);
  });

  it('reads only the chunks asked for, each once', () => {
    const s = stored(150);
    const chunked = new ChunkedTexts(s.firsts, texts.length, s.read);
    chunked.text(0);
    chunked.text(1);
    chunked.text(texts.length - 1);
    chunked.text(0);
    expect(s.reads).toEqual([0, s.chunks.length - 1]);
  });

  it('reports a missing or damaged chunk as a corrupt index', () => {
    const s = stored(150);
    const missing = new ChunkedTexts(s.firsts, texts.length, (k) => (k === 1 ? null : s.read(k)), 'folded');
    expect(() => texts.forEach((_, i) => missing.text(i))).toThrow(/corrupt search index \(folded: chunk 1 missing\)/);
    const short = new ChunkedTexts(s.firsts, texts.length, (k) => {
      const c = s.read(k)!;
      return k === 2 ? { bytes: c.bytes, ends: c.ends.subarray(4) } : c;
    }, 'folded');
    expect(() => texts.forEach((_, i) => short.text(i))).toThrow(/folded: chunk 2/);
    expect(() => new ChunkedTexts(Int32Array.from([0, 50]), texts.length, s.read)).toThrow(/corrupt search index/);
  });
});
