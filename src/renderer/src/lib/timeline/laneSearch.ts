// A lane's events indexed for layout (see LaneSearch), built once per lane and kept while the lane
// lives, so every zoom and pan step searches instead of scanning.
import { categoryIndex, importance, kindIndex } from './cluster';
import type { LaneIndex } from './lanes';
import { sortedIndexes } from './typed';

const DAY_MS = 86_400_000;

/**
 * A lane's events indexed for layout, built on its first layout (issue 7: at 177,000 events a
 * lane can hold 140,000, and the widest zoom shows them all): in order of their middle instant,
 * as typed arrays, for the markers; and the spans by length class, for the bars.
 */
interface LaneSearch {
  /** Index into lane.events, in order of middle instant (ties: lane order). */
  order: Int32Array;
  mids: Float64Array;
  /** Length in ms, 0 for a point. */
  lengths: Float64Array;
  starts: Float64Array;
  ends: Float64Array;
  /** In lane order: index into EVENT_KINDS (cluster labels), into EVENT_CATEGORIES (colours), and importance. */
  laneKinds: Uint8Array;
  laneCats: Uint8Array;
  lanePrio: Uint8Array;
  /** Spans (not points) by class floor(log2(length in days)): indexes into lane.events, in lane order. */
  classes: { min: number; max: number; items: number[] }[];
}

const searches = new WeakMap<LaneIndex, LaneSearch>();

export function searchOf(lane: LaneIndex): LaneSearch {
  let s = searches.get(lane);
  if (s) return s;
  const n = lane.events.length;
  const mid = new Float64Array(n);
  const byClass = new Map<number, { min: number; max: number; items: number[] }>();
  for (let i = 0; i < n; i++) {
    const sp = lane.events[i]!.span;
    mid[i] = (sp.start + sp.end) / 2;
    if (sp.point) continue;
    const len = sp.end - sp.start;
    const k = Math.floor(Math.log2(Math.max(1, len / DAY_MS)));
    let c = byClass.get(k);
    if (!c) byClass.set(k, (c = { min: Infinity, max: 0, items: [] }));
    c.items.push(i);
    c.min = Math.min(c.min, len);
    c.max = Math.max(c.max, len);
  }
  const order = sortedIndexes(mid, 60_000);
  const mids = new Float64Array(n);
  const lengths = new Float64Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const laneKinds = new Uint8Array(n);
  const laneCats = new Uint8Array(n);
  const lanePrio = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = lane.events[i]!.event;
    laneKinds[i] = kindIndex(e);
    laneCats[i] = categoryIndex(e);
    lanePrio[i] = importance(e);
  }
  for (let k = 0; k < n; k++) {
    const p = lane.events[order[k]!]!;
    const sp = p.span;
    mids[k] = mid[order[k]!]!;
    starts[k] = sp.start;
    ends[k] = sp.end;
    lengths[k] = sp.point ? 0 : sp.end - sp.start;
  }
  s = { order, mids, lengths, starts, ends, laneKinds, laneCats, lanePrio, classes: [...byClass.values()] };
  searches.set(lane, s);
  return s;
}

/** First position in `items` (lane indexes, in lane order) whose event starts at or after t. */
export function firstStarting(lane: LaneIndex, items: readonly number[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lane.events[items[mid]!]!.span.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
