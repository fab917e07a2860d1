// The pieces the date readers share (dates.ts, dateRules.ts, chronoDates.ts): month names,
// year and dash patterns, and the context a sentence's relative dates are resolved against.
import type { DateValue } from '../shared/types';

/** What a sentence's relative dates are resolved against. */
export interface DateContext {
  /** The most recent date stated before this sentence (in reading order, same section). */
  previous?: DateValue | null;
  /** A year known from the surroundings (e.g. a heading "2022 invasion of Ukraine"), used when `previous` is absent. */
  year?: number | null;
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
export const MONTH_NAME = `(?:${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;
export const YEAR = '(?:18|19|20)\\d\\d';
export const DASH = '[-\\u2010-\\u2015\\u2212]';
/** Qualifiers that keep the precision of what follows but belong to the quoted words. */
export const QUALIFIER = '(?:early|mid|middle|late)';

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The year a date without one takes: that of the previous date, else the surroundings'. */
export function contextYear(ctx: DateContext): number | null {
  if (ctx.previous) return yearOf(ctx.previous);
  return ctx.year ?? null;
}

export function yearOf(value: DateValue): number {
  return Number(value.date.slice(0, 4));
}

