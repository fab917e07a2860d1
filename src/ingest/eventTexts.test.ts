// The timeline's word search over the packed event texts agrees with eventMatcher, word for word.
import { describe, expect, it } from 'vitest';
import { eventHaystack, eventMatcher, filterWords } from '../shared/timelineFilter';
import { encodeEventTexts, EventTexts } from './eventTexts';

const events = [
  { summary: 'Albania joins NATO', quote: 'Albania became a member of NATO on 1 April 2009.', partners: ['NATO'] },
  { summary: 'Kuçovë air base', quote: 'NATO will modernise the Kuçovë air base.', partners: ['NATO', 'United States'] },
  { summary: '', quote: '', partners: [] },
  { summary: 'Free movement with Kosovo', quote: 'The free-movement arrangement took effect in May 2025.', partners: ['Kosovo'] },
  { summary: 'Ratified', quote: 'Ratified by a country not named in the source.', partners: [] },
];

const texts = () => {
  const { bytes, ends } = encodeEventTexts(events.map(eventHaystack));
  return new EventTexts(bytes, ends);
};

const positions = (hits: Uint8Array) => [...hits.keys()].filter((i) => hits[i] === 1);

describe('EventTexts', () => {
  it.each(['nato', 'kucove', 'Kuçovë NATO', 'free movement', 'movement free 2025', 'united', 'states kosovo', 'a', 'ratified named', 'zzz', '2009 nato april'])(
    'finds the same events as eventMatcher for %j',
    (text) => {
      const expected = events.flatMap((e, i) => (eventMatcher(text)(e) ? [i] : []));
      expect(positions(texts().matching(filterWords(text)))).toEqual(expected);
    },
  );

  it('never matches across two events', () => {
    // "nato" ends event 0's text ("…\nnato") and "kucove" starts event 1's: no event has both.
    expect(positions(texts().matching(['nato', 'kucove']))).toEqual([1]);
    expect(positions(texts().matching(['natokucove']))).toEqual([]);
  });

  it('keeps every event for no words, and rejects damaged data', () => {
    expect(positions(texts().matching([]))).toEqual([0, 1, 2, 3, 4]);
    const { bytes, ends } = encodeEventTexts(['a', 'b']);
    expect(() => new EventTexts(bytes.subarray(1), ends)).toThrow(/damaged/);
    expect(() => new EventTexts(bytes, ends.subarray(1))).toThrow(/damaged/);
  });
});
