// Display helpers: dates (shared with the CLI and services), precision labels, kinds, plurals.
import type { DateValue, DocKind, PartnerKind } from '../../../shared/types';

import { PRECISION_LABELS } from '../../../shared/dates';

export { formatDate, formatIso } from '../../../shared/dates';

/** A short phrase for screen readers and tooltips: "exact day", "year only". */
export function precisionLabel(value: DateValue): string {
  return PRECISION_LABELS[value.precision];
}

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  country: 'Country',
  organisation: 'Organisation',
  'former-state': 'Former state',
};

export const DOC_KIND_ORDER: DocKind[] = ['bilateral', 'overview', 'agreement'];

/**
 * A count as en-GB writes it: 12,345. Whole numbers are grouped here rather than by Intl, whose
 * first number formatter (ICU's locale data) cost the first screen some 15 ms, and
 * toLocaleString('en-GB') a new formatter at every call.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-GB');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
