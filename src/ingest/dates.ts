// Date expressions in one sentence → DateValue, with a context for the relative ones.
//
// chrono-node reads the calendar dates (`1994-02-23`, `23 February 1994`, `January 4, 1992`,
// `March 2014`, `23 February`, `mid-March`). A few small rules cover what chrono does not read:
//
//   form                                   → precision  date … end
//   `1994`, `In 1994`, `since 2014`        → year       1994
//   `early 2023`, `the end of 2018`,
//   `the spring of 2024`                   → year       2023 (the qualifier stays in `text`)
//   `late February 2022`, `mid-March`      → month      2022-02 (the qualifier stays in `text`)
//   `the 1990s`                            → decade     1990 … 1999
//   `2022–23`, `(1998-1999)`,
//   `from 1881 to 1907`, `in 2008 and 2009`→ range      2022 … 2023
//   `the 19th century`                     → range      1801 … 1900 (the strict definition)
//   `the following day` / `the next day`   → day        previous day-precise date + 1
//   `the previous day` / `the day before`  → day        previous day-precise date − 1
//   `on this same day` (no date given)     → the previous date
//   `the following year`                   → year       previous year + 1
//
// A month or day without a year (`mid-March`, `23 February`) takes its year from the context:
// the most recent dated statement before it (same year; no guessing of a year change).
// Relative forms with no usable context are reported as `unresolved`, never guessed.
//
// Bare numbers are years only between 1800 and 2099 and only when nothing marks them as another
// kind of number: `351`, `1325` (out of range), `Resolution 68/262`, `400 kW`, `€500,000`,
// `Chapter 31`, `2,000`, `1.8 million`, `95%` are not dates.
import type { DateValue } from '../shared/types';
import { PRECISION_RANK } from '../shared/dates';
import { BARE_YEAR, chronoDates, isYearNumber } from './chronoDates';
import { yearOf, type DateContext } from './datePatterns';
import { RULES } from './dateRules';

export { yearOf, type DateContext };

export interface FoundDate {
  value: DateValue;
  /** Offset of `value.text` in the sentence. */
  index: number;
  /** True when the date needed the context (`the following day`, `mid-March`, `23 February`). */
  fromContext: boolean;
}

export interface UnresolvedDate {
  text: string;
  index: number;
  reason: string;
}

export interface DateScan {
  found: FoundDate[];
  unresolved: UnresolvedDate[];
}

/** Find every date expression in a sentence. */
export function findDates(sentence: string, ctx: DateContext = {}): FoundDate[] {
  return scanDates(sentence, ctx).found;
}

/** Like findDates, and also reports relative expressions that the context could not resolve. */
export function scanDates(sentence: string, ctx: DateContext = {}): DateScan {
  const spans: Span[] = [];
  const unresolved: UnresolvedDate[] = [];
  const taken = (index: number, length: number) =>
    spans.some((s) => index < s.index + s.length && s.index < index + length);
  const add = (span: Span) => {
    if (!taken(span.index, span.length)) spans.push(span);
  };

  // 1. Forms chrono does not read, longest and most specific first.
  for (const rule of RULES) {
    for (const m of sentence.matchAll(rule.re)) {
      const index = m.index;
      if (taken(index, m[0].length)) continue;
      const result = rule.read(m, ctx);
      if (result === null) continue;
      if ('unresolved' in result) {
        unresolved.push({ text: m[0], index, reason: result.unresolved });
        add({ index, length: m[0].length, value: null, fromContext: true });
        continue;
      }
      add({ index, length: m[0].length, value: { ...result.value, text: m[0] }, fromContext: result.fromContext });
    }
  }

  // 2. Calendar dates, by chrono, on the sentence with the rule matches blanked out so that
  //    chrono cannot join "2022–23, on 11 June 2021" into one odd range.
  for (const found of chronoDates(mask(sentence, spans), ctx)) {
    if (found.kind === 'unresolved') {
      if (!taken(found.index, found.length)) {
        unresolved.push({ text: sentence.slice(found.index, found.index + found.length), index: found.index, reason: found.reason });
        add({ index: found.index, length: found.length, value: null, fromContext: true });
      }
      continue;
    }
    const text = sentence.slice(found.index, found.index + found.length);
    add({ index: found.index, length: found.length, value: { ...found.value, text }, fromContext: found.fromContext });
  }

  // 3. Bare years in what is left.
  const rest = mask(sentence, spans);
  for (const m of rest.matchAll(BARE_YEAR)) {
    if (!isYearNumber(rest, m.index, m[0])) continue;
    add({ index: m.index, length: m[0].length, value: { date: m[0], precision: 'year', text: m[0] }, fromContext: false });
  }

  // 4. "on this same day" with no date of its own means the previous date.
  if (spans.every((s) => s.value === null)) {
    const same = /\b(?:on )?(?:this|that|the) same day\b/i.exec(sentence);
    if (same) {
      if (ctx.previous && ctx.previous.precision === 'day') {
        spans.push({ index: same.index, length: same[0].length, value: { date: ctx.previous.date, precision: 'day', text: same[0] }, fromContext: true });
      } else {
        unresolved.push({ text: same[0], index: same.index, reason: 'no day-precise date before it' });
      }
    }
  }

  const found = spans
    .filter((s): s is Span & { value: DateValue } => s.value !== null)
    .sort((a, b) => a.index - b.index)
    .map((s) => ({ value: s.value, index: s.index, fromContext: s.fromContext }));
  return { found, unresolved: unresolved.sort((a, b) => a.index - b.index) };
}

/**
 * The context after a sentence: its last absolute date (day, month or year) becomes `previous`.
 * Decades, ranges and centuries do not move the context.
 */
export function advanceContext(ctx: DateContext, found: FoundDate[]): DateContext {
  let previous = ctx.previous ?? null;
  for (const f of found) {
    if (f.value.precision === 'day' || f.value.precision === 'month' || f.value.precision === 'year') previous = f.value;
  }
  return { previous, year: previous ? yearOf(previous) : (ctx.year ?? null) };
}

/** Sort key and comparison helpers for DateValue. */
export function compareDates(a: DateValue, b: DateValue): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : PRECISION_RANK[b.precision] - PRECISION_RANK[a.precision];
}

/** Higher is more precise. */
/** One ranking of precisions for the whole app (src/shared/dates.ts). */
export { PRECISION_RANK };

// ---------------------------------------------------------------------------------------------

interface Span {
  index: number;
  length: number;
  /** null = an expression that was recognised but could not be resolved. */
  value: DateValue | null;
  fromContext: boolean;
}

/** Replace the characters of the given spans with spaces (offsets stay valid). */
function mask(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.index) + ' '.repeat(s.length) + out.slice(s.index + s.length);
  return out;
}

