// Display helpers: dates (shared with the CLI and services), precision labels, kinds, plurals.
import type { DateValue, DocKind, PartnerKind } from '../../../shared/types';

export { formatDate, formatIso } from '../../../shared/dates';

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
