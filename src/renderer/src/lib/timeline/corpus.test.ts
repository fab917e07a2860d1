// Clustering, lanes and filters over the real corpus: the marks the view draws from
// (`timelineMarks`) and the full events (`timeline`), from the DB built by vitest's globalSetup.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TimelineEvent, TimelineMark } from '../../../../shared/types';
import { expandMarks } from '../../../../shared/timelineMarks';
import { Library } from '../../../../services/library';
import { clusterDates, clusterLabel } from './cluster';
import { filterEvents, NO_FILTER, partnerCounts, textHits } from './filter';
import { buildLanes, layoutLane, OTHER_LANE, type LaneItem } from './layout';
import { utc } from './time';
import { parseTimelineQuery, timelineQueryString } from './url';

declare module 'vitest' {
  export interface ProvidedContext {
    dbPath: string;
  }
}

let lib: Library;
let events: TimelineEvent[];
let marks: TimelineMark[];
let byId: Map<string, TimelineEvent>;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  events = lib.timeline({});
  marks = expandMarks(lib.timelineMarks());
  byId = new Map(events.map((e) => [e.id, e]));
});
afterAll(() => lib.close());

const full = (m: TimelineMark) => byId.get(m.id)!;
const clusters = (items: LaneItem[]) => items.filter((i): i is Extract<LaneItem, { kind: 'cluster' }> => i.kind === 'cluster');
const natoLane = () => buildLanes(marks, [{ key: 'nato', label: 'NATO', partner: 'NATO' }])[0]!;

describe('clusters over the NATO accession record', () => {
  it('the 26 ratifications of the accession protocol (Sept 2008 – Feb 2009) form one honestly labelled cluster', () => {
    // About six years across 1000 px: the ratifications are days apart, their neighbours weeks.
    const layout = layoutLane(natoLane(), { start: utc(2005, 6), end: utc(2012) }, 1000);
    const ratifications = clusters(layout.marks).filter((c) => /ratification/.test(c.label));
    expect(ratifications).toHaveLength(1);
    const c = ratifications[0]!;
    expect(c.members).toHaveLength(26);
    expect(c.label).toBe('26 ratifications (countries not named in the source)');
    expect(clusterDates(c.members)).toBe('15 September 2008 – 17 February 2009');
    // Neither the invitation (April 2008) nor membership (1 April 2009) is swallowed.
    expect(layout.marks.some((m) => m.kind === 'point' && full(m.event).summary.startsWith('Invitation to join'))).toBe(true);
    expect(c.members.some((m) => m.date === '2009-04-01')).toBe(false);
    // Membership (two records of 1 April 2009, with the months around it) is a marker of its own.
    const member = clusters(layout.marks).find((m) => m.members.some((e) => e.date === '2009-04-01'))!;
    expect(member.members.filter((e) => e.date === '2009-04-01')).toHaveLength(2);
    expect(member.label).toBe(`${member.members.length} events`);
  });

  it('zoomed out, a mixed cluster says what it holds', () => {
    const layout = layoutLane(natoLane(), { start: utc(1700), end: utc(2027) }, 1000);
    const big = clusters(layout.marks).find((c) => c.members.length > 26)!;
    expect(big.label).toMatch(/^\d+ events: 26 ratifications \(countries not named in the source\), .*\d+ other events?$/);
  });

  it('zoomed in to the winter of 2008, only same-day ratifications still cluster', () => {
    const layout = layoutLane(natoLane(), { start: utc(2008, 11, 1), end: utc(2009, 0, 1) }, 1000);
    for (const c of clusters(layout.marks)) {
      expect(new Set(c.members.map((m) => m.date)).size).toBeLessThanOrEqual(2);
      expect(c.label).toMatch(/^[23] ratifications \(countries not named in the source\)$/);
    }
  });

  it('labels relations with unnamed countries as such', () => {
    const unnamed = events.filter((e) => /^Relations established with a country not named/.test(e.summary)).slice(0, 3);
    expect(clusterLabel(unnamed)).toBe('3 relations established or changed (countries not named in the source)');
    expect(clusterLabel(unnamed.map((e) => marks.find((m) => m.id === e.id)!))).toBe(clusterLabel(unnamed));
  });

  it('the kinds stored with the marks label clusters as the summaries do', () => {
    const fullLane = buildLanes(events, [{ key: 'nato', label: 'NATO', partner: 'NATO' }])[0]!;
    for (const w of [{ start: utc(1700), end: utc(2027) }, { start: utc(2005, 6), end: utc(2012) }, { start: utc(2008, 11, 1), end: utc(2009, 0, 1) }]) {
      const fromMarks = clusters(layoutLane(natoLane(), w, 1000).marks).map((c) => [c.id, c.label]);
      const fromEvents = clusters(layoutLane(fullLane, w, 1000).marks).map((c) => [c.id, c.label]);
      expect(fromMarks).toEqual(fromEvents);
      expect(fromMarks.length).toBeGreaterThan(0);
    }
  });
});

