// What is visible in each lane (lanes.ts: one per partner, plus "Other partners") at the current
// window: only events that overlap the window are laid out, so the number of drawn marks depends
// on the screen, not on the size of the library. Points and spans narrower than a few pixels are
// clustered; wider spans are packed into rows, and those that find no free row are clustered too,
// so that no mark hides another.
import { EVENT_CATEGORIES, EVENT_KINDS, type TimelineMark } from '../../../../shared/types';
import { labelFromCounts } from './cluster';
import { firstAtLeast, Scratch, sortedIndexes } from './typed';
import type { Span } from './time';
import type { TimeWindow } from './scale';
import type { LaneIndex, Placed } from './lanes';
import { firstStarting, searchOf } from './laneSearch';

// The lanes themselves are built in lanes.ts; their names are also exported here, where the
// timeline's modules have always found them.
export { sortedIndexes };
export { buildLanes, OTHER_LANE, type LaneIndex, type LaneSpec, type Placed } from './lanes';

export type LaneItem =
  | { kind: 'point'; id: string; x: number; event: TimelineMark; span: Span }
  | { kind: 'span'; id: string; x: number; x2: number; row: number; event: TimelineMark; span: Span }
  | LaneCluster;

/**
 * Markers closer than a few pixels, as one. At the widest zoom of a large library one cluster can
 * hold 100,000 events: its member list is made only when asked for (selecting, expanding).
 */
export class LaneCluster {
  readonly kind = 'cluster' as const;
  #members: TimelineMark[] | null = null;

  constructor(
    readonly id: string,
    readonly x: number,
    readonly x2: number,
    readonly label: string,
    /** Members, in order of x: the first, the last, how many. */
    readonly first: TimelineMark,
    readonly last: TimelineMark,
    readonly size: number,
    /** Members by category (EVENT_CATEGORIES order), for the pill's colours. */
    readonly categories: Uint32Array,
    /** The member the cluster is labelled by: the most important (cluster.ts `importance`). */
    readonly top: TimelineMark,
    private readonly refs: Int32Array,
    private readonly eventAt: (ref: number) => TimelineMark,
  ) {}

  get members(): TimelineMark[] {
    this.#members ??= Array.from(this.refs, (r) => this.eventAt(r));
    return this.#members;
  }

