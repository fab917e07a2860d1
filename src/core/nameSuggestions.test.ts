import { describe, expect, it } from 'vitest';
import { lookupKey, rankNames, type NameCandidate } from './nameSuggestions';

const LIST: NameCandidate[] = [
  { name: 'Ukraine', keys: ['Ukraine', 'Ukrainian'] },
  { name: 'United Kingdom', keys: ['United Kingdom', 'UK', 'British'] },
  { name: 'Kosovo', keys: ['Kosovo', 'Republic of Kosovo'] },
  { name: 'Austria', keys: ['Austria'] },
  { name: 'Australia', keys: ['Australia'] },
  { name: 'Gambia', keys: ['The Gambia'] },
];

describe('rankNames', () => {
  it('puts a typo\'s partner first, and a two-letter key does not win on a shared start', () => {
    expect(rankNames('Ukrane', LIST, 3)).toEqual(['Ukraine']);
    expect(rankNames('Kosvo', LIST, 3)).toEqual(['Kosovo']);
    expect(rankNames('KOSÓVO', LIST, 3)).toEqual(['Kosovo']);
  });

  it('ranks an exact key, then a key that starts with the input, then one that contains it', () => {
    expect(rankNames('austr', LIST, 5)).toEqual(['Austria', 'Australia']);
    expect(rankNames('of kosovo', LIST, 5)).toEqual(['Kosovo']);
    expect(rankNames('uk', LIST, 5)[0]).toBe('United Kingdom');
  });

  it('reads "the" and trailing punctuation as no part of a name, and keeps at most n', () => {
    expect(lookupKey('The  Gambia.')).toBe('gambia');
    expect(rankNames('the gambia', LIST, 5)).toEqual(['Gambia']);
    expect(rankNames('austr', LIST, 1)).toEqual(['Austria']);
  });

  it('gives a name its best key even when its keys come as separate candidates (a library\'s rows)', () => {
    const rows: NameCandidate[] = [
      { name: 'Kosovo', keys: ['republic of kosovo'] },
      { name: 'Kosovo', keys: ['kosovo'] },
      { name: 'Greece', keys: ['greece'] },
    ];
    expect(rankNames('kosovo', rows, 5)).toEqual(['Kosovo']);
    expect(rankNames('Greese', [...rows].reverse(), 5)).toEqual(['Greece']);
  });

  it('suggests nothing for a word too far from every name, or for nothing', () => {
    expect(rankNames('xqzv', LIST, 3)).toEqual([]);
    expect(rankNames('   ', LIST, 3)).toEqual([]);
  });
});
