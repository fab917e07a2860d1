// What the plot says about a marker and which events it stands for: shared by the drawing (labels,
// tooltips), the pointer handlers and the keyboard navigation.
import { EVENT_CATEGORY_LABELS } from '../../../../shared/types';
import { clusterDates } from './cluster';
import type { LaneItem } from './layout';
import type { Selection, TimelineState } from './state.svelte';
import { formatEventDate, PRECISION_LABELS } from './time';
import { shortLabel } from './labels';

/** Whether the marker stands for the event with this id (a cluster: one of its members). */
export function contains(item: LaneItem, id: string): boolean {
  return item.kind === 'cluster' ? item.includes(id) : item.event.id === id;
}

/** The ids a selection holds. */
export function selectionIds(s: Selection): string[] {
  return s === null ? [] : s.kind === 'event' ? [s.id] : s.ids;
}

/** The first id of a selection (the one focus and zoom follow), or null. */
export function selectionAnchor(s: Selection): string | null {
  return s === null ? null : s.kind === 'event' ? s.id : s.ids[0]!;
}

/** A marker as the selection it makes when chosen. */
export function selectionOf(item: LaneItem): Selection {
  return item.kind === 'cluster' ? { kind: 'cluster', ids: item.members.map((m) => m.id), label: item.label } : { kind: 'event', id: item.event.id };
}

/** A marker read out in full: its date, precision, category and summary; a cluster's label and dates. */
export function itemText(item: LaneItem, tl: TimelineState): string {
  if (item.kind === 'cluster') return `${item.label}, ${clusterDates([item.first, item.last])}. Enter expands.`;
  const e = item.event;
  // The summary arrives with the event's details (fetched for the markers on show).
  const summary = tl.detailOf(e)?.summary;
  return `${formatEventDate(e)} (${PRECISION_LABELS[e.precision]}), ${EVENT_CATEGORY_LABELS[e.category]}${summary ? `: ${summary}` : ''}`;
}

/** A marker's words beside it: its event's summary, shortened; a cluster's, its most important event's. */
export function markLabel(item: LaneItem, tl: TimelineState): string | null {
  const summary = tl.detailOf(item.kind === 'cluster' ? item.top : item.event)?.summary;
  if (item.kind === 'cluster') return shortLabel(summary ?? item.label);
  return summary ? shortLabel(summary) : null;
}
