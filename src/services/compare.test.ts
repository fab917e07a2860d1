import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DeskError } from '../shared/api';
import type { Block, Comparison, FacetEntry, FacetId } from '../shared/types';
import { createDesk } from './desk';
import { CELL_CAP, comparePartners } from './compare';
import { FACETS } from '../core/facets';
import { Library } from './library';

let lib: Library;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
});
afterAll(() => lib.close());

const cell = (c: Comparison, facet: FacetId, partner: string): FacetEntry[] => {
  const f = c.facets.find((x) => x.id === facet);
  if (!f) throw new Error(`no facet ${facet}`);
  const entries = f.cells[partner];
  if (!entries) throw new Error(`no cell for ${partner} in ${facet}`);
  return entries;
};

const blockTexts = (b: Block): string[] =>
  b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : b.type === 'infobox' ? b.fields.map((f) => f.value) : b.type === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : [];

/** The entry's document, section and block exist, and (for quoted sentences) hold its exact words. */
function expectSourced(e: FacetEntry, exact = true): void {
  const doc = lib.getDocument(e.docSlug);
  const section = doc.sections.find((s) => s.anchor === e.anchor);
  expect(section, `${e.docSlug}#${e.anchor}`).toBeDefined();
  if (e.blockId !== undefined) {
    const block = section!.blocks.find((b) => b.id === e.blockId);
    expect(block, `${e.docSlug}#${e.anchor} ${e.blockId}`).toBeDefined();
    if (exact) {
      const words = e.text.replace(/^… | …$/g, '');
      expect(blockTexts(block!).some((t) => t.includes(words)), `"${words}" in ${e.blockId}`).toBe(true);
    }
  }
}

