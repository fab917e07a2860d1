import { describe, expect, it } from 'vitest';
import { briefingHref, compareHref, compareQueryString, moveItem, parseCompareQuery } from './url';

describe('comparison URLs', () => {
  it('reads partners in order, mode and facet', () => {
    expect(parseCompareQuery('p=kosovo,ukraine,nato&mode=text&facet=security')).toEqual({
      partners: ['kosovo', 'ukraine', 'nato'],
      mode: 'text',
      facet: 'security',
    });
  });

  it('defaults to the grid, drops blanks and repeats, keeps at most four partners', () => {
    expect(parseCompareQuery('p=kosovo,,Kosovo,nato,greece,turkey,serbia&mode=bogus')).toEqual({
      partners: ['kosovo', 'nato', 'greece', 'turkey'],
      mode: 'grid',
      facet: null,
    });
    expect(parseCompareQuery('')).toEqual({ partners: [], mode: 'grid', facet: null });
  });

  it('keeps names with spaces and accents (the API resolves any spelling)', () => {
    const q = { partners: ['European Union', 'Kosovë'], mode: 'grid' as const, facet: null };
    expect(parseCompareQuery(compareQueryString(q))).toEqual(q);
  });

  it('writes the deep link and the briefing link', () => {
    expect(compareHref({ partners: ['kosovo', 'ukraine', 'nato'], mode: 'grid', facet: 'security' })).toBe(
      '#/compare?p=kosovo,ukraine,nato&mode=grid',
    );
    expect(compareHref({ partners: ['kosovo', 'nato'], mode: 'text', facet: 'missions' })).toBe(
      '#/compare?p=kosovo,nato&mode=text&facet=missions',
    );
    expect(briefingHref(['kosovo', 'ukraine'])).toBe('#/briefing?compare=kosovo,ukraine');
  });

  it('keeps the paper and the printable sheet in the URL', () => {
    const q = { partners: ['kosovo', 'nato'], mode: 'grid' as const, facet: null, paper: 'letter' as const, print: true };
    expect(compareHref(q)).toBe('#/compare?p=kosovo,nato&mode=grid&paper=letter&print=1');
    expect(parseCompareQuery(compareQueryString(q))).toEqual(q);
    expect(compareHref({ ...q, paper: 'a4', print: false })).toBe('#/compare?p=kosovo,nato&mode=grid');
  });

  it('moves a chip left and right, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