  /** Whether the event with this id is a member (without making the member list). */
  includes(id: string): boolean {
    if (this.#members) return this.#members.some((m) => m.id === id);
    for (const r of this.refs) if (this.eventAt(r).id === id) return true;
    return false;
  }
}

export interface LaneLayout {
  key: string;
  label: string;
  /** Markers on the point row, clusters included, sorted by x. */
  marks: LaneItem[];
  /** Span bars, in rows 0..rows-1 below the point row. */
  spans: LaneItem[];
  rows: number;
  /** Every item in reading order (by x), for keyboard navigation. */
  items: LaneItem[];
}

export interface LayoutOptions {
  /** Markers closer than this merge into a cluster. */
  gapPx: number;
  /** Spans narrower than this are drawn (and clustered) on the point row. */
  minSpanPx: number;
  maxSpanRows: number;
}

export const LAYOUT_DEFAULTS: LayoutOptions = { gapPx: 16, minSpanPx: 12, maxSpanRows: 2 };

const scratch = new Scratch();

/** What to draw for one lane in a window `width` pixels wide. */
export function layoutLane(lane: LaneIndex, w: TimeWindow, width: number, opts: LayoutOptions = LAYOUT_DEFAULTS): LaneLayout {
  const msPerPx = (w.end - w.start) / Math.max(1, width);
  // A margin beyond the edges, so a cluster crossing an edge keeps all its members.
  const margin = Math.max(opts.gapPx * 4, width * 0.1) * msPerPx;
  const from = w.start - margin;
  const to = w.end + margin;
  /** Spans at least this long are bars; shorter ones are markers like points. */
  const minLength = opts.minSpanPx * msPerPx;
  const x = (t: number) => (t - w.start) / msPerPx;
  const search = searchOf(lane);

  // Bars: spans at least minLength long that overlap the window, in lane order. Only the length
  // classes that can hold one are searched, each from the window's start less its longest span.
  const wideAll = scratch.ints(0, lane.events.length);
  let nWide = 0;
  for (const c of search.classes) {
    if (c.max < minLength) continue;
    for (let j = firstStarting(lane, c.items, w.start - c.max); j < c.items.length; j++) {
      const i = c.items[j]!;
      const sp = lane.events[i]!.span;
      if (sp.start >= w.end) break;
      if (sp.end > w.start && sp.end - sp.start >= minLength) wideAll[nWide++] = i;
    }
  }
  const wide = wideAll.subarray(0, nWide).sort();

  // Greedy row packing: each span goes to the first row it does not overlap. A span that finds
  // no free row joins the markers (and so a cluster) rather than hide another span.
  const rowEnds: number[] = [];
  const spans: LaneItem[] = [];
  // Spans that found no row (at some zooms, tens of thousands): their x and lane index.
  const overX = scratch.floats(0, nWide);
  const overIdx = scratch.ints(1, nWide);
  let nOver = 0;
  for (const i of wide) {
    const p = lane.events[i]!;
    const x1 = x(p.span.start);
    const x2 = x(p.span.end);
    let row = rowEnds.findIndex((end) => end <= x1 + 0.5); // touching is fine: 2008 and 2009 share a row
    if (row < 0 && rowEnds.length < opts.maxSpanRows) row = rowEnds.push(x2) - 1;
    if (row < 0) {
      overX[nOver] = (Math.max(x1, 0) + Math.min(x2, width)) / 2;
      overIdx[nOver++] = i;
      continue;
    }
    rowEnds[row] = x2;
    spans.push({ kind: 'span', id: p.event.id, x: x1, x2, row, event: p.event, span: p.span });
  }
  // In order of x (ties: their order), by a native sort of keys: x to 1/1024 px, then j.
  const overflow = sortedIndexes(overX.subarray(0, nOver), 1 / 1024);
  // Kept by the clusters (their members are resolved later, after other layouts reuse the buffers).
  const overLane = overIdx.slice(0, nOver);

  // Markers: points and short spans that overlap [from, to], by their middle, merged with the
  // overflow, then grouped into clusters where closer than gapPx. Typed arrays throughout, no
  // object per event (issue 7: wide zoom steps at 177,000 events).
  const { order, mids, lengths, starts, ends, laneKinds, laneCats, lanePrio } = search;
  const lo = firstAtLeast(mids, from - minLength / 2);
  const cap = mids.length - lo + overflow.length;
  const xs = scratch.floats(1, cap);
  // A ref is a position k in middle order, or -1 - j for overflow[j].
  const refs = scratch.ints(2, cap);
  let m = 0;
  let o = 0;
  for (let k = lo; k < mids.length && mids[k]! <= to + minLength / 2; k++) {
    const len = lengths[k]!;
    if (len !== 0 && len >= minLength) continue; // a bar, or dropped with the bars
    if (ends[k]! < from || starts[k]! > to) continue;
    const xv = (mids[k]! - w.start) / msPerPx;
    while (o < overflow.length && overX[overflow[o]!]! < xv) {
      xs[m] = overX[overflow[o]!]!;
      refs[m++] = -1 - o++;
    }
    xs[m] = xv;
    refs[m++] = k;
  }
  while (o < overflow.length) {
    xs[m] = overX[overflow[o]!]!;
    refs[m++] = -1 - o++;
  }

  const placedAt = (ref: number): Placed => lane.events[ref >= 0 ? order[ref]! : overLane[overflow[-1 - ref]!]!]!;
  const eventAt = (ref: number): TimelineMark => placedAt(ref).event;
  const marks: LaneItem[] = [];
  const counts = new Uint32Array(EVENT_KINDS.length);
  const laneIndex = (ref: number): number => (ref >= 0 ? order[ref]! : overLane[overflow[-1 - ref]!]!);
  let a = 0;
  for (let b = 1; b <= m; b++) {
    if (b < m && xs[b]! - xs[b - 1]! <= opts.gapPx) continue;
    // [a, b) is a group; one wholly off screen is not drawn.
    const firstX = xs[a]!;
    const lastX = xs[b - 1]!;
    if (!(lastX < -opts.gapPx || firstX > width + opts.gapPx)) {
      if (b - a === 1) {
        const p = placedAt(refs[a]!);
        marks.push({ kind: 'point', id: p.event.id, x: firstX, event: p.event, span: p.span });
      } else {
        counts.fill(0);
        const cats = new Uint32Array(EVENT_CATEGORIES.length);
        let top = a;
        let topPrio = -1;
        for (let j = a; j < b; j++) {
          const li = laneIndex(refs[j]!);
          counts[laneKinds[li]!]!++;
          cats[laneCats[li]!]!++;
          if (lanePrio[li]! > topPrio) {
            topPrio = lanePrio[li]!;
            top = j;
          }
        }
        const first = eventAt(refs[a]!);
        // Keyed by its first member, not its size: while zooming, a cluster that grows or
        // shrinks keeps its DOM node (issue 7: zoom steps).
        marks.push(new LaneCluster(`c:${lane.key}:${first.id}`, firstX, lastX, labelFromCounts(counts, b - a), first, eventAt(refs[b - 1]!), b - a, cats, eventAt(refs[top]!), refs.slice(a, b), eventAt));
      }
    }
    a = b;
  }

  const items = [...marks, ...spans].sort((a, b) => centre(a, width) - centre(b, width));
  return { key: lane.key, label: lane.label, marks, spans, rows: rowEnds.length, items };
}

/** Where an item is for navigation: its marker, or the visible middle of a span. */
export function centre(item: LaneItem, width: number): number {
  if (item.kind === 'point') return item.x;
  const a = Math.max(0, item.x);
  const b = Math.min(width, item.x2);
  return (a + b) / 2;
}
