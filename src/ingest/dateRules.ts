// The date forms chrono-node does not read (see the table at the top of dates.ts): year spans and
// ranges, decades, centuries, qualified years and months, and dates relative to the previous one.
import type { DateValue } from '../shared/types';
import { contextYear, DASH, MONTHS, MONTH_NAME, pad, QUALIFIER, YEAR, type DateContext } from './datePatterns';

export type RuleResult = { value: Omit<DateValue, 'text'>; fromContext: boolean } | { unresolved: string } | null;

export interface Rule {
  name: string;
  re: RegExp;
  read(m: RegExpMatchArray, ctx: DateContext): RuleResult;
}

function expandShortYear(start: number, short: string): number {
  if (short.length === 4) return Number(short);
  const century = Math.floor(start / 100) * 100;
  let end = century + Number(short);
  if (end < start) end += 100;
  return end;
}

function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Longest and most specific first. */
export const RULES: Rule[] = [
  {
    // "from 1881 to 1907", "between 1998 and 1999"
    name: 'from-to',
    re: new RegExp(`\\b(?:from|between) (${YEAR}) (?:to|and|until|till) (${YEAR})\\b(?!${DASH}\\d)`, 'g'),
    read: (m) => yearRange(Number(m[1]), Number(m[2])),
  },
  {
    // "in 2008 and 2009": both years → the range they span
    name: 'year-and-year',
    re: new RegExp(`(?<=\\b(?:[Ii]n|[Dd]uring) )(${YEAR}) and (${YEAR})\\b(?!${DASH}\\d)`, 'g'),
    read: (m) => yearRange(Number(m[1]), Number(m[2])),
  },
  {
    // "2022–23", "(1998-1999)", "2012–13 academic year"; never the "2009-04" of an ISO date
    name: 'year-span',
    re: new RegExp(`(?<![\\d.,/-])(${YEAR})\\s?${DASH}\\s?(\\d{4}|\\d{2})(?![\\d%]|${DASH}\\d)`, 'g'),
    read: (m) => yearRange(Number(m[1]), expandShortYear(Number(m[1]), m[2]!)),
  },
  {
    // "the 1990s", "During the 1990s", "the early 1990s"
    name: 'decade',
    re: new RegExp(`\\b(?:the )?(?:${QUALIFIER}${DASH}?\\s?)?((?:18|19|20)\\d)0s\\b`, 'gi'),
    read: (m) => {
      const start = Number(m[1]) * 10;
      return { value: { date: String(start), precision: 'decade', end: String(start + 9) }, fromContext: false };
    },
  },
  {
    // "the 19th century", "the early 20th century" → the strict century, 1801–1900
    name: 'century',
    re: new RegExp(`\\b(?:the )?(?:${QUALIFIER}${DASH}?\\s?)?(1[0-9]|2[01])(?:st|nd|rd|th)${DASH}?\\s?century\\b`, 'gi'),
    read: (m) => {
      const n = Number(m[1]);
      return { value: { date: pad((n - 1) * 100 + 1, 4), precision: 'range', end: pad(n * 100, 4) }, fromContext: false };
    },
  },
  {
    // "the spring of 2024", "summer 2019" → the year (a season is hemisphere-dependent)
    name: 'season',
    re: new RegExp(`\\b(?:the )?(?:spring|summer|autumn|fall|winter) (?:of )?(${YEAR})\\b(?!${DASH}\\d)`, 'gi'),
    read: (m) => ({ value: { date: m[1]!, precision: 'year' }, fromContext: false }),
  },
  {
    // "early 2023", "mid-2019", "the end of 2018", "the beginning of 2019"
    name: 'qualified-year',
    re: new RegExp(
      `\\b(?:${QUALIFIER}${DASH}?\\s?|the (?:beginning|start|middle|end) of )(${YEAR})\\b(?!${DASH}\\d|\\s?${DASH}\\s?\\d)`,
      'gi',
    ),
    read: (m) => ({ value: { date: m[1]!, precision: 'year' }, fromContext: false }),
  },
  {
    // "late August 1994", "mid-March", "early March" — month, year from the text or the context
    name: 'qualified-month',
    re: new RegExp(`\\b${QUALIFIER}${DASH}?\\s?(${MONTH_NAME})(?:,? (${YEAR}))?\\b(?!${DASH}\\d)`, 'gi'),
    read: (m, ctx) => {
      const month = MONTHS.indexOf(m[1]!.toLowerCase() as (typeof MONTHS)[number]) + 1;
      const year = m[2] ? Number(m[2]) : contextYear(ctx);
      if (year === null) return { unresolved: 'a month without a year, and no year before it' };
      return { value: { date: `${year}-${pad(month)}`, precision: 'month' }, fromContext: !m[2] };
    },
  },
  {
    name: 'relative-day',
    re: /\b(?:the|on the) (following|next|previous|preceding) day\b|\bthe day (after|before)\b/gi,
    read: (m, ctx) => {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const offset = word === 'following' || word === 'next' || word === 'after' ? 1 : -1;
      if (!ctx.previous || ctx.previous.precision !== 'day') return { unresolved: 'no day-precise date before it' };
      return { value: { date: addDays(ctx.previous.date, offset), precision: 'day' }, fromContext: true };
    },
  },
  {
    name: 'relative-year',
    re: /\bthe (following|next|previous|preceding) year\b|\bthe year (after|before)\b/gi,
    read: (m, ctx) => {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const offset = word === 'following' || word === 'next' || word === 'after' ? 1 : -1;
      const year = contextYear(ctx);
      if (year === null) return { unresolved: 'no year before it' };
      return { value: { date: String(year + offset), precision: 'year' }, fromContext: true };
    },
  },
];

function yearRange(start: number, end: number): RuleResult {
  if (!(end > start) || end - start > 100) return null;
  return { value: { date: String(start), precision: 'range', end: String(end) }, fromContext: false };
}

