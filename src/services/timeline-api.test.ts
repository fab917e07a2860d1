// The timeline's lean API (issue 7) over the real corpus: timelineMarks (what the view draws),
// timelineMatch (its text filter) and timelineEvents (details by id), checked against the full
// events of `timeline`, and their bad inputs through the handlers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DeskError, MAX_TIMELINE_EVENTS } from '../shared/api';
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
