// Where things sit in the drawn timeline: lane and axis heights, the rows of points and bars, and
// the box each marker is drawn in. Shared by the plot, its lanes and its keyboard navigation.
import type { LaneItem } from './layout';

export const LANE_H = 72;
export const AXIS_H = 44;
export const POINT_Y = 34;
export const SPAN_Y = 45;
export const SPAN_ROW = 13;
/** A bar's height: room for a label inside it. */
export const SPAN_H = 11;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  rx: number;
}

/** Where a marker is drawn: a cluster's pill with its count, a day's dot, a short period's bar. */
export function markBox(m: LaneItem): Box {
  if (m.kind === 'cluster') {
    const w = Math.max(26, m.x2 - m.x + 18);
    return { x: (m.x + m.x2) / 2 - w / 2, y: POINT_Y - 10, w, h: 20, rx: 10 };
  }
  // A month or a year too narrow to show at this zoom is a bar, never a day's dot.
  return m.kind === 'point' && m.span.point ? { x: m.x - 6, y: POINT_Y - 6, w: 12, h: 12, rx: 6 } : { x: m.x - 2, y: POINT_Y - 8, w: 4, h: 16, rx: 1 };
}
