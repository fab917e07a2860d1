// The indexed layout (typed arrays, length classes, lazy cluster members; issue 7) draws exactly
// what the plain algorithm it replaced draws: checked on the real corpus and on synthetic lanes
// across zooms from centuries to days.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EVENT_CATEGORIES, type Precision, type TimelineMark } from '../../../../shared/types';
import { expandMarks } from '../../../../shared/timelineMarks';
import { Library } from '../../../../services/library';
import { clusterLabel } from './cluster';
import { buildLanes, centre, layoutLane, LAYOUT_DEFAULTS, OTHER_LANE, sortedIndexes, type LaneIndex, type LaneItem, type LaneLayout, type LayoutOptions } from './layout';
import type { TimeWindow } from './scale';
import { utc } from './time';

/** The layout as it was written first: every visible event as an object, sorted, grouped. */
function reference(lane: LaneIndex, w: TimeWindow, width: number, opts: LayoutOptions = LAYOUT_DEFAULTS) {
  const msPerPx = (w.end - w.start) / Math.max(1, width);
  const margin = Math.max(opts.gapPx * 4, width * 0.1) * msPerPx;
  const visible = lane.events.filter((p) => p.span.start <= w.end + margin && p.span.end >= w.start - margin);
  const x = (t: number) => (t - w.start) / msPerPx;
  const pool: { x: number; p: (typeof visible)[number] }[] = [];
  const wide: typeof visible = [];
  for (const p of visible) {
    const len = (p.span.end - p.span.start) / msPerPx;
    if (p.span.point || len < opts.minSpanPx) pool.push({ x: x((p.span.start + p.span.end) / 2), p });
    else if (p.span.end > w.start && p.span.start < w.end) wide.push(p);
  }
  const rowEnds: number[] = [];
  const spans: { id: string; x: number; x2: number; row: number }[] = [];
  for (const p of wide) {
    const x1 = x(p.span.start);
    const x2 = x(p.span.end);
    let row = rowEnds.findIndex((end) => end <= x1 + 0.5);
    if (row < 0 && rowEnds.length < opts.maxSpanRows) row = rowEnds.push(x2) - 1;
    if (row < 0) {
      pool.push({ x: (Math.max(x1, 0) + Math.min(x2, width)) / 2, p });
      continue;
    }
    rowEnds[row] = x2;
    spans.push({ id: p.event.id, x: x1, x2, row });
  }
  pool.sort((a, b) => a.x - b.x);
  const marks: { kind: string; id: string; x: number; members: string[]; label: string }[] = [];
  let group: typeof pool = [];
  const close = () => {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    if (!(last.x < -opts.gapPx || first.x > width + opts.gapPx)) {
      const members = group.map((g) => g.p.event);
      marks.push(
        group.length === 1
          ? { kind: 'point', id: first.p.event.id, x: first.x, members: [first.p.event.id], label: '' }
          : { kind: 'cluster', id: `c:${lane.key}:${members[0]!.id}`, x: first.x, members: members.map((m) => m.id), label: clusterLabel(members) },
      );
    }
    group = [];
  };
  for (const item of pool) {
    if (group.length > 0 && item.x - group[group.length - 1]!.x > opts.gapPx) close();
    group.push(item);
  }
  if (group.length > 0) close();
  return { marks, spans, rows: rowEnds.length };
}

function shape(layout: LaneLayout) {
  return {
    marks: layout.marks.map((m) =>
      m.kind === 'cluster'
        ? { kind: m.kind, id: m.id, x: m.x, members: m.members.map((e) => e.id), label: m.label }
        : { kind: m.kind, id: m.id, x: m.x, members: [m.id], label: '' },
    ),
    spans: layout.spans.map((s) => (s.kind === 'span' ? { id: s.id, x: s.x, x2: s.x2, row: s.row } : null)),
    rows: layout.rows,
  };
}

function expectSame(lane: LaneIndex, w: TimeWindow, width: number): void {
  const mine = layoutLane(lane, w, width);
  expect(shape(mine)).toEqual(reference(lane, w, width));
  // Items in reading order, each cluster's summary fields agreeing with its members.
  const centres = mine.items.map((i) => centre(i, width));
  expect([...centres].sort((a, b) => a - b)).toEqual(centres);
  for (const c of mine.marks) {
    if (c.kind !== 'cluster') continue;
    expect([c.first.id, c.last.id, c.size]).toEqual([c.members[0]!.id, c.members[c.members.length - 1]!.id, c.members.length]);
    expect(c.includes(c.last.id) && !c.includes('no-such-id')).toBe(true);
  }
}

