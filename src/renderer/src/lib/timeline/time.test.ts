import { describe, expect, it } from 'vitest';
import { DAY, endOf, eventSpan, formatEventDate, isoDay, startOf, utc } from './time';

const ev = (date: string, precision: 'day' | 'month' | 'year' | 'decade' | 'range', end?: string) => ({
  date,
  precision,
  ...(end ? { end } : {}),
});

describe('precision spans', () => {
  it('a day is a point (at its midday)', () => {
    const s = eventSpan(ev('2009-04-01', 'day'));
    expect(s.point).toBe(true);
    expect(s.start).toBe(s.end);
    expect(isoDay(s.start)).toBe('2009-04-01');
    expect(s.start).toBe(utc(2009, 3, 1) + DAY / 2);
  });

  it('a year is a span from 1 January to 31 December', () => {
    const s = eventSpan(ev('2009', 'year'));
    expect(s.point).toBe(false);
    expect(isoDay(s.start)).toBe('2009-01-01');
    expect(isoDay(s.end - 1)).toBe('2009-12-31');
    expect(s.end).toBe(utc(2010));
  });

  it('a month is a span of that whole month (February of a leap year has 29 days)', () => {
    const s = eventSpan(ev('2008-02', 'month'));
    expect(isoDay(s.start)).toBe('2008-02-01');
    expect(isoDay(s.end - 1)).toBe('2008-02-29');
  });

  it('a decade is ten years: the 1950s run from 1950 to the end of 1959', () => {
    const s = eventSpan(ev('1950', 'decade', '1959'));
    expect(isoDay(s.start)).toBe('1950-01-01');
    expect(isoDay(s.end - 1)).toBe('1959-12-31');
    expect(new Date(s.end).getUTCFullYear() - new Date(s.start).getUTCFullYear()).toBe(10);
    // Without an end the decade still covers ten years.
    expect(eventSpan(ev('1990', 'decade')).end).toBe(utc(2000));
  });

  it('a range covers its first to its last period inclusive', () => {
    const s = eventSpan(ev('2022', 'range', '2023'));
    expect(isoDay(s.start)).toBe('2022-01-01');
    expect(isoDay(s.end - 1)).toBe('2023-12-31');
    const c = eventSpan(ev('1701', 'range', '1800'));
    expect(isoDay(c.end - 1)).toBe('1800-12-31');
  });

  it('period boundaries: endOf is the first instant after the period', () => {
    expect(endOf('2009')).toBe(utc(2010));
    expect(endOf('2009-12')).toBe(utc(2010, 0, 1));
    expect(endOf('2009-12-31')).toBe(utc(2010, 0, 1));
    expect(startOf('0050')).toBe(utc(50)); // years below 100 are not read as 19xx
    expect(new Date(startOf('0050')).getUTCFullYear()).toBe(50);
  });
});

describe('dates as shown', () => {
  it('never shows more precision than the source has', () => {
    expect(formatEventDate(ev('2009-04-01', 'day'))).toBe('1 April 2009');
    expect(formatEventDate(ev('2025-05', 'month'))).toBe('May 2025');
    expect(formatEventDate(ev('2009', 'year'))).toBe('2009');
    expect(formatEventDate(ev('1990', 'decade', '1999'))).toBe('1990s');
    expect(formatEventDate(ev('2022', 'range', '2023'))).toBe('2022–2023');
    expect(formatEventDate(ev('2008-09', 'range', '2009-02'))).toBe('September 2008 – February 2009');
  });
});
