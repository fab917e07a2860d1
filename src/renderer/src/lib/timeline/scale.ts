// The visible time window, its mapping to pixels, zoom and pan, and axis ticks that suit the zoom
// (decades, years, months, days). Everything is pure: a window is a plain { start, end } in ms.
import { DAY, MONTH, MONTHS_SHORT, YEAR, utc } from './time';

export interface TimeWindow {
  start: number;
  end: number;
}

export interface Limits {
  /** Narrowest window (ms). */
  minSpan: number;
  /** Widest window (ms). */
  maxSpan: number;
  /** The window never leaves these bounds (unless it is wider than they are). */
  bounds: TimeWindow;
}

/** Zoomable from centuries down to days: a 10-day window at the closest, 400 years at the widest. */
export const MIN_SPAN = 10 * DAY;
export const MAX_SPAN = 400 * YEAR;

export const span = (w: TimeWindow): number => w.end - w.start;

export function toX(t: number, w: TimeWindow, width: number): number {
  return ((t - w.start) / (w.end - w.start)) * width;
}

export function toTime(x: number, w: TimeWindow, width: number): number {
  return w.start + (x / width) * (w.end - w.start);
}

/**
 * Limits around the data: its extent padded by 1.5 % (at least a month, at most a year) on each
 * side, room for the first and last marks and no more: the axis ends at the last event (issue 16).
 */
export function limitsFor(extent: TimeWindow | null): Limits {
  const now = Date.now();
  const e = extent ?? { start: utc(1900), end: now };
  const pad = Math.min(YEAR, Math.max(MONTH, (e.end - e.start) * 0.015));
  const bounds = { start: e.start - pad, end: e.end + pad };
  // Out to the whole of the data, and at least a century, at most MAX_SPAN.
  const maxSpan = Math.min(MAX_SPAN, Math.max(100 * YEAR, bounds.end - bounds.start));
  return { minSpan: MIN_SPAN, maxSpan, bounds };
}

/** The window made valid: its span within the limits, then moved (not resized) inside the bounds. */
export function clampWindow(w: TimeWindow, limits: Limits): TimeWindow {
  let s = Math.min(limits.maxSpan, Math.max(limits.minSpan, w.end - w.start));
  const mid = (w.start + w.end) / 2;
  let start = mid - s / 2;
  const b = limits.bounds;
  if (s >= b.end - b.start) {
    start = (b.start + b.end) / 2 - s / 2;
  } else {
    start = Math.min(Math.max(start, b.start), b.end - s);
  }
  if (!Number.isFinite(start) || !Number.isFinite(s)) return { ...b };
  return { start, end: start + s };
}

/** Zoom by `factor` (> 1 zooms in) keeping the instant `anchor` at the same place on screen. */
export function zoomWindow(w: TimeWindow, factor: number, anchor: number, limits: Limits): TimeWindow {
  const s = w.end - w.start;
  const next = Math.min(limits.maxSpan, Math.max(limits.minSpan, s / factor));
  const ratio = (anchor - w.start) / s;
  return clampWindow({ start: anchor - ratio * next, end: anchor - ratio * next + next }, limits);
}

/** Move by a fraction of the window (positive = later). */
export function panWindow(w: TimeWindow, fraction: number, limits: Limits): TimeWindow {
  const d = (w.end - w.start) * fraction;
  return clampWindow({ start: w.start + d, end: w.end + d }, limits);
}

/** A window showing [start, end) with a small margin on both sides. */
export function fitWindow(start: number, end: number, limits: Limits, margin = 0.04): TimeWindow {
  const s = Math.max(end - start, limits.minSpan * 0.8);
  const mid = (start + end) / 2;
  const padded = s * (1 + 2 * margin);
  return clampWindow({ start: mid - padded / 2, end: mid + padded / 2 }, limits);
}

// --- ticks ---------------------------------------------------------------------------------

export type TickUnit = 'century' | 'decade' | 'year' | 'month' | 'day';

interface Interval {
  unit: TickUnit;
  step: number;
  /** Approximate length, to judge spacing. */
  approx: number;
}

const INTERVALS: Interval[] = [
  { unit: 'day', step: 1, approx: DAY },
  { unit: 'day', step: 2, approx: 2 * DAY },
  { unit: 'day', step: 5, approx: 5 * DAY },
  { unit: 'day', step: 10, approx: 10 * DAY },
  { unit: 'month', step: 1, approx: MONTH },
  { unit: 'month', step: 3, approx: 3 * MONTH },
  { unit: 'month', step: 6, approx: 6 * MONTH },
  { unit: 'year', step: 1, approx: YEAR },
  { unit: 'year', step: 2, approx: 2 * YEAR },
  { unit: 'year', step: 5, approx: 5 * YEAR },
  { unit: 'decade', step: 10, approx: 10 * YEAR },
  { unit: 'decade', step: 20, approx: 20 * YEAR },
  { unit: 'century', step: 50, approx: 50 * YEAR },
  { unit: 'century', step: 100, approx: 100 * YEAR },
];

