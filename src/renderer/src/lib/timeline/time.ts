// Dates of timeline events as instants (ms since the epoch, UTC) and as spans, so that precision
// stays visible: a day is a point; a month, a year, a decade or a range covers its whole period
// (a year runs from 1 January to 31 December, i.e. up to the first instant of the next year).
import type { Precision, TimelineMark } from '../../../../shared/types';

export const DAY = 86_400_000;
/** Average lengths, for zoom limits and tick spacing only (never for placing a date). */
export const YEAR = 365.2425 * DAY;
export const MONTH = YEAR / 12;

export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The first instant of a UTC calendar day; months overflow into years (month 12 → January of year + 1). */
export function utc(year: number, month = 0, day = 1): number {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const d = new Date(0);
  d.setUTCFullYear(y, m, day); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

export interface Parts {
  year: number;
  /** 0-based, or undefined for a bare year. */
  month?: number;
  day?: number;
}

/** "2009", "2009-04", "2009-04-01" → parts; throws on anything else. */
export function parseIso(date: string): Parts {
  const m = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) throw new Error(`Not a timeline date: "${date}"`);
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]) - 1;
  if (m[3] === undefined) return { year, month };
  return { year, month, day: Number(m[3]) };
}

// Memoised by date string: 177,000 events name a few tens of thousands of distinct dates.
const starts = new Map<string, number>();
const ends = new Map<string, number>();

/** First instant of the period a date names. */
export function startOf(date: string): number {
  let t = starts.get(date);
  if (t === undefined) {
    const p = parseIso(date);
    t = utc(p.year, p.month ?? 0, p.day ?? 1);
    starts.set(date, t);
  }
  return t;
}

/** First instant after the period a date names ("2009" → 2010-01-01, "2009-04" → 2009-05-01). */
export function endOf(date: string): number {
  let t = ends.get(date);
  if (t === undefined) {
    const p = parseIso(date);
    t = p.month === undefined ? utc(p.year + 1, 0, 1) : p.day === undefined ? utc(p.year, p.month + 1, 1) : utc(p.year, p.month, p.day + 1);
    ends.set(date, t);
  }
  return t;
}

export interface Span {
  /** Instant of a point; start of a span. */
  start: number;
  /** Equal to start for a point; otherwise the first instant after the span. */
  end: number;
  point: boolean;
}

type Dated = Pick<TimelineMark, 'date' | 'precision' | 'end'>;

// Spans depend on the date (and the end of a decade or period) only, so events share them:
// looked up by date string, not kept per event (a WeakMap entry for each of 177,000 events cost
// more than the rest of the first render; issue 7).
const spans = new Map<Precision, Map<string, Span>>();

/** Where an event sits on the axis: a day is a point at midday; anything coarser is a span of its whole period. (Shared, read-only.) */
export function eventSpan(e: Dated): Readonly<Span> {
  let byDate = spans.get(e.precision);
  if (!byDate) spans.set(e.precision, (byDate = new Map()));
  const key = e.end === undefined ? e.date : `${e.date}~${e.end}`;
  let s = byDate.get(key);
  if (!s) {
    s = computeSpan(e);
    byDate.set(key, s);
  }
  return s;
}

function computeSpan(e: Dated): Span {
  switch (e.precision) {
    case 'day': {
      const t = startOf(e.date) + DAY / 2;
      return { start: t, end: t, point: true };
    }
    case 'month':
    case 'year':
      return { start: startOf(e.date), end: endOf(e.date), point: false };
    case 'decade': {
      const last = e.end ?? String(Number(e.date.slice(0, 4)) + 9);
      return { start: startOf(e.date), end: endOf(last), point: false };
    }
    case 'range':
      return { start: startOf(e.date), end: endOf(e.end ?? e.date), point: false };
  }
}

// One date formatter and one precision table for the whole app (src/shared/dates.ts).
export { formatDate as formatEventDate, PRECISION_LABELS } from '../../../../shared/dates';

/** An instant as a short date for the URL and labels: "2019-01-01". */
export function isoDay(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const ys = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function yearOf(t: number): number {
  return new Date(t).getUTCFullYear();
}
