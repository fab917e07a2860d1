// The classifier on the real corpus events (the DB built by vitest's globalSetup).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TimelineEvent } from '../shared/types';
import { EVENT_CATEGORIES } from '../shared/types';
import { Library } from '../services/library';
import { categoryOfText, classifyEvent } from './categories';

let lib: Library;
let events: TimelineEvent[];
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  events = lib.timeline({});
});
afterAll(() => lib.close());

const find = (date: string, re: RegExp) => {
  const e = events.find((x) => x.date === date && re.test(x.summary));
  if (!e) throw new Error(`no event ${date} ${re}`);
  return e;
};

describe('categories of real events', () => {
  it.each([
    ['2009-04-01', /became a full member/, 'accession'],
    ['2009-04-01', /^Member of NATO/, 'accession'],
    ['2008-09-15', /Accession protocol ratified/, 'accession'],
    ['1999', /Membership Action Plan/, 'accession'],
    ['2022-07', /Intergovernmental Conference/, 'accession'],
    ['2023-11', /screening process/, 'accession'], // "…security and defence policy" is a chapter of accession
    ['2025-05', /free-movement/, 'people'],
    ['2012-05', /common primer/, 'people'],
    ['2019-11-26', /earthquake/, 'people'],
    ['2018-08', /air base/, 'security'],
    ['2021-05', /defence ministers/, 'security'],
    ['2022-05-26', /naval base/, 'security'],
    ['2022-03', /351 Ukrainian refugees/, 'conflict'],
    ['2022-03', /shelled/, 'conflict'],
    ['2014', /annexation of Crimea/, 'conflict'],
    ['1999', /Kosovo War/, 'conflict'],
    ['2015', /energy interconnection/, 'economy'],
    ['2025-04', /railway/, 'economy'],
    ['2019', /customs office/, 'economy'],
    ['1996', /Treaty of Peace and Friendship/, 'diplomatic'], // it discusses refugees, but it is a treaty
    ['1993-01-13', /Diplomatic relations/, 'diplomatic'],
    ['2008-02-18', /Relations established with Kosovo/, 'diplomatic'],
    ['2022-09-07', /suspended with Iran/, 'diplomatic'],
    ['2020-09', /opened an embassy/, 'diplomatic'],
  ] as const)('%s %s → %s', (date, re, category) => {
    expect(find(date, re).category).toBe(category);
  });

  it('every relations-established row is diplomatic', () => {
    const rows = events.filter((e) => /^Relations (?:re-)?established/.test(e.summary));
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((e) => e.category === 'diplomatic')).toBe(true);
  });

  it('every event has one of the six categories, and each category is used', () => {
    const used = new Set(events.map((e) => e.category));
    expect([...used].every((c) => EVENT_CATEGORIES.includes(c))).toBe(true);
    expect(used.size).toBe(EVENT_CATEGORIES.length);
  });
});

describe('the rules', () => {
  it('"Security Council" is not a defence word', () => {
    expect(categoryOfText('tabled a resolution at the UN Security Council')).toBe('diplomatic');
    expect(categoryOfText('the National Security Strategy')).toBe('security');
  });

  it('falls back from the summary to the quote, the headings, then the document', () => {
    const base = { summary: 'It was completed', quote: 'It was completed in 2020.', docSlug: 'x' };
    expect(classifyEvent({ ...base, headings: ['Relations', 'Economic'] })).toBe('economy');
    expect(classifyEvent({ ...base, headings: [] })).toBe('diplomatic');
    expect(classifyEvent({ ...base, headings: [], docSlug: 'albania-nato-relations' })).toBe('security');
  });
});
