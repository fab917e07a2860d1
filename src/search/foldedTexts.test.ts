import { describe, expect, it } from 'vitest';
import { encodeFoldedTexts, FoldedTexts } from './foldedTexts';
import { foldForMatch } from './query';

describe('FoldedTexts', () => {
  const texts = ['Kuçovë Air Base was modernised', '', 'the European Union and NATO', 'Ελλάδα — Greece; 😀 emoji', 'union european'].map(foldForMatch);
  const { bytes, ends } = encodeFoldedTexts(texts);
  // A copy at an odd offset, as a BLOB read back from SQLite may be.
  const odd = Buffer.alloc(ends.length + 1);
  ends.copy(odd, 1);
  const folded = new FoldedTexts(bytes, odd.subarray(1));

  it('round-trips every text, multi-byte ones included', () => {
    expect(folded.size).toBe(texts.length);
    texts.forEach((t, i) => expect(folded.text(i)).toBe(t));
  });

  it('finds phrases inside one passage only, never across the boundary with the next', () => {
    const has = (i: number, ...phrases: string[]) => folded.containsAll(i, FoldedTexts.needles(phrases));
    expect(has(0, 'kucove air base')).toBe(true);
    expect(has(0, 'modernised the')).toBe(false); // would span passages 0–2 if unbounded
    expect(has(2, 'european union', 'nato')).toBe(true);
    expect(has(2, 'european union', 'kosovo')).toBe(false);
    expect(has(3, 'ελλαδα')).toBe(true);
    expect(has(4, 'european union')).toBe(false);
    expect(has(1, 'a')).toBe(false);
    expect(has(99, 'a')).toBe(false);
  });

  it('refuses offsets that do not end at the end of the text', () => {
    expect(() => new FoldedTexts(bytes.subarray(1), ends)).toThrow(/corrupt search index/);
    expect(() => new FoldedTexts(bytes, ends.subarray(1))).toThrow(/corrupt search index/);
  });
});