describe('lanes and what is drawn', () => {
  it('points are days; years, decades and ranges are spans', () => {
    const lane = buildLanes(marks, [{ key: 'kosovo', label: 'Kosovo', partner: 'Kosovo' }])[0]!;
    const layout = layoutLane(lane, { start: utc(2019), end: utc(2026) }, 1200);
    const free = layout.items.find((i) => i.kind !== 'cluster' && i.event.date === '2025-05');
    expect(free?.kind).toBe('span'); // May 2025 is a month: at 7 years per 1200 px it is ~14 px wide
    // 26 and 29 November 2019 (the earthquake, the visit after it) are days: points, here one cluster.
    const quake = clusters(layout.marks).find((c) => c.members.some((e) => e.date === '2019-11-26'));
    expect(quake?.members.map((e) => e.date)).toEqual(['2019-11-26', '2019-11-29']);
    expect(layout.spans.some((s) => s.kind === 'span' && s.event.date === '2019-11-26')).toBe(false);
    // Only what overlaps the window is laid out.
    for (const i of layout.items) if (i.kind !== 'cluster') expect(i.span.end).toBeGreaterThanOrEqual(utc(2019));
  });

  it('"Other partners" takes the events that name none of the lane partners', () => {
    const [kosovo, other] = buildLanes(events, [
      { key: 'kosovo', label: 'Kosovo', partner: 'Kosovo' },
      { key: OTHER_LANE, label: 'Other partners', partner: null },
    ]);
    expect(kosovo!.events.length + other!.events.length).toBe(events.length);
    expect(other!.events.every((p) => !p.event.partners.includes('Kosovo'))).toBe(true);
  });

  it('draws a bounded number of marks however many events there are', () => {
    const many: TimelineEvent[] = [];
    for (let i = 0; i < 10_000; i++) {
      const day = new Date(utc(1900) + ((i * 7919) % 45000) * 86_400_000).toISOString().slice(0, 10);
      many.push({ ...events[0]!, id: `s${i}`, date: day, precision: 'day', partners: ['NATO'] });
    }
    const lane = buildLanes(many, [{ key: 'nato', label: 'NATO', partner: 'NATO' }])[0]!;
    const wide = layoutLane(lane, { start: utc(1900), end: utc(2024) }, 1000);
    expect(wide.marks.length).toBeLessThan(1000 / 16 + 2);
    expect(wide.marks.reduce((n, m) => n + (m.kind === 'cluster' ? m.members.length : 1), 0)).toBe(10_000);
    const narrow = layoutLane(lane, { start: utc(2000), end: utc(2000, 1) }, 1000);
    expect(narrow.items.length).toBeLessThan(40);
  });
});

