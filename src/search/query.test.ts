import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';

describe('parseQuery', () => {
  it('folds accents and stems words the way the index does', () => {
    const q = parseQuery('Kuçovë ');
    expect(q.words).toEqual([{ raw: 'Kuçovë', term: 'kucov', prefix: false, inPhrase: false }]);
  });

  it('treats the last word as a prefix while the person is typing', () => {
    const q = parseQuery('air bas');
    expect(q.words.map((w) => [w.term, w.prefix])).toEqual([
      ['air', false],
      ['ba', true],
    ]);
  });

  it('keeps quoted text as a phrase and its words as required terms', () => {
    const q = parseQuery('"Partnership for Peace" 1994');
    expect(q.phrases).toEqual(['partnership for peace']);
    expect(q.words.map((w) => w.term)).toEqual(['partnership', 'peac', '1994']);
  });

  it.each(['title:nato', 'nato~2', 'nato^10', '+kosovo -serbia', 'kos*', '\\', ':', '~', '^', '"', '""', '(((', 'a:b:c'])(
    'never throws on lunr syntax: %s',
    (input) => {
      expect(() => parseQuery(input)).not.toThrow();
    },
  );

  it('reports dropped syntax characters', () => {
    expect(parseQuery('title:nato').droppedSyntax).toBe(true);
    expect(parseQuery('nato').droppedSyntax).toBe(false);
  });

  it('ignores stop words but not when they are the only thing typed so far', () => {
    expect(parseQuery('the ').words).toEqual([]);
    expect(parseQuery('the').words.map((w) => [w.term, w.prefix])).toEqual([['the', true]]);
  });

  it('handles non-string input and very long input', () => {
    expect(parseQuery(undefined).words).toEqual([]);
    expect(parseQuery('a'.repeat(100_000)).words.length).toBeLessThanOrEqual(1);
  });

  it('reads an unclosed quote as plain words', () => {
    const q = parseQuery('"free movement');
    expect(q.phrases).toEqual([]);
    expect(q.words.map((w) => w.term)).toEqual(['free', 'movement']);
  });
});
