import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { BriefingSheet } from '../shared/types';
import { BRIEFING_CAPS, briefingRoute, briefingTitle, buildBriefing, clip, corpusVersion, eventScore, itemId, orderFacets, pickEvents } from './briefing';
import { Library } from './library';

let lib: Library;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
});
afterAll(() => lib.close());

const items = (s: BriefingSheet, pid: string) => [
  ...s.facts.flatMap((r) => r.cells[pid] ?? []),
  ...(s.timeline[pid] ?? []),
  ...s.facets.flatMap((r) => r.cells[pid] ?? []),
];
const facts = (s: BriefingSheet, row: string, pid: string) => s.facts.find((r) => r.id === row)?.cells[pid] ?? [];

describe('briefing sheet: one partner', () => {
  let kosovo: BriefingSheet;
  let nato: BriefingSheet;
  beforeAll(() => {
    kosovo = buildBriefing(lib, { partners: ['Kosova'], date: '2026-01-02' });
    nato = buildBriefing(lib, { partners: ['North Atlantic Treaty Organization'], date: '2026-01-02' });
  });

  it('has a title, the date and the corpus version', () => {
    expect(kosovo.layout).toBe('single');
    expect(kosovo.title).toBe('Albania–Kosovo: briefing');
    expect(kosovo.date).toBe('2026-01-02');
    expect(kosovo.corpus.hash).toBe(lib.corpusHash.slice(0, 12));
    expect(kosovo.corpus.label).toBe(`corpus ${lib.corpusHash.slice(0, 12)} · built 2026-01-01`);
  });

  it('states Kosovo’s key facts with their precision and sources', () => {
    const est = facts(kosovo, 'relations', 'kosovo');
    expect(est[0]).toMatchObject({ label: 'Relations established', date: { date: '2008-02-18', precision: 'day' } });
    const missions = facts(kosovo, 'missions', 'kosovo').map((i) => `${i.label}: ${i.text}`);
    expect(missions).toEqual(expect.arrayContaining(['Albania in Kosovo: Albania has an embassy in Prishtina.', 'Kosovo in Albania: Kosovo has an embassy in Tirana.']));
    expect(facts(kosovo, 'envoys', 'kosovo')).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Qemal Minxhozi', label: 'Ambassador of Albania' })]));
    // Every item cites a source in the list, with the document and section it is in.
    const numbers = new Set(kosovo.sources.map((s) => s.n));
    for (const i of items(kosovo, 'kosovo')) expect(numbers.has(i.source)).toBe(true);
    const missionSource = kosovo.sources.find((s) => s.n === facts(kosovo, 'missions', 'kosovo')[0]!.source)!;
    expect(missionSource).toMatchObject({ docTitle: 'Albania–Kosovo relations', anchor: 'resident-diplomatic-missions', sectionPath: ['Resident diplomatic missions'] });
    expect(kosovo.sources.map((s) => s.n)).toEqual(kosovo.sources.map((_, i) => i + 1));
  });

  it('states NATO’s memberships and representatives', () => {
    const m = facts(nato, 'memberships', 'nato');
    expect(m).toEqual(expect.arrayContaining([
      expect.objectContaining({ label: 'Member of NATO', date: expect.objectContaining({ date: '2009-04-01', precision: 'day' }) }),
      expect.objectContaining({ label: 'Partnership for Peace', date: expect.objectContaining({ date: '1994-02-23' }) }),
    ]));
    const envoys = facts(nato, 'envoys', 'nato');
    expect(envoys[0]!.text).toMatch(/^Visho Ajazi/); // the incumbent first
    expect(envoys.map((e) => e.text.split(' — ')[0])).toEqual(['Visho Ajazi', 'Leonard Demi', 'Artur Kuko']);
  });

  it('keeps a short timeline: capped, oldest first, one event per date and milestone', () => {
    for (const s of [kosovo, nato]) {
      const tl = s.timeline[s.partners[0]!.id]!;
      expect(tl.length).toBeGreaterThan(3);
      expect(tl.length).toBeLessThanOrEqual(BRIEFING_CAPS.single.timeline);
      const dates = tl.map((e) => e.date!.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
    const natoDates = nato.timeline.nato!.map((e) => e.date!.date);
    expect(natoDates).toEqual(expect.arrayContaining(['1994-02-23', '2009-04-01']));
    expect(natoDates).not.toContain('1994'); // the year is the same milestone as 23 February 1994
    expect(kosovo.timeline.kosovo!.map((e) => e.date!.date)).toContain('2008-02-18');
  });

  it('caps passages per facet and overall, never repeating a quote', () => {
    const caps = BRIEFING_CAPS.single;
    let total = 0;
    for (const row of kosovo.facets) {
      const cell = row.cells.kosovo!;
      expect(cell.length).toBeLessThanOrEqual(caps.perFacet);
      total += cell.length;
      for (const i of cell) expect(i.text.length).toBeLessThanOrEqual(caps.chars + 2);
    }
    expect(total).toBeLessThanOrEqual(caps.passages);
    const texts = items(kosovo, 'kosovo').filter((i) => !/^\d|^[a-f0-9]{16}$/.test(i.id)).map((i) => i.text);
    const passages = kosovo.facets.flatMap((r) => r.cells.kosovo!).map((i) => i.text);
    expect(new Set(passages).size).toBe(passages.length);
    expect(texts.length).toBeGreaterThan(passages.length);
  });

  it('orders facets as asked, then the usual order', () => {
    const s = buildBriefing(lib, { partners: ['Kosovo'], facetOrder: ['economy', 'security'] });
    expect(s.facetOrder.slice(0, 3)).toEqual(['economy', 'security', 'relations']);
    expect(s.facets[0]!.id).toBe('economy');
    expect(s.facets[1]!.id).toBe('security');
    expect(orderFacets(['timeline', 'people', 'people'])).toEqual(['people', 'relations', 'recognition', 'missions', 'envoys', 'memberships', 'agreements', 'security', 'economy', 'russia-ukraine', 'key-figures']);
  });

  it('removes excluded items and forces pinned ones in, reporting ids it does not know', () => {
    const first = kosovo.facets.find((r) => r.id === 'security')!.cells.kosovo![0]!;
    const minxhozi = facts(kosovo, 'envoys', 'kosovo').find((i) => i.text === 'Qemal Minxhozi')!;
    const ev = kosovo.timeline.kosovo![0]!;
    const s = buildBriefing(lib, { partners: ['kosovo'], exclude: [first.id, minxhozi.id, ev.id, 'q-nothing'] });
    const ids = items(s, 'kosovo').map((i) => i.id);
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(minxhozi.id);
    expect(ids).not.toContain(ev.id);
    expect(s.unknownIds).toEqual(['q-nothing']);

    // A passage found by search, pinned: filed by its heading, first in its facet.
    const hit = lib.search({ query: 'railway Durres', partner: 'kosovo', limit: 1 }).results[0]!;
    const pinned = buildBriefing(lib, { partners: ['kosovo'], pinned: [hit.passageId, 'nowhere/p9999'] });
    const row = pinned.facets.find((r) => r.cells.kosovo!.some((i) => i.id === hit.passageId))!;
    expect(row.id).toBe('economy');
    expect(row.cells.kosovo![0]).toMatchObject({ id: hit.passageId, pinned: true });
    expect(pinned.unknownIds).toEqual(['nowhere/p9999']);
  });

  it('gives items ids that are stable across builds', () => {
    const again = buildBriefing(lib, { partners: ['Kosovo'], date: '2026-01-02' });
    expect(again).toEqual(kosovo);
    expect(itemId('d', 'a', 'Text.')).toBe(itemId('d', 'a', 'text'));
  });

  it('gives two facts stated by one sentence different ids, each removable on its own (Greece: de facto 1971, de jure 1996)', () => {
    const greece = buildBriefing(lib, { partners: ['Greece'], date: '2026-01-02' });
    const sheetIds = [...greece.facts, ...greece.facets].flatMap((r) => Object.values(r.cells).flat().map((i) => i.id));
    expect(new Set(sheetIds).size).toBe(sheetIds.length);
    const est = facts(greece, 'relations', 'greece');
    const [facto, jure] = [est.find((i) => /de facto/.test(i.label ?? ''))!, est.find((i) => /de jure/.test(i.label ?? ''))!];
    expect(facto.text).toBe(jure.text);
    expect(facto.id).not.toBe(jure.id);
    const without = buildBriefing(lib, { partners: ['Greece'], exclude: [jure.id], date: '2026-01-02' });
    expect(facts(without, 'relations', 'greece').map((i) => i.label)).toContain(facto.label);
    expect(facts(without, 'relations', 'greece').map((i) => i.label)).not.toContain(jure.label);
    expect(without.unknownIds).toEqual([]);
    // A link saved before labels counted names both by the sentence's id: it still removes them, and is not "unknown".
    const place = greece.sources.find((x) => x.n === facto.source)!;
    const saved = itemId(place.docSlug, place.anchor, facto.text);
    const old = buildBriefing(lib, { partners: ['Greece'], exclude: [saved], date: '2026-01-02' });
    expect(facts(old, 'relations', 'greece').some((i) => i.text === facto.text)).toBe(false);
    expect(old.unknownIds).toEqual([]);
  });

  it('gives every item of every partner’s sheet its own id (the sheet keys its rows by them)', () => {
    for (const p of lib.listPartners()) {
      const s = buildBriefing(lib, { partners: [p.id], date: '2026-01-02' });
      const ids = [...s.facts, ...s.facets].flatMap((r) => Object.values(r.cells).flat().map((i) => i.id)).concat(Object.values(s.timeline).flat().map((i) => i.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), p.id).toEqual([]);
    }
  });
});

describe('briefing sheet: side by side', () => {
  it('puts 2–4 partners in columns, with the comparison facets as rows', () => {
    const s = buildBriefing(lib, { partners: ['Kosovo', 'NATO', 'Ukraine'], date: '2026-01-02' });
    expect(s.layout).toBe('side-by-side');
    expect(s.title).toBe('Albania with Kosovo, NATO and Ukraine: briefing');
    expect(s.partners.map((p) => p.id)).toEqual(['kosovo', 'nato', 'ukraine']);
    for (const row of [...s.facts, ...s.facets]) expect(Object.keys(row.cells).sort()).toEqual(['kosovo', 'nato', 'ukraine']);
    for (const row of s.facets) for (const cell of Object.values(row.cells)) expect(cell.length).toBeLessThanOrEqual(BRIEFING_CAPS['side-by-side'].perFacet);
    expect(Object.keys(s.timeline)).toEqual(['kosovo', 'nato', 'ukraine']);
  });

  it('refuses unknown, repeated or too many partners', () => {
    expect(() => buildBriefing(lib, { partners: ['Kosvo'] })).toThrowError(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/Did you mean: Kosovo/) }));
    expect(() => buildBriefing(lib, { partners: ['Kosovo', 'kosova'] })).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => buildBriefing(lib, { partners: [] })).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => buildBriefing(lib, { partners: ['Kosovo', 'NATO', 'EU', 'Greece', 'Italy'] })).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});

