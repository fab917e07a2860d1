// The timeline's lanes: one per partner, plus "Other partners", each holding the events that name
// it, in order of start. layout.ts lays out what a lane shows in the current window.
import type { TimelineMark } from '../../../../shared/types';
import { eventSpan, type Span } from './time';

export interface Placed {
  event: TimelineMark;
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
export function buildLanes(events: readonly TimelineMark[], lanes: readonly LaneSpec[]): LaneIndex[] {
  const named = new Set(lanes.filter((l) => l.partner !== null).map((l) => l.partner!));
  const byLane: Placed[][] = lanes.map(() => []);
  // Which lanes an event goes to depends only on its partners; events with the same partners
  // share one array (expandMarks), so this is decided a few thousand times, not per event.
  const targetsOf = new Map<readonly string[], number[]>();
  for (const event of events) {
    let targets = targetsOf.get(event.partners);
    if (targets === undefined) {
      targets = [];
      for (let i = 0; i < lanes.length; i++) {
        const partner = lanes[i]!.partner;
        if (partner === null ? !event.partners.some((n) => named.has(n)) : event.partners.includes(partner)) targets.push(i);
      }
      targetsOf.set(event.partners, targets);
    }
    if (targets.length === 0) continue;
    const placed = { event, span: eventSpan(event) };
    for (const i of targets) byLane[i]!.push(placed);
  }
  return lanes.map((lane, i) => {
    const mine = byLane[i]!;
    // Already nearly in order (events come oldest first): the sort only fixes ties and coarse dates.
    mine.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    let maxLength = 0;
    for (const p of mine) maxLength = Math.max(maxLength, p.span.end - p.span.start);
    return { ...lane, events: mine, maxLength };
  });
}