describe('filters over the real events', () => {
  it('partner Kosovo, 2019–2025: the free-movement arrangement of May 2025 is there', () => {
    const f = filterEvents(marks, { ...NO_FILTER, partners: ['Kosovo'], other: false, from: 2019, to: 2025 });
    expect(f.length).toBeGreaterThan(3);
    expect(f.every((e) => e.partners.includes('Kosovo'))).toBe(true);
    const free = full(f.find((e) => e.date === '2025-05')!);
    expect(free.summary).toMatch(/free-movement/);
    expect(free.category).toBe('people');
    expect(free.anchor).toBe('relations--free-movement');
    expect(f.some((e) => e.date.startsWith('2026'))).toBe(false);
    // Marks and full events filter alike.
    expect(filterEvents(events, { ...NO_FILTER, partners: ['Kosovo'], other: false, from: 2019, to: 2025 }).map((e) => e.id)).toEqual(f.map((e) => e.id));
  });

  const hitsFor = (text: string) => textHits(text, lib.timelineMatch({ text }).positions, marks.length);

  it('category and text filters agree with the library service', () => {
    const filter = { ...NO_FILTER, categories: ['conflict' as const], text: 'Ukraine' };
    const theirs = lib.timeline({ category: ['conflict'], text: 'Ukraine' }).map((e) => e.id);
    // Marks with the library's text hits (the view), and full events matched here (the same rule).
    expect(filterEvents(marks, filter, hitsFor('Ukraine')).map((e) => e.id)).toEqual(theirs);
    expect(filterEvents(events, filter).map((e) => e.id)).toEqual(theirs);
    expect(theirs.some((id) => /351 Ukrainian refugees/.test(byId.get(id)!.summary))).toBe(true);
  });

  it('text is accent- and case-insensitive: "kucove" finds the Kuçovë air base', () => {
    const f = filterEvents(marks, { ...NO_FILTER, text: 'kucove' }, hitsFor('kucove'));
    expect(f.map((e) => e.date)).toContain('2018-08');
    expect(filterEvents(events, { ...NO_FILTER, text: 'Kuçovë' }).map((e) => e.id)).toEqual(f.map((e) => e.id));
  });

  it('until the library answers for new words, the last answer stands; bare marks without one are all kept', () => {
    const kosovo = hitsFor('kosovo');
    const f = filterEvents(marks, { ...NO_FILTER, text: 'kosovo border' }, kosovo);
    expect(f.map((e) => e.id)).toEqual(filterEvents(marks, { ...NO_FILTER, text: 'kosovo' }, kosovo).map((e) => e.id));
    expect(filterEvents(marks, { ...NO_FILTER, text: 'kosovo' })).toHaveLength(marks.length);
  });

  it('a year range keeps spans that overlap it (the 1990s are in 1995)', () => {
    const f = filterEvents(events, { ...NO_FILTER, from: 1995, to: 1995 });
    expect(f.some((e) => e.precision === 'decade' && e.date === '1990')).toBe(true);
    expect(f.some((e) => e.date === '1994')).toBe(false);
  });

  it('document filter', () => {
    const f = filterEvents(events, { ...NO_FILTER, doc: 'albania-ukraine-relations' });
    expect(f.length).toBeGreaterThan(5);
    expect(new Set(f.map((e) => e.docSlug))).toEqual(new Set(['albania-ukraine-relations']));
  });

  it('NATO, Kosovo and Ukraine are among the partners with the most events', () => {
    const top = [...partnerCounts(marks).keys()].slice(0, 6);
    expect(top).toEqual(expect.arrayContaining(['NATO', 'Kosovo', 'Ukraine']));
    expect(partnerCounts(marks)).toEqual(partnerCounts(events));
  });
});

describe('the URL holds the state', () => {
  it('round-trips', () => {
    const q = parseTimelineQuery('lanes=kosovo,nato&other=0&cat=people,conflict&q=free%20movement&from=2019&to=2025&win=2019-01-01~2026-01-01&sel=abc&view=list');
    expect(q).toMatchObject({ lanes: ['kosovo', 'nato'], other: false, categories: ['people', 'conflict'], text: 'free movement', from: 2019, to: 2025, selected: 'abc', view: 'list' });
    expect(q.window).toEqual({ start: utc(2019), end: utc(2026) });
    expect(timelineQueryString(q)).toBe('lanes=kosovo,nato&other=0&cat=people,conflict&q=free%20movement&from=2019&to=2025&win=2019-01-01~2026-01-01&sel=abc&view=list');
  });

  it('ignores what it does not understand', () => {
    const q = parseTimelineQuery('cat=war,people&from=soon&win=yesterday&view=3d');
    expect(q.categories).toEqual(['people']);
    expect(q.from).toBeNull();
    expect(q.window).toBeNull();
    expect(q.view).toBeNull();
  });
});
