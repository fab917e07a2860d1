// Lanes (one per partner, plus "Other partners") and what is visible in each at the current
// window: only events that overlap the window are laid out, so the number of drawn marks depends
// on the screen, not on the size of the library. Points and spans narrower than a few pixels are
// clustered; wider spans are packed into rows, and those that find no free row are clustered too,
// so that no mark hides another.
import type { TimelineEvent } from '../../../../shared/types';
import { clusterLabel, groupByGap } from './cluster';
import { eventSpan, type Span } from './time';
import type { TimeWindow } from './scale';

export interface Placed {
  event: TimelineEvent;
  span: Span;
}

export interface LaneSpec {
  /** Partner id, or OTHER_LANE. */
  key: string;
  label: string;
  /** Partner name as events carry it; null for the "Other partners" lane. */
  partner: string | null;
}

export const OTHER_LANE = '__other';

export interface LaneIndex extends LaneSpec {
  /** Sorted by start, then end. */
  events: Placed[];
  /** Longest span in the lane (ms), to find spans that began before the window. */
  maxLength: number;
}

/** Events into lanes. An event naming two lane partners appears in both; "Other" takes events naming none. */
export function buildLanes(events: readonly TimelineEvent[], lanes: readonly LaneSpec[]): LaneIndex[] {
  const placed = events.map((event) => ({ event, span: eventSpan(event) }));
  const named = new Set(lanes.filter((l) => l.partner !== null).map((l) => l.partner!));
  return lanes.map((lane) => {
    const mine =
      lane.partner === null
        ? placed.filter((p) => !p.event.partners.some((n) => named.has(n)))
        : placed.filter((p) => p.event.partners.includes(lane.partner!));
    mine.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    let maxLength = 0;
    for (const p of mine) maxLength = Math.max(maxLength, p.span.end - p.span.start);
    return { ...lane, events: mine, maxLength };
  });
}

/** First index whose start is >= t (binary search). */
function lowerBound(events: readonly Placed[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.span.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events of a lane that overlap [from, to], in order. */
export function eventsIn(lane: LaneIndex, from: number, to: number): Placed[] {
  const out: Placed[] = [];
  for (let i = lowerBound(lane.events, from - lane.maxLength); i < lane.events.length; i++) {
    const p = lane.events[i]!;
    if (p.span.start > to) break;
    if (p.span.end >= from) out.push(p);
  }
  return out;
}

export type LaneItem =
  | { kind: 'point'; id: string; x: number; event: TimelineEvent; span: Span }
  | { kind: 'span'; id: string; x: number; x2: number; row: number; event: TimelineEvent; span: Span }
  | { kind: 'cluster'; id: string; x: number; x2: number; members: TimelineEvent[]; label: string };

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

/** What to draw for one lane in a window `width` pixels wide. */
export function layoutLane(lane: LaneIndex, w: TimeWindow, width: number, opts: LayoutOptions = LAYOUT_DEFAULTS): LaneLayout {
  const msPerPx = (w.end - w.start) / Math.max(1, width);
  // A margin beyond the edges, so a cluster crossing an edge keeps all its members.
  const margin = Math.max(opts.gapPx * 4, width * 0.1) * msPerPx;
  const visible = eventsIn(lane, w.start - margin, w.end + margin);
  const x = (t: number) => (t - w.start) / msPerPx;

  const pool: { x: number; p: Placed }[] = [];
  const wide: Placed[] = [];
  for (const p of visible) {
    const len = (p.span.end - p.span.start) / msPerPx;
    if (p.span.point || len < opts.minSpanPx) pool.push({ x: x((p.span.start + p.span.end) / 2), p });
    else if (p.span.end > w.start && p.span.start < w.end) wide.push(p);
  }
  // Greedy row packing: each span goes to the first row it does not overlap. A span that finds
  // no free row joins the markers (and so a cluster) rather than hide another span.
  const rowEnds: number[] = [];
  const spans: LaneItem[] = [];
  for (const p of wide) {
    const x1 = x(p.span.start);
    const x2 = x(p.span.end);
    let row = rowEnds.findIndex((end) => end <= x1 + 0.5); // touching is fine: 2008 and 2009 share a row
    if (row < 0 && rowEnds.length < opts.maxSpanRows) row = rowEnds.push(x2) - 1;
    if (row < 0) {
      pool.push({ x: (Math.max(x1, 0) + Math.min(x2, width)) / 2, p });
      continue;
    }
    rowEnds[row] = x2;
    spans.push({ kind: 'span', id: p.event.id, x: x1, x2, row, event: p.event, span: p.span });
  }
  pool.sort((a, b) => a.x - b.x);

  const marks: LaneItem[] = [];
  for (const group of groupByGap(pool, opts.gapPx)) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    if (last.x < -opts.gapPx || first.x > width + opts.gapPx) continue; // wholly off screen
    if (group.length === 1) {
      marks.push({ kind: 'point', id: first.p.event.id, x: first.x, event: first.p.event, span: first.p.span });
    } else {
      const members = group.map((g) => g.p.event);
      marks.push({
        kind: 'cluster',
        id: `c:${lane.key}:${members[0]!.id}:${members.length}`,
        x: first.x,
        x2: last.x,
        members,
        label: clusterLabel(members),
      });
    }
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
