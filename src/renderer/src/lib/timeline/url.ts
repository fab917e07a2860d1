// The timeline's state in its URL (#/timeline?…), so a filtered, zoomed view can be bookmarked,
// shared and restored by back/forward. Defaults are left out to keep URLs short.
//   lanes=kosovo,nato   partner ids, in lane order     other=0   hide the "Other partners" lane
//   doc=<slug>          cat=conflict,people            q=<text>  from=2019  to=2025
//   win=2019-01-01~2026-01-01   the zoom window         sel=<event id>      view=list|timeline
import { EVENT_CATEGORIES, type EventCategory } from '../../../../shared/types';
import { isoDay, startOf } from './time';
import type { TimeWindow } from './scale';

export interface TimelineQuery {
  lanes: string[];
  other: boolean;
  doc: string | null;
  categories: EventCategory[];
  text: string;
  from: number | null;
  to: number | null;
  window: TimeWindow | null;
  selected: string | null;
  view: 'timeline' | 'list' | null;
}

export const EMPTY_QUERY: TimelineQuery = {
  lanes: [],
  other: true,
  doc: null,
  categories: [],
  text: '',
  from: null,
  to: null,
  window: null,
  selected: null,
  view: null,
};

const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

function year(v: string | null): number | null {
  if (v === null || !/^-?\d{1,4}$/.test(v.trim())) return null;
  return Number(v);
}

function parseWindow(v: string | null): TimeWindow | null {
  const m = v ? /^(-?\d{4}-\d{2}-\d{2})~(-?\d{4}-\d{2}-\d{2})$/.exec(v) : null;
  if (!m) return null;
  try {
    const start = startOf(m[1]!);
    const end = startOf(m[2]!);
    return end > start ? { start, end } : null;
  } catch {
    return null;
  }
}

export function parseTimelineQuery(query: string): TimelineQuery {
  const q = new URLSearchParams(query.replace(/^\?/, ''));
  const view = q.get('view');
  return {
    lanes: [...new Set(list(q.get('lanes')))],
    other: q.get('other') !== '0',
    doc: q.get('doc') || null,
    categories: list(q.get('cat')).filter((c): c is EventCategory => (EVENT_CATEGORIES as readonly string[]).includes(c)),
    text: q.get('q') ?? '',
    from: year(q.get('from')),
    to: year(q.get('to')),
    window: parseWindow(q.get('win')),
    selected: q.get('sel') || null,
    view: view === 'list' || view === 'timeline' ? view : null,
  };
}

/** The query string (without "?"); a window is rounded to whole days. */
export function timelineQueryString(s: TimelineQuery): string {
  const q = new URLSearchParams();
  if (s.lanes.length) q.set('lanes', s.lanes.join(','));
  if (!s.other) q.set('other', '0');
  if (s.doc) q.set('doc', s.doc);
  if (s.categories.length) q.set('cat', s.categories.join(','));
  if (s.text.trim()) q.set('q', s.text);
  if (s.from !== null) q.set('from', String(s.from));
  if (s.to !== null) q.set('to', String(s.to));
  if (s.window) q.set('win', `${isoDay(s.window.start)}~${isoDay(s.window.end)}`);
  if (s.selected) q.set('sel', s.selected);
  if (s.view) q.set('view', s.view);
  return q.toString().replace(/%2C/g, ',').replace(/%7E/gi, '~').replace(/\+/g, '%20');
}
