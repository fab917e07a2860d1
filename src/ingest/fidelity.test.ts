// Issue 13 over the real corpus: each event takes the partners of the clause carrying its date,
// a heading is context and not a party, and only dates of things that happened are events.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TimelineEvent } from '../shared/types';
import { Library } from '../services/library';
import { clausesOf } from './clauses';
import { dateRole } from './dateRoles';
import { findDates } from './dates';
import { recordInference } from './dateAnchors';
import { unifyMissionPlaces } from './missionPlaces';

let lib: Library;
let events: TimelineEvent[];
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  events = lib.timeline({});
});
afterAll(() => lib.close());

/** The events read from the sentence that contains `words`, by date. */
function from(words: string): Map<string, TimelineEvent> {
  const found = events.filter((e) => e.quote.includes(words));
  if (found.length === 0) throw new Error(`no event quotes "${words}"`);
  return new Map(found.map((e) => [e.end ? `${e.date}..${e.end}` : e.date, e]));
}

describe('partners belong to the clause that carries the date', () => {
  it('the Soviet-built Pashaliman base (1950s) is not a NATO event', () => {
    const e = from('was built in the 1950s by the Soviet Union').get('1950..1959')!;
    expect(e.partners).toEqual(['Soviet Union']);
  });

  it('the unrest of 1997 is not a Kosovo event; the Kosovo crisis (1998-1999) is', () => {
    const byDate = from('during the unrest of 1997 Greece');
    expect(byDate.get('1997')!.partners).toEqual(['Greece']);
    expect(byDate.get('1998..1999')!.partners).toContain('Kosovo');
    expect(byDate.get('1998..1999')!.partners).not.toContain('Turkey');
  });

  it('2022 is the invasion (Russia, Ukraine); 2025 is Latvia’s UN Security Council nomination', () => {
    const byDate = from("supported Latvia's nomination");
    expect(byDate.get('2022')!.partners.sort()).toEqual(['Russia', 'Ukraine']);
    expect(byDate.get('2025')!.partners.sort()).toEqual(['Latvia', 'United Nations']);
    expect(byDate.get('2025')!.category).not.toBe('conflict');
  });

  it('Edi Rama’s election victory in 2013 is about relations with Greece, not NATO', () => {
    const byDate = from('election victory of Edi Rama in 2013');
    expect(byDate.get('2013')!.partners).toEqual(['Greece']);
    expect(byDate.get('2009-05')!.partners).toEqual(['NATO']);
  });

  it('a section about the document’s partner still adds it: the Kharkiv consulate shelled by Russian forces', () => {
    const e = [...from('honorary consulate in Kharkiv was shelled').values()][0]!;
    expect(e.partners.sort()).toEqual(['Russia', 'Ukraine']);
  });

  it('cuts clauses at punctuation and new predicates, never inside a date', () => {
    const s = 'The country received an invitation to join at the 2008 Bucharest Summit and became a full member on April 1, 2009.';
    const clauses = clausesOf(s, findDates(s));
    expect(clauses.map((c) => c.dates.map((d) => d.value.date))).toEqual([['2008'], ['2009-04-01']]);
  });
});

describe('only what happened is dated', () => {
  it('a budget year is not the date of the railway project’s new phase', () => {
    expect(events.some((e) => e.quote.includes('2026 budget planning'))).toBe(false);
    expect(events.some((e) => e.quote.includes('proposed for allocation in 2026'))).toBe(false);
  });

  it('the 2012–13 academic year is not an event; the primer’s approval in May 2012 is', () => {
    const byDate = from('academic year of first class students');
    expect([...byDate.keys()].sort()).toEqual(['2011-10', '2012-05']);
  });

  it('hopes and expectations are plans, left out of the timeline', () => {
    expect(events.some((e) => e.quote.includes('NATO hoped to have it completed'))).toBe(false);
    expect(events.some((e) => e.quote.includes('expected to have commenced by the end of 2018'))).toBe(false);
  });

  it('a date before the plan word is when the plan was stated', () => {
    const s = 'In August 2018, Prime Minister of Albania, Edi Rama announced that NATO plans to build its first air base in 2020.';
    const [announced, target] = findDates(s);
    expect(dateRole(s, announced!, findDates(s))).toBe('event');
    expect(dateRole(s, target!, findDates(s))).toBe('plan');
    expect(from('Edi Rama announced that NATO plans to build').has('2018-08')).toBe(true);
  });

  it('an event whose year comes from the context says so, and where from', () => {
    const march = [...from('In mid-March, Albania received 351 Ukrainian refugees').values()][0]!;
    expect(march.date).toBe('2022-03');
    expect(march.inferred).toBe('year inferred from an earlier paragraph ("late February 2022")');
    const nextDay = [...from('Diplomatic relations were established the following day').values()][0]!;
    expect(nextDay.date).toBe('2008-02-18');
    expect(nextDay.inferred).toBe('counted from "17 February 2008" in the paragraph');
    // A date the source states in full carries no such note.
    expect(from('became a full member on April 1, 2009').get('2009-04-01')!.inferred).toBeUndefined();
  });
});

describe('date roles and anchors (unit)', () => {
  it('budget, school and fiscal years are labels, not dates of events', () => {
    const role = (s: string) => findDates(s).map((f) => dateRole(s, f, findDates(s)));
    expect(role("As part of Albania's 2026 budget planning, the project has entered a new phase.")).toEqual(['label']);
    expect(role('In May 2012, a common primer for the 2012–13 academic year was approved.')).toEqual(['event', 'label']);
    expect(role('The 2008 Bucharest Summit invited Albania.')).toEqual(['event']);
  });

  it('relative words agree with their anchor: "later, on 10 February" after May 2009 is 10 February 2010', () => {
    const block = { id: 'b1', type: 'paragraph', text: '' } as const;
    const anchor = { value: { date: '2009-05', precision: 'month' as const, text: 'May 2009' }, block };
    const s = 'Later, on 10 February, the two ministers met again.';
    const [f] = recordInference(s, findDates(s, { previous: anchor.value }), anchor, block);
    expect(f!.value.date).toBe('2010-02-10');
    expect(f!.value.inferred).toBe('year inferred: after "May 2009" in the paragraph ("Later")');
    const t = 'On 10 February, the two ministers met.';
    const [g] = recordInference(t, findDates(t, { previous: anchor.value }), anchor, block);
    expect(g!.value.date).toBe('2009-02-10');
    expect(g!.value.inferred).toBe('year inferred from the paragraph ("May 2009")');
  });

  it('"in Albania" is the Tirana mission only when another statement says Tirana', () => {
    const src = { docSlug: 'd', anchor: 'a', quote: 'q' };
    const m = (place: string) => ({ direction: 'partner-in-albania' as const, kind: 'embassy', place, source: src });
    expect(unifyMissionPlaces([m('Albania'), m('Tirana')]).map((x) => x.place)).toEqual(['Tirana', 'Tirana']);
    expect(unifyMissionPlaces([m('Albania')]).map((x) => x.place)).toEqual(['Albania']);
    expect(unifyMissionPlaces([m('Prishtina'), m('Pristina'), m('Pristina')]).map((x) => [x.place, x.placeAsStated])).toEqual([
      ['Pristina', 'Prishtina'],
      ['Pristina', undefined],
      ['Pristina', undefined],
    ]);
  });
});
