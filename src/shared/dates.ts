// Dates shown exactly as precisely as the source knows them: a year is never shown as a day.
// One formatter for the CLI, the services (quotes, briefings) and the renderer.
import type { DateValue } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1993" → "1993", "1993-01" → "January 1993", "1993-01-13" → "13 January 1993". */
export function formatIso(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!y) return date;
  if (!month) return y;
  if (!d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** "13 January 1993", "March 2020", "1993", "1990s", "1998–1999". */
export function formatDate(value: Pick<DateValue, 'date' | 'precision' | 'end'> | null | undefined): string {
  if (!value) return '';
  switch (value.precision) {
    case 'decade':
      return `${value.date.slice(0, 3)}0s`;
    case 'range':
      return value.end ? `${formatIso(value.date)}–${formatIso(value.end)}` : formatIso(value.date);
    default:
      return formatIso(value.date);
  }
}

/**
 * Two statements of one fact agree when one refines the other ("1993" and "13 January 1993"), or
 * a decade or range holds the other; "April 1, 2009" and "May 2009" do not (sources differ).
 */
export function datesAgree(a: Pick<DateValue, 'date' | 'precision' | 'end'>, b: Pick<DateValue, 'date' | 'precision' | 'end'>): boolean {
  const span = (d: Pick<DateValue, 'date' | 'precision' | 'end'>): [string, string] => {
    if (d.precision === 'decade') return [d.date.slice(0, 4), (d.end ?? `${Number(d.date.slice(0, 3)) * 10 + 9}`).slice(0, 4) + '\uffff'];
    if (d.precision === 'range') return [d.date, (d.end ?? d.date) + '\uffff'];
    return [d.date, d.date + '\uffff'];
  };
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 && b0 <= a1;
}
