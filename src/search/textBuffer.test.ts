// One buffer of many texts: per-text phrase checks (passages) and whole-buffer word search
// (timeline events), never matching across two texts.
import { describe, expect, it } from 'vitest';
import { eventHaystack, eventMatcher, filterWords } from '../shared/timelineFilter';
import { foldForMatch } from './query';
import { encodeTexts, TextBuffer } from './textBuffer';

const load = (texts: string[]) => {
  const { bytes, ends } = encodeTexts(texts);
  // A copy at an odd offset, as a BLOB read back from SQLite may be.
  const odd = Buffer.alloc(ends.length + 1);
  ends.copy(odd, 1);
  return new TextBuffer(bytes, odd.subarray(1));
};
const positions = (hits: Uint8Array) => [...hits.keys()].filter((i) => hits[i] === 1);

describe('TextBuffer: passages (containsAll)', () => {
  const texts = ['Kuçovë Air Base was modernised', '', 'the European Union and NATO', 'Ελλάδα — Greece; 😀 emoji', 'union european'].map(foldForMatch);
  const buffer = load(texts);
  const has = (i: number, ...phrases: string[]) => buffer.containsAll(i, TextBuffer.needles(phrases));

  it('round-trips every text, multi-byte ones included', () => {
    expect(buffer.size).toBe(texts.length);
    texts.forEach((t, i) => expect(buffer.text(i)).toBe(t));
  });

  it('finds phrases inside one passage only, never across the boundary with the next', () => {
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
    const { bytes, ends } = encodeTexts(texts);
    expect(() => new TextBuffer(bytes.subarray(1), ends)).toThrow(/corrupt search index/);
    expect(() => new TextBuffer(bytes, ends.subarray(1))).toThrow(/corrupt search index/);
    expect(() => new TextBuffer(bytes.subarray(0, bytes.length - 1), ends, 'timeline texts')).toThrow(/timeline texts/);
  });
});

describe('TextBuffer: timeline events (matching agrees with eventMatcher)', () => {
  const events = [
    { summary: 'Albania joins NATO', quote: 'Albania became a member of NATO on 1 April 2009.', partners: ['NATO'] },
    { summary: 'Kuçovë air base', quote: 'NATO will modernise the Kuçovë air base.', partners: ['NATO', 'United States'] },
    { summary: '', quote: '', partners: [] },
    { summary: 'Free movement with Kosovo', quote: 'The free-movement arrangement took effect in May 2025.', partners: ['Kosovo'] },
    { summary: 'Ratified', quote: 'Ratified by a country not named in the source.', partners: [] },
  ];
  const buffer = load(events.map(eventHaystack));

  it.each(['nato', 'kucove', 'Kuçovë NATO', 'free movement', 'movement free 2025', 'united', 'states kosovo', 'a', 'ratified named', 'zzz', '2009 nato april'])(
    'finds the same events as eventMatcher for %j',
    (text) => {
      const expected = events.flatMap((e, i) => (eventMatcher(text)(e) ? [i] : []));
      expect(positions(buffer.matching(filterWords(text)))).toEqual(expected);
    },
  );

  it('never matches across two events, and keeps every event for no words', () => {
    // "nato" ends event 0's text and "kucove" starts event 1's: no event has both.
    expect(positions(buffer.matching(['nato', 'kucove']))).toEqual([1]);
    expect(positions(buffer.matching(['natokucove']))).toEqual([]);
    expect(positions(buffer.matching([]))).toEqual([0, 1, 2, 3, 4]);
  });
});
