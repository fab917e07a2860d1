import { describe, expect, it } from 'vitest';
import { chooseTicks, clampWindow, describeWindow, fitWindow, limitsFor, MIN_SPAN, panWindow, toX, zoomWindow } from './scale';
import { DAY, isoDay, utc, YEAR } from './time';

const limits = limitsFor({ start: utc(1701), end: utc(2027) });

describe('ticks suit the zoom', () => {
  const cases: [string, number, number, string, string[]][] = [
    ['three centuries → 50- or 100-year ticks', 1700, 2027, 'century', ['1750', '1800']],
    ['a century → decades', 1920, 2020, 'decade', ['1920s', '1930s']],
    ['2019–2025 → years', 2019, 2026, 'year', ['2019', '2020', '2025']],
  ];
  for (const [name, a, b, unit, labels] of cases) {
    it(name, () => {
      const t = chooseTicks({ start: utc(a), end: utc(b) }, 1000);
      expect(t.unit).toBe(unit);
      for (const l of labels) expect(t.ticks.map((x) => x.label)).toContain(l);
    });
  }

  it('a year → months, with the year as context', () => {
    const t = chooseTicks({ start: utc(2008, 8), end: utc(2009, 2) }, 1000);
    expect(t.unit).toBe('month');
    expect(t.ticks.map((x) => x.label)).toEqual(['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
    expect(t.context.map((x) => x.label)).toEqual(['2008', '2009']);
  });

  it('ten days → days, with the month as context', () => {
    const t = chooseTicks({ start: utc(2009, 2, 25), end: utc(2009, 3, 5) }, 1000);
    expect(t.unit).toBe('day');
    expect(t.ticks[0]!.label).toBe('25');
    expect(t.ticks.map((x) => x.label)).toContain('1');
    expect(t.context.map((x) => x.label)).toEqual(['Mar 2009', 'Apr 2009']);
  });

  it('ticks are never closer than the minimum spacing', () => {
    for (const years of [300, 60, 7, 1, 0.1]) {
      const w = { start: utc(1990), end: utc(1990) + years * YEAR };
      const t = chooseTicks(w, 800, 60);
      const xs = t.ticks.map((k) => toX(k.t, w, 800));
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(40); // calendar months/days vary in length
    }
  });
});

describe('zoom and pan', () => {
  it('zooms around the anchor and keeps it in place', () => {
    const w = { start: utc(2000), end: utc(2020) };
    const anchor = utc(2010);
    const z = zoomWindow(w, 2, anchor, limits);
    expect(z.end - z.start).toBeCloseTo((w.end - w.start) / 2, -3);
    expect(toX(anchor, z, 1000)).toBeCloseTo(toX(anchor, w, 1000), 6);
  });

  it('stops at days and at centuries', () => {
    let w = { start: utc(2000), end: utc(2020) };
    for (let i = 0; i < 50; i++) w = zoomWindow(w, 2, utc(2010), limits);
    expect(w.end - w.start).toBe(MIN_SPAN);
    expect(chooseTicks(w, 1000).unit).toBe('day');
    for (let i = 0; i < 50; i++) w = zoomWindow(w, 0.5, utc(2010), limits);
    expect(w.end - w.start).toBe(limits.maxSpan);
    expect(w).toEqual(limits.bounds); // all of it: three centuries and more, never beyond the data
  });

  it('pans by a fraction of the window and stays inside the data', () => {
    const w = { start: utc(2000), end: utc(2010) };
    const p = panWindow(w, 0.1, limits);
    expect(Math.abs(p.start - utc(2001))).toBeLessThan(2 * DAY);
    const far = panWindow(w, 100, limits);
    expect(far.end).toBeLessThanOrEqual(limits.bounds.end);
    expect(far.end - far.start).toBeCloseTo(w.end - w.start, -3);
  });

  it('fits a range with a margin, and a tiny one up to the minimum span', () => {
    const f = fitWindow(utc(2019), utc(2026), limits);
    expect(f.start).toBeLessThan(utc(2019));
    expect(f.end).toBeGreaterThan(utc(2026));
    const d = fitWindow(utc(2009, 3, 1), utc(2009, 3, 1) + DAY, limits);
    expect(d.end - d.start).toBeGreaterThanOrEqual(MIN_SPAN);
    expect(clampWindow({ start: 5, end: 4 }, limits).end).toBeGreaterThan(5);
  });

  it('describes the window in words', () => {
    expect(describeWindow({ start: utc(2019), end: utc(2026) })).toBe('2019 – 2025');
    expect(describeWindow({ start: utc(2008, 8), end: utc(2009, 2) })).toBe('Sep 2008 – Feb 2009');
  });
});