const windows: TimeWindow[] = [
  { start: utc(1700), end: utc(2030) },
  { start: utc(1900), end: utc(2030) },
  { start: utc(1990), end: utc(2026) },
  { start: utc(2005, 6), end: utc(2012) },
  { start: utc(2008), end: utc(2010) },
  { start: utc(2008, 8), end: utc(2009, 2) },
  { start: utc(2009, 0, 1), end: utc(2009, 0, 15) },
];

describe('the layout on the real corpus', () => {
  let lib: Library;
  let marks: TimelineMark[];
  beforeAll(() => {
    lib = Library.open(inject('dbPath'));
    marks = expandMarks(lib.timelineMarks());
  });
  afterAll(() => lib.close());

  it('matches the plain algorithm in every lane, zoom and width', () => {
    const lanes = buildLanes(marks, [
      ...['NATO', 'Kosovo', 'Ukraine', 'European Union'].map((p) => ({ key: p, label: p, partner: p })),
      { key: OTHER_LANE, label: 'Other partners', partner: null },
    ]);
    for (const lane of lanes) for (const w of windows) for (const width of [320, 1000, 1600]) expectSame(lane, w, width);
  });
});

describe('the layout of a large synthetic lane', () => {
  /** Deterministic pseudo-random numbers (mulberry32). */
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function synthetic(n: number): TimelineMark[] {
    const r = random(7);
    const pad = (v: number) => String(v).padStart(2, '0');
    const out: TimelineMark[] = [];
    for (let i = 0; i < n; i++) {
      const year = r() < 0.7 ? 1990 + Math.floor(r() * 36) : 1850 + Math.floor(r() * 140);
      const p = r();
      const precision: Precision = p < 0.45 ? 'day' : p < 0.7 ? 'month' : p < 0.9 ? 'year' : p < 0.95 ? 'decade' : 'range';
      const month = pad(1 + Math.floor(r() * 12));
      const date =
        precision === 'day' ? `${year}-${month}-${pad(1 + Math.floor(r() * 28))}` : precision === 'month' ? `${year}-${month}` : precision === 'decade' ? String(year - (year % 10)) : String(year);
      out.push({
        id: `s${i}`,
        date,
        precision,
        ...(precision === 'range' ? { end: String(year + 1 + Math.floor(r() * 8)) } : {}),
        partners: ['NATO'],
        docSlug: 'synthetic',
        category: EVENT_CATEGORIES[i % EVENT_CATEGORIES.length]!,
        kind: r() < 0.1 ? 'ratification-unnamed' : 'other',
      });
    }
    return out;
  }

  it('matches the plain algorithm from centuries down to days (20,000 events)', () => {
    const [lane] = buildLanes(synthetic(20_000), [{ key: 'nato', label: 'NATO', partner: 'NATO' }]);
    for (const w of windows) for (const width of [700, 1280]) expectSame(lane!, w, width);
  });

  it('makes a huge cluster\'s member list only when asked for', () => {
    const [lane] = buildLanes(synthetic(20_000), [{ key: 'nato', label: 'NATO', partner: 'NATO' }]);
    const layout = layoutLane(lane!, windows[0]!, 1000);
    const big = layout.marks.find((m): m is Extract<LaneItem, { kind: 'cluster' }> => m.kind === 'cluster' && m.size > 1000)!;
    expect(big.label).toMatch(/^\d+ events: \d+ ratifications \(countries not named in the source\), \d+ other events$/);
    expect(big.members).toBe(big.members); // made once, then kept
  });
});

describe('sortedIndexes', () => {
  it('orders like a stable comparator sort, ties and near-ties included', () => {
    const r = (() => {
      let seed = 3;
      return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    })();
    for (const [n, spread, resolution] of [[0, 1, 1], [1, 1, 1], [1000, 10, 1], [5000, 1e12, 60_000], [3000, 2000, 1 / 1024], [2000, 1e300, 1]] as const) {
      const values = Float64Array.from({ length: n }, () => Math.floor(r() * spread) + (r() < 0.3 ? r() * resolution : 0));
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
      expect([...sortedIndexes(values, resolution)]).toEqual(expected);
    }
  });
});
