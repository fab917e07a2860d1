import { describe, expect, it } from 'vitest';
import type { BriefingItem, BriefingSheet } from '../../../../shared/types';
import { SHORTEN_STEPS, shortenSheet } from './shorten';

const item = (id: string, source: number, extra: Partial<BriefingItem> = {}): BriefingItem => ({ id, text: `Text ${id}.`, source, ...extra });
const src = (n: number) => ({ n, docSlug: `d${n}`, docTitle: `Doc ${n}`, anchor: 'a', sectionPath: [] });

/** A one-partner sheet with more than the last step keeps: 3 relations facts, 8 events, 2 passages in each of 3 facets. */
function sheet(): BriefingSheet {
  let n = 0;
  const next = () => ++n;
  const facts = [{ id: 'relations' as const, label: 'Relations', cells: { p: [item('r1', next(), { alsoSources: [next()] }), item('r2', next()), item('r3', next(), { pinned: true })] } }];
  const timeline = { p: [5, 2, 8, 1, 7, 3, 6, 4].map((rank, i) => item(`e${i}`, next(), { importance: rank })) };
  const facets = (['people', 'economy', 'security'] as const).map((id) => ({ id, label: id, cells: { p: [item(`${id}1`, next()), item(`${id}2`, next())] } }));
  return {
    layout: 'single', title: 't', date: '2026-01-01', partners: [{ id: 'p', name: 'P', kind: 'country' }],
    corpus: { hash: 'h', builtAt: 'b', label: 'l' }, facts, timeline, facets, facetOrder: ['people', 'economy', 'security'],
    sources: Array.from({ length: n }, (_, i) => src(i + 1)), unknownIds: [],
  };
}
const ids = (xs: BriefingItem[] | undefined) => (xs ?? []).map((i) => i.id);

describe('shortening a sheet to fit its pages', () => {
  it('leaves the sheet as it is at step 0', () => {
    const s = sheet();
    expect(shortenSheet(s, 0)).toEqual({ sheet: s, leftOff: 0 });
  });

  it('drops second passages of a facet first, then the least important events, never a pinned entry', () => {
    const one = shortenSheet(sheet(), 1);
    expect(one.sheet.facets.map((r) => ids(r.cells.p))).toEqual([['people1'], ['economy1'], ['security1']]);
    expect(one.leftOff).toBe(3);
    expect(one.sheet.facets[0]!.more).toEqual({ p: 1 });
    const two = shortenSheet(sheet(), 2);
    // Importance 1–5 kept, oldest first as before.
    expect(ids(two.sheet.timeline.p)).toEqual(['e0', 'e1', 'e3', 'e5', 'e7']);
    const all = shortenSheet(sheet(), SHORTEN_STEPS.single.length);
    expect(ids(all.sheet.facts[0]!.cells.p)).toEqual(['r1', 'r3']);
    expect(ids(all.sheet.timeline.p)).toEqual(['e1', 'e3', 'e5']);
    expect(all.sheet.facets.map((r) => ids(r.cells.p))).toEqual([['people1'], ['economy1'], ['security1']]);
  });

  it('caps passages over all facets in the sheet’s order and drops rows left empty', () => {
    const s = sheet();
    s.facets.push({ id: 'agreements', label: 'agreements', cells: { p: [item('g1', 1)] } }, { id: 'russia-ukraine', label: 'russia-ukraine', cells: { p: [item('u1', 1)] } }, { id: 'key-figures', label: 'key-figures', cells: { p: [item('k1', 1)] } });
    const four = shortenSheet(s, 4);
    expect(four.sheet.facets.map((r) => r.id)).toEqual(['people', 'economy', 'security', 'agreements', 'russia-ukraine']);
  });

  it('renumbers the sources to what the shortened sheet cites, in their old order', () => {
    const all = shortenSheet(sheet(), SHORTEN_STEPS.single.length).sheet;
    expect(all.sources.map((s) => s.n)).toEqual(all.sources.map((_, i) => i + 1));
    const cited = [...all.facts, ...all.facets].flatMap((r) => Object.values(r.cells).flat()).concat(Object.values(all.timeline).flat());
    const byN = new Map(all.sources.map((s) => [s.n, s.docSlug]));
    // Each item still points at its own document (d<old number>), now under its new number.
    const old = sheet();
    const oldItems = [...old.facts, ...old.facets].flatMap((r) => Object.values(r.cells).flat()).concat(Object.values(old.timeline).flat());
    for (const i of cited) {
      const was = oldItems.find((o) => o.id === i.id)!;
      expect(byN.get(i.source)).toBe(`d${was.source}`);
      expect((i.alsoSources ?? []).map((n) => byN.get(n))).toEqual((was.alsoSources ?? []).map((n) => `d${n}`));
    }
    expect(all.sources).toHaveLength(new Set(cited.flatMap((i) => [i.source, ...(i.alsoSources ?? [])])).size);
  });
});
