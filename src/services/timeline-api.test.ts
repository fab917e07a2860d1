// The timeline's lean API (issue 7) over the real corpus: timelineMarks (what the view draws),
// timelineMatch (its text filter) and timelineEvents (details by id), checked against the full
// events of `timeline`, and their bad inputs through the handlers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TIMELINE_PAGE, DeskError, MAX_TIMELINE_EVENTS, MAX_TIMELINE_PAGE, type TimelinePage } from '../shared/api';
import type { TimelineEvent, TimelineMark } from '../shared/types';
import { eventMatcher } from '../shared/timelineFilter';
import { expandMarks } from '../shared/timelineMarks';
import { createDesk } from './desk';
import { Library } from './library';

let lib: Library;
let events: TimelineEvent[];
let marks: TimelineMark[];
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  events = lib.timeline({});
  marks = expandMarks(lib.timelineMarks());
});
afterAll(() => lib.close());

describe('timelineMarks', () => {
  it('has one mark per event, in the same order, with the same fields', () => {
    // 192 before issue 13; a budget year, a school year and four plans' target dates are not events.
    expect(events).toHaveLength(186);
    expect(marks).toHaveLength(events.length);
    marks.forEach((m, i) => {
      const e = events[i]!;
      // Why a year was inferred is a detail, shown with the full event (timelineEvents), not on the mark.
      const { summary: _s, quote: _q, anchor: _a, inferred: _i, ...lean } = e;
      const { kind: _k, ...mark } = m;
      expect(mark).toEqual(lean);
    });
  });

  it('carries what cluster labels count: the 26 NATO ratifications are unnamed ratifications', () => {
    const ratifications = marks.filter((m) => m.kind === 'ratification-unnamed' && m.partners.includes('NATO'));
    expect(ratifications).toHaveLength(26);
    expect(ratifications.every((m) => m.date >= '2008-09-15' && m.date <= '2009-02-17')).toBe(true);
    expect(marks.filter((m) => m.kind === 'other').length).toBeGreaterThan(90);
  });

  it('is a fraction of the bytes of the full events, and stamped with the library', () => {
    const raw = lib.timelineMarks();
    expect(raw.corpusHash).toBe(lib.corpusHash);
    expect(raw.partnerSets.length).toBeLessThan(raw.count);
    expect(JSON.stringify(raw).length).toBeLessThan(JSON.stringify(events).length / 4);
  });
});

describe('timelineMatch', () => {
  it.each([{ text: 'kucove' }, { text: 'Ukraine refugees' }, { text: 'NATO', category: ['accession' as const] }, { partner: 'Kosovo', from: 2019, to: 2025 }, { text: '«»' }])(
    'gives the positions of what timeline(%j) returns',
    (params) => {
      const { positions, corpusHash } = lib.timelineMatch(params);
      expect(corpusHash).toBe(lib.corpusHash);
      expect(positions.map((p) => marks[p]!.id)).toEqual(lib.timeline(params).map((e) => e.id));
    },
  );

  it('matches words as the renderer would, accents and case ignored', () => {
    for (const text of ['Kuçovë', 'free movement', 'RATIFIED not named']) {
      const mine = events.filter(eventMatcher(text)).map((e) => e.id);
      expect(lib.timelineMatch({ text }).positions.map((p) => marks[p]!.id)).toEqual(mine);
      expect(mine.length).toBeGreaterThan(0);
    }
  });
});

describe('timelineEvents', () => {
  it('gives full events by id, in the order asked', () => {
    const ids = [events[150]!.id, events[3]!.id, events[150]!.id];
    expect(lib.timelineEvents(ids)).toEqual([events[150], events[3]]);
  });

  it('reports an unknown id as NOT_FOUND', () => {
    expect(() => lib.timelineEvents([events[0]!.id, 'no-such-event'])).toThrow(DeskError);
    try {
      lib.timelineEvents(['no-such-event']);
    } catch (err) {
      expect((err as DeskError).code).toBe('NOT_FOUND');
      expect((err as DeskError).message).toContain('no-such-event');
    }
  });
});

