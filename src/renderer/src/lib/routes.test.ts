import { describe, expect, it } from 'vitest';
import { href, parseHash, type Route } from './routes';

describe('hash routes', () => {
  const cases: [string, Route][] = [
    ['', { name: 'library' }],
    ['#/', { name: 'library' }],
    ['#/doc/albania-kosovo-relations', { name: 'doc', slug: 'albania-kosovo-relations', anchor: null, hl: null, block: null }],
    ['#/doc/a/history--modern?hl=kucove%20air', { name: 'doc', slug: 'a', anchor: 'history--modern', hl: 'kucove air', block: null }],
    ['#/doc/a/b?hl=x&block=b%3A2', { name: 'doc', slug: 'a', anchor: 'b', hl: 'x', block: 'b:2' }],
    ['#/search?q=Ku%C3%A7ov%C3%AB&doc=d&partner=kosovo', { name: 'search', q: 'Kuçovë', doc: 'd', partner: 'kosovo' }],
    ['#/partner/kosovo', { name: 'partner', id: 'kosovo' }],
    ['#/bookmarks', { name: 'bookmarks' }],
    ['#/compare?p=kosovo,ukraine,nato&mode=grid', { name: 'compare', query: 'p=kosovo,ukraine,nato&mode=grid' }],
    ['#/compare', { name: 'compare', query: '' }],
    ['#/nowhere/at/all', { name: 'notfound', path: '/nowhere/at/all' }],
  ];

  it.each(cases)('parses %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('builds what it parses', () => {
    for (const [, route] of cases) {
      if (route.name !== 'notfound') expect(parseHash(href(route))).toEqual(route);
    }
  });
});