describe('compare: shape', () => {
  it('has every facet in order, with a cell (possibly empty) for every partner keyed by id', () => {
    const c = comparePartners(lib, ['kosova', 'Türkiye', 'the EU']);
    expect(c.partners).toEqual([
      { id: 'kosovo', name: 'Kosovo', kind: 'country' },
      { id: 'turkey', name: 'Turkey', kind: 'country' },
      { id: 'european-union', name: 'European Union', kind: 'organisation' },
    ]);
    expect(c.facets.map((f) => f.id)).toEqual(FACETS.map((f) => f.id));
    for (const f of c.facets) {
      expect(Object.keys(f.cells).sort()).toEqual(['european-union', 'kosovo', 'turkey']);
      for (const [id, entries] of Object.entries(f.cells)) {
        expect(entries.length).toBeLessThanOrEqual(CELL_CAP[f.id]);
        // (The timeline picks its most important events; `more` counts the rest of the partner's timeline.)
        if (f.more?.[id] && f.id !== 'timeline') expect(entries.length).toBe(CELL_CAP[f.id]);
        for (const e of entries) {
          expect(typeof e.text).toBe('string');
          expect(e.text.length).toBeGreaterThan(0);
          expect(e.text.length).toBeLessThan(600); // a sentence or an item, never a whole passage
          expectSourced(e, false);
        }
      }
    }
  });

  it('quotes sentences exactly as the source has them', () => {
    const c = comparePartners(lib, ['Kosovo', 'Ukraine', 'NATO', 'EU']);
    const quoted: FacetId[] = ['recognition', 'agreements', 'security', 'economy', 'people', 'russia-ukraine', 'key-figures'];
    let n = 0;
    for (const f of c.facets.filter((x) => quoted.includes(x.id))) {
      for (const entries of Object.values(f.cells)) {
        for (const e of entries.filter((x) => x.blockId)) {
          expectSourced(e, true);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(40);
  });
});

describe('compare: Kosovo vs Ukraine', () => {
  let c: Comparison;
  beforeAll(() => {
    c = comparePartners(lib, ['Kosovo', 'Ukraine']);
  });

  it('relations established 18 February 2008 vs 13 January 1993: one fact once, citing every source (issue 13)', () => {
    const kosovo = cell(c, 'relations', 'kosovo');
    // The table's "18 February 2008" and "established the following day" (after 17 February 2008).
    expect(kosovo).toHaveLength(1);
    expect(kosovo[0]!.date?.date).toBe('2008-02-18');
    expect(kosovo[0]!.sourcesDiffer).toBeUndefined();
    expectSourced(kosovo[0]!, false);
    const cited = [kosovo[0]!, ...(kosovo[0]!.alsoIn ?? [])].map((r) => r.docSlug);
    expect(new Set(cited)).toEqual(new Set(['foreign-relations-of-albania', 'albania-kosovo-relations']));

    const ukraine = cell(c, 'relations', 'ukraine');
    expect(ukraine[0]).toMatchObject({ date: { date: '1993-01-13', precision: 'day' }, docSlug: 'albania-ukraine-relations' });
    expect(ukraine[0]!.text).toContain('January 13, 1993');
    // "were established in 1993" is the same fact: cited, not repeated.
    expect(ukraine[0]!.alsoIn?.map((r) => r.quote)).toContain('The diplomatic relations between Albania and Ukraine were established in 1993.');
    expect(ukraine.some((e) => e.date?.date === '1993')).toBe(false);
    for (const e of ukraine) expectSourced(e, false);
  });

  it('a year refined by a day is not a disagreement, but 1992 against 1993 is', () => {
    const ukraine = cell(c, 'relations', 'ukraine');
    const day1993 = ukraine.find((e) => e.date?.date === '1993-01-13')!;
    const table1992 = ukraine.find((e) => e.date?.date === '1992')!;
    expect(day1993.sourcesDiffer).toMatch(/1992/);
    expect(table1992.docSlug).toBe('foreign-relations-of-albania');
    expect(table1992.sourcesDiffer).toMatch(/1993/);
    expect(ukraine).toHaveLength(2);
  });

  it("marks Albania's mission for Ukraine: embassy in Kyiv vs accredited from Warsaw", () => {
    const missions = cell(c, 'missions', 'ukraine');
    const kyiv = missions.find((e) => e.text === 'Albania has an embassy in Kyiv.')!;
    const warsaw = missions.find((e) => e.text.includes('accredited to Ukraine from its embassy in Warsaw'))!;
    expect(kyiv.sourcesDiffer).toMatch(/accredited from Warsaw/);
    expect(warsaw.sourcesDiffer).toMatch(/embassy in Kyiv/);
    expect(kyiv.label).toBe('Albania in Ukraine');
    const tirana = missions.find((e) => e.label === 'Ukraine in Albania')!;
    expect(tirana.text).toMatch(/Ukraine has an embassy in Tirana/);
    expect(tirana.sourcesDiffer).toBeUndefined();
    expect(tirana.alsoIn?.length).toBeGreaterThanOrEqual(1);
  });

  it("Kosovo's missions: one entry each way, the other statements kept as sources", () => {
    const missions = cell(c, 'missions', 'kosovo');
    expect(missions.map((e) => e.label)).toEqual(['Albania in Kosovo', 'Kosovo in Albania']);
    for (const e of missions) {
      expect(e.sourcesDiffer).toBeUndefined();
      expect(e.alsoIn?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('envoys: both ambassadors for Kosovo, the head of mission for Ukraine', () => {
    expect(cell(c, 'envoys', 'kosovo').map((e) => e.text)).toEqual(['Qemal Minxhozi', 'Nait Hasani']);
    const ukraine = cell(c, 'envoys', 'ukraine');
    expect(ukraine).toHaveLength(1);
    expect(ukraine[0]!.text).toContain('Adhurim Resuli');
  });

  it("the war: Ukraine's cell quotes the opposition sections; Kosovo's is not stated", () => {
    const ukraine = cell(c, 'russia-ukraine', 'ukraine');
    expect(ukraine.length).toBeGreaterThanOrEqual(4);
    expect(ukraine.every((e) => e.anchor.startsWith('history--opposition-to-russian-activity') || /Russia/.test(e.text))).toBe(true);
    expect(cell(c, 'russia-ukraine', 'kosovo')).toEqual([]);
  });

  it('economy and people for Kosovo come from its sections; key figures carry the figure as label', () => {
    const economy = cell(c, 'economy', 'kosovo');
    expect(economy.some((e) => e.anchor === 'relations--economic--albania-kosovo-railway')).toBe(true);
    expect(cell(c, 'people', 'kosovo').some((e) => e.anchor === 'relations--free-movement')).toBe(true);
    const figures = cell(c, 'key-figures', 'kosovo');
    expect(figures.some((e) => e.label?.includes('€500,000'))).toBe(true);
    expect(figures.some((e) => /92\.93%/.test(e.label ?? ''))).toBe(true);
    expect(cell(c, 'key-figures', 'ukraine').some((e) => e.label === '351 Ukrainian refugees')).toBe(true);
  });

  it('a mini timeline of at most 8 dated events, oldest first', () => {
    const t = cell(c, 'timeline', 'kosovo');
    expect(t.length).toBeGreaterThan(4);
    expect(t.length).toBeLessThanOrEqual(8);
    const dates = t.map((e) => e.date!.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates).toContain('2008-02-18');
    expect(c.facets.find((f) => f.id === 'timeline')!.more?.kosovo).toBeGreaterThan(0);
  });
});

describe('compare: NATO vs the EU', () => {
  let c: Comparison;
  beforeAll(() => {
    c = comparePartners(lib, ['North Atlantic Treaty Organization', 'European Union']);
  });

  it('NATO accession milestones: PfP 1994-02-23, MAP 1999, invitation 2008, membership 2009-04-01', () => {
    const m = cell(c, 'memberships', 'nato');
    const byLabel = new Map(m.filter((e) => e.label).map((e) => [e.label!, e]));
    expect(byLabel.get('Partnership for Peace')?.date?.date).toBe('1994-02-23');
    expect(byLabel.get('Membership Action Plan')?.date?.date).toMatch(/^1999/);
    expect(byLabel.get('Invitation to join')?.date?.date).toMatch(/^2008/);
    expect(byLabel.get('Member of NATO')?.date?.date).toBe('2009-04-01');
    expect(byLabel.get('Member of NATO')?.alsoIn?.length).toBeGreaterThanOrEqual(1);
    // Milestones first, oldest first.
    const dated = m.filter((e) => e.label).map((e) => e.date?.date ?? '9999');
    expect([...dated].sort()).toEqual(dated);
    for (const e of m) expectSourced(e, false);
  });

  it('EU accession milestones: negotiations opened March 2020, first IGC July 2022, Cluster 1 October 2024', () => {
    const m = cell(c, 'memberships', 'european-union');
    const at = (date: string) => m.find((e) => e.date?.date === date);
    expect(at('2020-03')?.text).toMatch(/open accession negotiations/);
    expect(at('2022-07')?.text).toMatch(/first Intergovernmental Conference/);
    expect(at('2024-10')?.text).toMatch(/Cluster 1/);
    expect(at('2023-11')?.text).toMatch(/screening/);
    for (const e of m) expect(e.docSlug).toBeDefined();
  });

  it('envoys: three NATO representatives; the EU has none in this library', () => {
    expect(cell(c, 'envoys', 'nato').map((e) => e.text.split(' — ')[0])).toEqual(['Artur Kuko', 'Leonard Demi', 'Visho Ajazi']);
    expect(cell(c, 'envoys', 'european-union')).toEqual([]);
    expect(cell(c, 'missions', 'nato')).toEqual([]);
    expect(cell(c, 'key-figures', 'european-union')).toEqual([]);
  });

  it("the Partnership's #### headings feed security and the war; NATO's bases feed security", () => {
    const eu = cell(c, 'security', 'european-union');
    expect(eu.length).toBe(CELL_CAP.security);
    expect(eu.every((e) => e.docSlug === 'security-and-defence-partnership-between-the-european-union')).toBe(true);
    expect(c.facets.find((f) => f.id === 'security')!.more?.['european-union']).toBeGreaterThan(10);
    const war = cell(c, 'russia-ukraine', 'european-union');
    expect(war.some((e) => e.anchor === 'general-framework--areas-of-cooperation--support-to-ukraine')).toBe(true);
    const nato = cell(c, 'security', 'nato');
    expect(nato.map((e) => e.anchor)).toEqual(expect.arrayContaining(['kucove-air-base', 'pashaliman-naval-base']));
  });

  it('agreements: the Partnership itself is an entry for the EU', () => {
    const eu = cell(c, 'agreements', 'european-union');
    expect(eu[0]).toMatchObject({ docSlug: 'security-and-defence-partnership-between-the-european-union', text: expect.stringContaining('Security and Defence Partnership') });
    expect(cell(c, 'agreements', 'nato').some((e) => /Partnership for Peace agreement/.test(e.text))).toBe(true);
  });

  it("NATO's mini timeline keeps milestones, not 26 ratification rows", () => {
    const t = cell(c, 'timeline', 'nato');
    expect(t.map((e) => e.date!.date)).toEqual(expect.arrayContaining(['1994-02-23', '2009-04-01']));
    expect(t.some((e) => /country not named/.test(e.text))).toBe(false);
  });
});

describe('compare: Turkey and Greece (sections of an overview)', () => {
  let c: Comparison;
  beforeAll(() => {
    c = comparePartners(lib, ['Turkey', 'Greece']);
  });

  it("Turkey's military sentences from the untitled \"Turkey\" section land in security", () => {
    const security = cell(c, 'security', 'turkey');
    expect(security.length).toBe(CELL_CAP.security);
    const fromSection = security.filter((e) => e.anchor === 'balkans-albania--turkey');
    expect(fromSection.length).toBeGreaterThanOrEqual(4);
    expect(fromSection.some((e) => /Turkish troops/.test(e.text))).toBe(true);
    expect(security.every((e) => e.anchor === 'balkans-albania--turkey' || /Turk/.test(e.text))).toBe(true);
    // Diaspora and EU sentences of the same section go elsewhere.
    expect(cell(c, 'people', 'turkey').some((e) => /diaspora/.test(e.text))).toBe(true);
    expect(cell(c, 'memberships', 'turkey').some((e) => /EU membership/.test(e.text))).toBe(true);
    expect(cell(c, 'agreements', 'turkey')[0]).toMatchObject({ date: { date: '1992-07-29' } });
  });

  it('sentences about someone else stay out of a partner section (Arab states, Israel; Greece’s view of Turkey)', () => {
    const all = c.facets.flatMap((f) => f.cells.turkey ?? []);
    expect(all.some((e) => /Arab|Israel/.test(e.text))).toBe(false);
    const greece = c.facets.flatMap((f) => f.cells.greece ?? []);
    expect(greece.some((e) => /powerful ally in Turkey/.test(e.text))).toBe(false);
  });

  it('Greece: "de facto in 1971 de juro 21 March 1996" is two facts, not a disagreement (issue 13)', () => {
    const rel = cell(c, 'relations', 'greece');
    expect(rel.map((e) => [e.label, e.date?.date])).toEqual([
      ['Relations established de facto', '1971'],
      ['Relations established de jure', '1996-03-21'],
    ]);
    for (const e of rel) {
      expect(e.text).toContain('de facto in 1971 de juro 21 March 1996');
      expect(e.sourcesDiffer).toBeUndefined();
    }
    expect(cell(c, 'key-figures', 'greece').some((e) => e.label === 'about 250 Greek military personnel')).toBe(true);
  });

  it('facets with nothing in the library are empty arrays ("not stated in this library")', () => {
    for (const facet of ['recognition', 'missions', 'envoys', 'russia-ukraine'] as const) {
      expect(cell(c, facet, 'turkey')).toEqual([]);
      expect(cell(c, facet, 'greece')).toEqual([]);
    }
  });

  it('a table row repeated under two headings is one entry with the other as a source', () => {
    const rel = cell(c, 'relations', 'turkey');
    expect(rel).toHaveLength(1);
    expect(rel[0]).toMatchObject({ text: 'Formal Relations Began: 1981', date: { date: '1981' } });
    expect(rel[0]!.alsoIn).toHaveLength(1);
  });
});

describe('compare: errors', () => {
  it('an unknown name is NOT_FOUND with the closest known names', () => {
    expect(() => comparePartners(lib, ['Kosovo', 'Ukrane'])).toThrowError(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/No partner "Ukrane".*Did you mean: Ukraine/) }));
    try {
      comparePartners(lib, ['Kosovo', 'Ukrane', 'Tukey']);
      expect.unreachable();
    } catch (err) {
      expect((err as DeskError).message).toMatch(/Ukrane[\s\S]*Ukraine[\s\S]*Tukey[\s\S]*Turkey/);
    }
  });

  it('1 or 5 partners, or the same partner twice, is BAD_REQUEST', () => {
    expect(() => comparePartners(lib, ['Kosovo'])).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/2 to 4 partners; got 1/) }));
    expect(() => comparePartners(lib, ['Kosovo', 'Ukraine', 'NATO', 'EU', 'Greece'])).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => comparePartners(lib, ['Kosovo', 'kosova'])).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/same partner/) }));
  });

  it('through the handlers: validated params and error envelopes', async () => {
    const desk = createDesk({ dbPath: inject('dbPath') });
    try {
      const one = await desk.dispatch('compare', { partners: ['Kosovo'] });
      expect(one).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/2 to 4 partners, got 1/) } });
      const five = await desk.dispatch('compare', { partners: ['a', 'b', 'c', 'd', 'e'] });
      expect(five).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await desk.dispatch('compare', { partners: 'Kosovo' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await desk.dispatch('compare', { partners: ['Kosovo', 'Narnia'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const ok = await desk.api.compare({ partners: ['Kosovo', 'Ukraine'] });
      expect(ok.partners.map((p) => p.id)).toEqual(['kosovo', 'ukraine']);
    } finally {
      desk.close();
    }
  });
});

