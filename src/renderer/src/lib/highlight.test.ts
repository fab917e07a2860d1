import { describe, expect, it } from 'vitest';
import { highlightTerms, segmentsFromRanges, termRanges, termsFromQuery } from './highlight';

const marked = (text: string, terms: string[]): string[] =>
  highlightTerms(text, terms)
    .filter((s) => s.mark)
    .map((s) => s.text);

describe('highlight', () => {
  it('splits a snippet at its highlight ranges, merging overlaps', () => {
    expect(segmentsFromRanges('Kuçovë Air Base', [[0, 6], [4, 10]])).toEqual([
      { text: 'Kuçovë Air', mark: true },
      { text: ' Base', mark: false },
    ]);
  });

  it('matches terms without accents and keeps the original text', () => {
    expect(marked('the Kuçovë Air Base near Kuçova', termsFromQuery('Kucove'))).toEqual(['Kuçovë']);
    expect(marked('Xhaçka met Xhacka', ['xhacka'])).toEqual(['Xhaçka', 'Xhacka']);
  });

  it('matches at word starts only and extends to the whole word', () => {
    expect(marked('NATO and Senator', ['nato'])).toEqual(['NATO']);
    expect(marked('accession negotiations began', termsFromQuery('negotiation'))).toEqual(['negotiations']);
    expect(marked('relations established', termsFromQuery('relations'))).toEqual(['relations']);
  });

  it('strips search syntax from the query', () => {
    expect(termsFromQuery('+kosovo -serbia embass*')).toEqual(['kosovo', 'serbia', 'embass']);
  });

  it('maps offsets back through characters that fold to several', () => {
    const text = 'ﬁnal Kuçovë';
    const [range] = termRanges(text, ['kucove']);
    expect(range && text.slice(...range)).toBe('Kuçovë');
  });
});
