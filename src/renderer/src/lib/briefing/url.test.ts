import { describe, expect, it } from 'vitest';
import { briefingHref, briefingParams, EMPTY_BRIEFING, moveAmong, moveFacet, parseBriefingQuery, SHEET_FACETS, toggle } from './url';

describe('briefing URL', () => {
  it('reads a single partner, paper and print', () => {
    expect(parseBriefingQuery('partner=kosovo&paper=letter&print=1')).toEqual({ ...EMPTY_BRIEFING, partners: ['kosovo'], paper: 'letter', print: true });
  });

  it('reads a comparison (2–4, no repeats) and ignores unknown facets', () => {
    const q = parseBriefingQuery('compare=kosovo,nato,kosovo,ukraine,eu,greece&order=security,nonsense,economy');
    expect(q.partners).toEqual(['kosovo', 'nato', 'ukraine', 'eu']);
    expect(q.order).toEqual(['security', 'economy']);
  });

  it('round-trips pins, removals, order and a note', () => {
    const b = { ...EMPTY_BRIEFING, partners: ['nato'], pinned: ['q-1', 'albania-nato-relations/p4'], excluded: ['q-2'], order: ['economy' as const], note: 'Meeting with the NATO desk, 10:00 & lunch' };
    const href = briefingHref(b);
    expect(href).toBe('#/briefing?partner=nato&pin=q-1,albania-nato-relations/p4&x=q-2&order=economy&note=Meeting%20with%20the%20NATO%20desk,%2010%3A00%20%26%20lunch');
    expect(parseBriefingQuery(href.split('?')[1]!)).toEqual(b);
  });

  it('keeps the note and paper out of the data request', () => {
    const b = parseBriefingQuery('partner=kosovo&note=hi&paper=letter&x=q-9');
    expect(briefingParams(b)).toEqual({ partners: ['kosovo'], exclude: ['q-9'] });
  });

  it('moves a facet within the full order, not past the ends', () => {
    expect(moveFacet([], 'security', -1).slice(5, 7)).toEqual(['security', 'agreements']);
    expect(moveFacet([], 'relations', -1)).toEqual([...SHEET_FACETS]);
    expect(moveFacet(['economy'], 'economy', 1).slice(0, 2)).toEqual(['relations', 'economy']);
  });

  it('moves a facet past the next shown one, leaving hidden ones in place', () => {
    const order = [...SHEET_FACETS];
    const shown = ['relations', 'memberships', 'security', 'economy'] as const;
    const next = moveAmong(order, shown, 'security', -1)!;
    expect(next.filter((f) => (shown as readonly string[]).includes(f))).toEqual(['relations', 'security', 'memberships', 'economy']);
    expect(next).toHaveLength(SHEET_FACETS.length);
    expect(moveAmong(order, shown, 'relations', -1)).toBeNull();
    expect(moveAmong(order, shown, 'economy', 1)).toBeNull();
  });

  it('toggles ids', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});