describe('facets hold what their names say (issue 13)', () => {
  let c: Comparison;
  beforeAll(() => {
    c = comparePartners(lib, ['NATO', 'Kosovo', 'Greece']);
  });
  const texts = (facet: FacetId, partner: string) => cell(c, facet, partner).map((e) => e.text);

  it("NATO's own acts are not Albania's memberships", () => {
    expect(texts('memberships', 'nato').some((t) => t.includes('NATO created the North Atlantic Cooperation Council'))).toBe(false);
    expect(texts('memberships', 'nato').some((t) => t.includes('Albania joined in 1992'))).toBe(true);
  });

  it("the Soviet-built history of the Pashaliman base is not NATO security cooperation", () => {
    expect(texts('security', 'nato').some((t) => t.includes('built in the 1950s by the Soviet Union'))).toBe(false);
    expect(texts('security', 'nato').some((t) => t.includes('offered NATO a naval base'))).toBe(true);
  });

  it('earthquake relief is people helping people, not economy', () => {
    expect(texts('economy', 'kosovo').some((t) => t.includes('humanitarian aid in trucks'))).toBe(false);
    expect(texts('security', 'kosovo').some((t) => t.includes('Urban Search and Rescue'))).toBe(false);
    expect(texts('people', 'kosovo').some((t) => t.includes('an earthquake struck Albania'))).toBe(true);
  });

  it('politics is not People and culture', () => {
    expect(texts('people', 'greece').some((t) => t.includes('Greece preferred and assisted Fatos Nano'))).toBe(false);
    expect(texts('people', 'greece').some((t) => t.includes('cultural and historic relations'))).toBe(true);
  });

  it('NATO membership: April 1, 2009 against "NATO entry in May 2009" is marked, the year 2009 agrees', () => {
    const member = cell(c, 'memberships', 'nato').find((e) => e.label === 'Member of NATO')!;
    expect(member.date?.date).toBe('2009-04-01');
    expect(member.sourcesDiffer).toMatch(/May 2009/);
    expect(member.sourcesDiffer).not.toMatch(/\b2009 for\b.*\b2009\b/);
  });

  it('one mission, one spelling: Pristina and Prishtina are one embassy', () => {
    const kosovo = lib.getPartner('kosovo').missions.filter((m) => m.direction === 'albania-in-partner');
    expect(new Set(kosovo.map((m) => m.place))).toEqual(new Set(['Pristina']));
    expect(kosovo.some((m) => m.placeAsStated === 'Prishtina')).toBe(true);
    const ukraine = lib.getPartner('ukraine').missions.filter((m) => m.direction === 'partner-in-albania');
    expect(new Set(ukraine.map((m) => m.place))).toEqual(new Set(['Tirana']));
  });

  it('the partners list shows de facto and de jure, and a severance, wherever it shows established', () => {
    const list = new Map(lib.listPartners().map((p) => [p.id, p]));
    expect(list.get('iran')!.relationSteps).toEqual([
      { kind: 'established', value: expect.objectContaining({ date: '1971' }) },
      { kind: 'severed', value: expect.objectContaining({ date: '2022-09-07' }) },
    ]);
    expect(list.get('greece')!.relationSteps?.map((s) => [s.kind, s.value.date])).toEqual([
      ['established de facto', '1971'],
      ['established de jure', '1996-03-21'],
    ]);
  });

  it('an inferred year is shown with its reason in compare entries', () => {
    const ukraine = comparePartners(lib, ['Ukraine', 'Kosovo']);
    const refugees = cell(ukraine, 'people', 'ukraine').find((e) => e.text.startsWith('In mid-March, Albania received 351'))!;
    expect(refugees.date?.inferred).toBe('year inferred from an earlier paragraph ("late February 2022")');
  });
});
