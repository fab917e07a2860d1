// Dates shown exactly as precisely as the source knows them: a year is never shown as a day.
import type { DateValue, DocKind, PartnerKind } from '../../../shared/types';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "1993" → "1993", "1993-01" → "January 1993", "1993-01-13" → "13 January 1993". */
export function formatIso(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!y) return date;
  if (!month) return y;
  if (!d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

export function formatDate(value: DateValue | null | undefined): string {
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

/** A short phrase for screen readers and tooltips: "known to the day", "year only". */
export function precisionLabel(value: DateValue): string {
  switch (value.precision) {
    case 'day':
      return 'exact date';
    case 'month':
      return 'month only';
    case 'year':
      return 'year only';
    case 'decade':
      return 'decade only';
    case 'range':
      return 'a period';
  }
}

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  country: 'Country',
  organisation: 'Organisation',
  'former-state': 'Former state',
};

export const DOC_KIND_ORDER: DocKind[] = ['bilateral', 'overview', 'agreement'];

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
