// Folded texts stored in chunks answer as the whole buffer does, read each chunk once per call,
// keep at most the cache bound, and report a damaged chunk as a corrupt index.
import { describe, expect, it } from 'vitest';
import { ChunkedTexts, chunkTexts } from './chunkedTexts';
import { encodeTexts, TextBuffer, type EncodedTexts } from './textBuffer';

const texts = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? '' : `passage ${i} ${i % 3 === 0 ? 'partnership for peace' : 'european union'} ${'é'.repeat(i)}`));
const whole = new TextBuffer(encodeTexts(texts).bytes, encodeTexts(texts).ends);

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
  it('gives every text, phrase check and batch answer the whole buffer gives', () => {
    const s = stored(150);
    const chunked = new ChunkedTexts(s.firsts, texts.length, s.read, 300);
    expect(chunked.size).toBe(texts.length);
    const all = texts.map((_, i) => i);
    expect(all.map((i) => chunked.text(i))).toEqual(texts);
    const needles = TextBuffer.needles(['partnership for peace']);
    expect(all.map((i) => chunked.containsAll(i, needles))).toEqual(all.map((i) => whole.containsAll(i, needles)));
    const shuffled = [39, 0, 17, 3, 38, 1, 21, 3, -1, 40];
    expect(chunked.containing(shuffled, needles)).toEqual(whole.containing(shuffled, needles));
    expect(chunked.texts(shuffled.slice(0, 8))).toEqual(whole.texts(shuffled.slice(0, 8)));
  });

  it('reads each chunk once per batch call, however the ordinals are ordered, and keeps no more than the bound', () => {
    const s = stored(150);
    const chunked = new ChunkedTexts(s.firsts, texts.length, s.read, 0);
    const reverse = texts.map((_, i) => texts.length - 1 - i);
    chunked.containing(reverse, TextBuffer.needles(['union']));
    expect([...s.reads].sort((a, b) => a - b)).toEqual(s.chunks.map((_, k) => k));
    s.reads.length = 0;
    chunked.text(0);
    chunked.text(0);
    chunked.text(39);
    chunked.text(0);
    // Bound 0: only the chunk read last is kept.
    expect(s.reads).toEqual([0, s.chunks.length - 1, 0]);
    const cached = new ChunkedTexts(s.firsts, texts.length, s.read, 1 << 20);
    s.reads.length = 0;
    cached.texts(reverse);
    cached.texts(reverse);
    expect(s.reads.length).toBe(s.chunks.length);
  });

  it('reports a missing or damaged chunk as a corrupt index', () => {
    const s = stored(150);
    const missing = new ChunkedTexts(s.firsts, texts.length, (k) => (k === 1 ? null : s.read(k)), 0, 'folded');
    expect(() => missing.texts(texts.map((_, i) => i))).toThrow(/corrupt search index \(folded: chunk 1 missing\)/);
    const short = new ChunkedTexts(s.firsts, texts.length, (k) => {
      const c = s.read(k)!;
      return k === 2 ? { bytes: c.bytes.subarray(0, c.bytes.length - 1), ends: c.ends } : c;
    }, 0, 'folded');
    expect(() => short.texts(texts.map((_, i) => i))).toThrow(/folded: chunk 2/);
    expect(() => new ChunkedTexts(Int32Array.from([0, 50]), texts.length, s.read, 0)).toThrow(/corrupt search index/);
  });
});
