// One-line answers over the real corpus (the DB built by vitest's globalSetup).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Library } from '../../../../services/library';
import { comparePartners } from '../../../../services/compare';
import { formatDate } from '../../../../shared/dates';
import type { Comparison, FacetId } from '../../../../shared/types';
import { cellAnswer, phrase, PHRASE_MAX, splitEmptyFacets } from './answer';

let lib: Library;
let c: Comparison;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  c = comparePartners(lib, ['Kosovo', 'Ukraine', 'NATO', 'European Union']);
});
afterAll(() => lib.close());

/** The answer as a person reads it: "13 January 1993 [1,3]; …". */
function read(facet: FacetId, partner: string): string {
  const f = c.facets.find((x) => x.id === facet)!;
  const p = c.partners.find((x) => x.id === partner)!;
  const a = cellAnswer(facet, f.cells[partner] ?? [], p);
  return a.parts.map((x) => [x.date ? formatDate(x.date) : '', x.text].filter(Boolean).join(' ') + ` [${x.cites.join(',')}]`).join('; ');
}

describe('one-line answers', () => {
  it('answers relations with the date, both sources of the same date cited', () => {
    // One fact, once (issue 13): one entry, its second source (alsoIn) cited beside the first.
    expect(read('relations', 'kosovo')).toBe('18 February 2008 [1,2]');
    const [entry] = c.facets.find((x) => x.id === 'relations')!.cells['kosovo']!;
    expect(entry!.alsoIn?.length).toBeGreaterThan(0);
    expect(read('relations', 'ukraine')).toBe('13 January 1993 [1,2]');
    expect(read('relations', 'nato')).toBe('1992 [1]');
  });

  it('keeps the disagreeing source behind "sources differ"', () => {
    const f = c.facets.find((x) => x.id === 'relations')!;
    const a = cellAnswer('relations', f.cells.ukraine!, c.partners[1]!);
    expect(a.differ.join(' ')).toMatch(/Another source gives 1992/);
    expect(cellAnswer('relations', f.cells.kosovo!, c.partners[0]!).differ).toEqual([]);
  });

  it('answers missions and envoys in a few words, whose is whose', () => {
    expect(read('missions', 'kosovo')).toBe('Albania: embassy in Prishtina [1,2,3]; Kosovo: embassy in Tirana [4,5,6]');
    expect(read('missions', 'ukraine')).toMatch(/^Albania: accredited from Warsaw, Poland; honorary consulate in Kharkiv \[1\]; Albania: embassy in Kyiv \[2\]; Ukraine: embassy in Tirana \[3,4,5\]$/);
    expect(read('envoys', 'kosovo')).toBe('Ambassador of Albania: Qemal Minxhozi [1]; Ambassador of Kosovo: Nait Hasani [2]');
    // Of three representatives in turn, the latest.
    expect(read('envoys', 'nato')).toBe('Representative of Albania to NATO: Visho Ajazi (since 5 December 2017) [3]');
  });

  it('answers memberships with where accession stands, topics with their first passage cut short', () => {
    expect(read('memberships', 'nato')).toBe('1 April 2009 Member of NATO [14,15,16,17]');
    expect(read('memberships', 'european-union')).toBe('October 2024 EU accession: second Intergovernmental Conference [5]');
    const sec = read('security', 'kosovo');
    expect(sec).toMatch(/^May 2021 Both defence ministers signed a cooperation agreement/);
    for (const f of c.facets) for (const p of c.partners) for (const part of cellAnswer(f.id, f.cells[p.id] ?? [], p).parts) {
      if (!['missions', 'envoys', 'key-figures'].includes(f.id)) expect(part.text.length, `${f.id} ${p.id}`).toBeLessThanOrEqual(PHRASE_MAX + 12);
    }
  });

  it('cuts a sentence at a word, dropping a date clause the date already says', () => {
    expect(phrase('On 18 March 2025, Kosovo and Albania signed a declaration.', 90, true)).toBe('Kosovo and Albania signed a declaration');
    expect(phrase('In early 2023, Albania plans to open its embassy.', 90, true)).toBe('Albania plans to open its embassy');
    expect(phrase('In 2023 Albania plans.', 90, true)).toBe('In 2023 Albania plans');
    expect(phrase('one two three four five six', 12)).toBe('one two…');
  });

  it('finds the facets with nothing stated for anyone', () => {
    const two = comparePartners(lib, ['NATO', 'European Union']);
    const { stated, empty } = splitEmptyFacets(two.facets, two.partners);
    expect(empty.map((f) => f.id)).toEqual(expect.arrayContaining(['recognition', 'missions']));
    expect(stated.length + empty.length).toBe(two.facets.length);
    expect(splitEmptyFacets(c.facets, c.partners).empty).toEqual([]);
  });
});

describe('an answer citing a fact stated in many documents (issue 19)', () => {
  it('counts the sources its entries do not cite, summed over the entries of one part', () => {
    const partner = { id: 'estonia', name: 'Estonia', kind: 'country' as const };
    const date = { date: '1992-05-05', precision: 'day' as const, text: '5 May 1992' };
    const ref = (n: number) => ({ docSlug: `d${n}`, anchor: 'lead', quote: 'q' });
    const a = cellAnswer(
      'relations',
      [
        { text: 'Established on 5 May 1992.', docSlug: 'd0', anchor: 'lead', label: 'Relations established', date, alsoIn: [ref(1), ref(2), ref(3)], alsoInMore: 40 },
        { text: 'Established in 1992.', docSlug: 'd9', anchor: 'lead', label: 'Relations established', date: { date: '1992', precision: 'year', text: '1992' }, alsoInMore: 2 },
      ],
      partner,
    );
    expect(a.parts).toHaveLength(1);
    expect(a.parts[0]!.cites).toEqual([1, 2, 3, 4, 5]);
    expect(a.parts[0]!.more).toBe(42);
    expect(a.sources).toHaveLength(5);
  });
});