describe('briefing helpers', () => {
  it('scores day-precise relations and accession events above a year of economy', () => {
    const base = { id: 'x', summary: 's', partners: ['Kosovo'], docSlug: 'd', anchor: 'a', quote: 'q' };
    const est = eventScore({ ...base, date: '2008-02-18', precision: 'day', category: 'diplomatic', summary: 'Diplomatic relations were established' }, new Set(['d']));
    const eco = eventScore({ ...base, date: '2011', precision: 'year', category: 'economy' }, new Set());
    expect(est).toBe(3 + 3 + 2 + 1 + 1);
    expect(eco).toBe(1);
    const events = ['2001', '2002', '2003'].map((date, i) => ({ ...base, id: date, date, precision: 'year' as const, category: 'economy' as const, summary: `e${i}`, quote: `q${i}` }));
    expect(pickEvents(events, 1, (e) => Number(e.date)).map((e) => e.id)).toEqual(['2003']);
    expect(pickEvents(events, 1, (e) => Number(e.date), new Set(['2001'])).map((e) => e.id)).toEqual(['2001', '2003']);
  });

  it('clips at a word, titles and routes', () => {
    expect(clip('one two three four', 10)).toBe('one two …');
    expect(clip('short', 10)).toBe('short');
    expect(briefingTitle([{ name: 'NATO' }])).toBe('Albania–NATO: briefing');
    expect(briefingTitle([{ name: 'A' }, { name: 'B' }])).toBe('Albania with A and B: briefing');
    expect(corpusVersion('abcdef0123456789', '2026-01-01T00:00:00.000Z').label).toBe('corpus abcdef012345 · built 2026-01-01');
    expect(briefingRoute(['kosovo'], { paper: 'letter', print: true })).toBe('#/briefing?partner=kosovo&paper=letter&print=1');
    expect(briefingRoute(['kosovo', 'nato'])).toBe('#/briefing?compare=kosovo,nato');
  });
});

describe('briefing sheet: asked twice', () => {
  it('answers the same sheet from memory (a PDF asks for it twice), and builds it again when anything asked differs', () => {
    const fresh = Library.open(inject('dbPath'));
    try {
      const reads = vi.spyOn(fresh, 'partnerCandidates');
      const first = buildBriefing(fresh, { partners: ['Kosovo'], date: '2026-02-01' });
      const builtOnce = reads.mock.calls.length;
      expect(builtOnce).toBeGreaterThan(0);
      expect(buildBriefing(fresh, { partners: ['kosovo'], date: '2026-02-01' })).toBe(first);
      expect(reads.mock.calls.length).toBe(builtOnce);
      const other = buildBriefing(fresh, { partners: ['Kosovo'], date: '2026-02-01', exclude: [first.timeline[first.partners[0]!.id]![0]!.id] });
      expect(reads.mock.calls.length).toBe(2 * builtOnce);
      expect(other).not.toEqual(first);
    } finally {
      fresh.close();
    }
  });
});