describe('timelinePage', () => {
  it.each([{}, { text: 'kucove' }, { partner: 'Kosovo', from: 2019, to: 2025 }, { text: 'NATO', category: ['accession' as const] }, { docSlug: 'albania-kosovo-relations' }, { text: '«»' }])(
    'pages through exactly what timeline(%j) returns, with its total',
    (params) => {
      const whole = lib.timeline(params);
      for (const limit of [1, 7, 1000]) {
        const seen: TimelineEvent[] = [];
        for (let offset = 0; offset < whole.length || offset === 0; offset += limit) {
          const page = lib.timelinePage(params, offset, limit);
          expect(page).toMatchObject({ corpusHash: lib.corpusHash, total: whole.length, offset });
          expect(page.events.length).toBe(Math.min(limit, whole.length - offset));
          seen.push(...page.events);
        }
        expect(seen).toEqual(whole);
      }
    },
  );

  it('gives an empty page past the end, with the total', () => {
    expect(lib.timelinePage({}, 186, 10)).toMatchObject({ total: 186, offset: 186, events: [] });
    expect(lib.timelinePage({ partner: 'Kosovo' }, 10_000, 10).events).toEqual([]);
  });

  it('keeps the answer of one filter for its next page, and forgets it for another filter', () => {
    const a = lib.timelinePage({ text: 'nato' }, 0, 3).events.map((e) => e.id);
    const b = lib.timelinePage({ text: 'kosovo' }, 0, 3).events.map((e) => e.id);
    expect(b).not.toEqual(a);
    expect(lib.timelinePage({ text: 'nato' }, 0, 3).events.map((e) => e.id)).toEqual(a);
  });
});

describe('through the handlers', () => {
  const desk = createDesk({ dbPath: inject('dbPath') });
  afterAll(() => desk.close());

  it('answers the view\'s calls', async () => {
    const m = await desk.api.timelineMarks();
    expect(m.count).toBe(186);
    expect((await desk.api.timelineMatch({ text: 'kucove' })).positions).toHaveLength(1);
    const [e] = await desk.api.timelineEvents({ ids: [m.ids[0]!] });
    expect(e?.id).toBe(m.ids[0]);
  });

  it('answers timeline a page at a time: DEFAULT_TIMELINE_PAGE events unless a limit is given', async () => {
    const first = await desk.api.timeline({});
    expect(first).toMatchObject({ total: 186, offset: 0, corpusHash: lib.corpusHash });
    expect(first.events).toEqual(events.slice(0, DEFAULT_TIMELINE_PAGE));
    const rest: TimelinePage = await desk.api.timeline({ offset: 180, limit: 50 });
    expect(rest.events).toEqual(events.slice(180));
    expect((await desk.api.timeline({ partner: 'Kosovo', limit: MAX_TIMELINE_PAGE })).events).toEqual(lib.timeline({ partner: 'Kosovo' }));
  });

  it.each([
    ['timeline', { limit: 0 }, /limit/],
    ['timeline', { limit: MAX_TIMELINE_PAGE + 1 }, new RegExp(`at most ${MAX_TIMELINE_PAGE} events per page`)],
    ['timeline', { limit: 2.5 }, /limit/],
    ['timeline', { offset: -1 }, /offset/],
    ['timeline', { offset: '10' }, /offset/],
    ['timeline', { page: 2 }, /page/],
    ['timeline', { from: 2010, to: 2000, offset: 5 }, /"from" must not be after "to"/],
  ])('rejects %s(%j) with BAD_REQUEST naming what is wrong', async (method, params, says) => {
    const env = await desk.dispatch(method, params);
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!env.ok) expect(env.error.message).toMatch(says);
  });

  it.each([
    ['timelineMarks', { partner: 'Kosovo' }],
    ['timelineMatch', { text: 42 }],
    ['timelineMatch', { text: 'x'.repeat(501) }],
    ['timelineMatch', { from: 2010, to: 2000 }],
    ['timelineMatch', { category: ['wars'] }],
    ['timelineEvents', {}],
    ['timelineEvents', { ids: [] }],
    ['timelineEvents', { ids: 'abc' }],
    ['timelineEvents', { ids: [''] }],
    ['timelineEvents', { ids: Array.from({ length: MAX_TIMELINE_EVENTS + 1 }, (_, i) => `e${i}`) }],
    ['timelineEvents', { ids: ['abc'], extra: 1 }],
  ])('rejects %s(%j) with BAD_REQUEST and a readable message', async (method, params) => {
    const env = await desk.dispatch(method, params);
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!env.ok) expect(env.error.message).toMatch(new RegExp(`^Invalid arguments for ${method}: \\S`));
  });

  it('passes NOT_FOUND through for unknown events and partners', async () => {
    expect(await desk.dispatch('timelineEvents', { ids: ['nope'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No event "nope" in this library.' } });
    expect(await desk.dispatch('timelineMatch', { partner: 'Ukrane' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
