// Dates shown exactly as precisely as the source knows them: a year is never shown as a day.
// One formatter for the CLI, the services (quotes, briefings) and the renderer.
import type { DateValue } from './types';

type Precision = DateValue['precision'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1993" → "1993", "1993-01" → "January 1993", "1993-01-13" → "13 January 1993" (years may be negative). */
export function formatIso(date: string): string {
  const m = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const year = String(Number(m[1]));
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return year;
  if (!m[3]) return `${month} ${year}`;
  return `${Number(m[3])} ${month} ${year}`;
}

/** "13 January 1993", "March 2020", "1993", "1990s", "1998–1999". */
export function formatDate(value: Pick<DateValue, 'date' | 'precision' | 'end'> | null | undefined): string {
  if (!value) return '';
  switch (value.precision) {
    case 'decade':
      return `${value.date.slice(0, 3)}0s`;
    case 'range': {
      if (!value.end) return formatIso(value.date);
      const a = formatIso(value.date);
      const b = formatIso(value.end);
      // "2022–2023" but "September 2008 – February 2009": a spaced dash between spaced dates.
      return a.includes(' ') || b.includes(' ') ? `${a} – ${b}` : `${a}–${b}`;
    }
    default:
      return formatIso(value.date);
  }
}

/** Most precise first: a day outranks a month, …, a decade. */
export const PRECISION_RANK: Readonly<Record<Precision, number>> = { day: 4, month: 3, year: 2, range: 1, decade: 0 };

/** How precisely the source knows a date, for tooltips, legends and screen readers. */
export const PRECISION_LABELS: Readonly<Record<Precision, string>> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
  decade: 'decade only',
  range: 'a period',
};

/**
 * Two statements of one fact agree when one refines the other ("1993" and "13 January 1993"), or
 * a decade or range holds the other; "April 1, 2009" and "May 2009" do not (sources differ).
 */
export function datesAgree(a: Pick<DateValue, 'date' | 'precision' | 'end'>, b: Pick<DateValue, 'date' | 'precision' | 'end'>): boolean {
  const [a0, a1] = dateSpan(a);
  const [b0, b1] = dateSpan(b);
  return a0 <= b1 && b0 <= a1;
}

/** The first and last ISO strings a date covers: two dates agree when their spans overlap. */
export function dateSpan(d: Pick<DateValue, 'date' | 'precision' | 'end'>): [string, string] {
  if (d.precision === 'decade') return [d.date.slice(0, 4), (d.end ?? `${Number(d.date.slice(0, 3)) * 10 + 9}`).slice(0, 4) + '\uffff'];
  if (d.precision === 'range') return [d.date, (d.end ?? d.date) + '\uffff'];
  return [d.date, d.date + '\uffff'];
}