export interface Tick {
  t: number;
  label: string;
}

export interface Ticks {
  unit: TickUnit;
  step: number;
  /** Evenly stepped ticks, labelled in their own unit ("14", "Sep", "2009", "1990s"). */
  ticks: Tick[];
  /** Boundaries of the next larger unit inside the window, labelled in full ("April 2009", "2009"), plus the window's start. */
  context: Tick[];
}

/** The finest calendar interval whose ticks are at least `minPx` apart. */
export function chooseInterval(w: TimeWindow, width: number, minPx = 80): { unit: TickUnit; step: number } {
  const msPerPx = (w.end - w.start) / Math.max(1, width);
  const found = INTERVALS.find((i) => i.approx / msPerPx >= minPx) ?? INTERVALS[INTERVALS.length - 1]!;
  return { unit: found.unit, step: found.step };
}

function* calendarSteps(w: TimeWindow, unit: TickUnit, step: number): Generator<number> {
  const first = new Date(w.start);
  let y = first.getUTCFullYear();
  let guard = 0;
  if (unit === 'day') {
    let m = first.getUTCMonth();
    let d = first.getUTCDate();
    for (let t = utc(y, m, d); t <= w.end && guard++ < 5000; ) {
      const date = new Date(t);
      const dom = date.getUTCDate();
      // Days of the month 1, 1+step, 1+2·step…; the 31st is skipped when it would crowd the 1st.
      if ((dom - 1) % step === 0 && !(step > 1 && dom + step > 32)) yield t;
      d = dom + 1;
      m = date.getUTCMonth();
      y = date.getUTCFullYear();
      t = utc(y, m, d);
    }
    return;
  }
  if (unit === 'month') {
    let m = first.getUTCMonth() - (first.getUTCMonth() % step);
    for (let t = utc(y, m); t <= w.end && guard++ < 5000; m += step, t = utc(y, m)) if (t >= w.start) yield t;
    return;
  }
  y = Math.floor(y / step) * step;
  for (let t = utc(y); t <= w.end && guard++ < 5000; y += step, t = utc(y)) if (t >= w.start) yield t;
}

function tickLabel(t: number, unit: TickUnit): string {
  const d = new Date(t);
  switch (unit) {
    case 'day':
      return String(d.getUTCDate());
    case 'month':
      return MONTHS_SHORT[d.getUTCMonth()]!;
    case 'year':
    case 'century':
      return String(d.getUTCFullYear());
    case 'decade':
      return `${d.getUTCFullYear()}s`;
  }
}

/** Ticks for a window `width` pixels wide. */
export function chooseTicks(w: TimeWindow, width: number, minPx = 80): Ticks {
  const { unit, step } = chooseInterval(w, width, minPx);
  const ticks: Tick[] = [];
  for (const t of calendarSteps(w, unit, step)) if (t >= w.start) ticks.push({ t, label: tickLabel(t, unit) });
  const context: Tick[] = [];
  if (unit === 'day' || unit === 'month') {
    const parent: TickUnit = unit === 'day' ? 'month' : 'year';
    const fmt = (t: number) => {
      const d = new Date(t);
      return unit === 'day' ? `${MONTHS_SHORT[d.getUTCMonth()]} ${d.getUTCFullYear()}` : String(d.getUTCFullYear());
    };
    context.push({ t: w.start, label: fmt(w.start) });
    for (const t of calendarSteps(w, parent, 1)) if (t > w.start) context.push({ t, label: fmt(t) });
  }
  return { unit, step, ticks, context };
}

/**
 * A short human description of the window: "2019 – 2025", "Sep 2008 – Feb 2009", "3 – 28 Apr 2009".
 * Given the data's extent, the padding beyond the first and last events is not counted.
 */
export function describeWindow(win: TimeWindow, extent?: TimeWindow | null): string {
  const w = extent ? { start: Math.max(win.start, Math.min(extent.start, win.end - 1)), end: Math.min(win.end, Math.max(extent.end, win.start + 1)) } : win;
  const a = new Date(w.start);
  const b = new Date(w.end - 1);
  const s = w.end - w.start;
  if (s >= 3 * YEAR) return `${a.getUTCFullYear()} – ${b.getUTCFullYear()}`;
  const my = (d: Date) => `${MONTHS_SHORT[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (s >= 60 * DAY) return `${my(a)} – ${my(b)}`;
  return `${a.getUTCDate()} ${my(a)} – ${b.getUTCDate()} ${my(b)}`;
}
