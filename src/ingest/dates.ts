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
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DateValue, Precision } from '../shared/types';
import { PRECISION_RANK } from '../shared/dates';

/** What a sentence's relative dates are resolved against. */
export interface DateContext {
  /** The most recent date stated before this sentence (in reading order, same section). */
  previous?: DateValue | null;
  /** A year known from the surroundings (e.g. a heading "2022 invasion of Ukraine"), used when `previous` is absent. */
  year?: number | null;
}

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

const MONTHS = [
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
const MONTH_NAME = `(?:${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;
const YEAR = '(?:18|19|20)\\d\\d';
const DASH = '[-\\u2010-\\u2015\\u2212]';
/** Qualifiers that keep the precision of what follows but belong to the quoted words. */
const QUALIFIER = '(?:early|mid|middle|late)';

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

export function yearOf(value: DateValue): number {
  return Number(value.date.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------

interface Span {
  index: number;
  length: number;
  /** null = an expression that was recognised but could not be resolved. */
  value: DateValue | null;
  fromContext: boolean;
}

type RuleResult = { value: Omit<DateValue, 'text'>; fromContext: boolean } | { unresolved: string } | null;

interface Rule {
  name: string;
  re: RegExp;
  read(m: RegExpMatchArray, ctx: DateContext): RuleResult;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function contextYear(ctx: DateContext): number | null {
  if (ctx.previous) return yearOf(ctx.previous);
  return ctx.year ?? null;
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

const RULES: Rule[] = [
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

/** Replace the characters of the given spans with spaces (offsets stay valid). */
function mask(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.index) + ' '.repeat(s.length) + out.slice(s.index + s.length);
  return out;
}

// --- chrono --------------------------------------------------------------------------------------

/** The only shapes taken from chrono; anything else it finds ("Today", "at 12", "In the years") is dropped. */
const CHRONO_SHAPES: RegExp[] = [
  /^\d{4}-\d{2}-\d{2}$/, // 1994-02-23
  new RegExp(`^\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_NAME},? ${YEAR}$`), // 23 February 1994
  new RegExp(`^${MONTH_NAME} \\d{1,2}(?:st|nd|rd|th)?,? ${YEAR}$`), // January 4, 1992
  new RegExp(`^${MONTH_NAME},? ${YEAR}$`), // March 2014
  new RegExp(`^\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_NAME}$`), // 23 February
  new RegExp(`^${MONTH_NAME} \\d{1,2}(?:st|nd|rd|th)?$`), // February 23
];

type ChronoFound =
  | { kind: 'date'; index: number; length: number; value: Omit<DateValue, 'text'>; fromContext: boolean }
  | { kind: 'unresolved'; index: number; length: number; reason: string };

/**
 * Every shape in CHRONO_SHAPES contains an ISO day or a capitalised month name, and chrono's
 * results are substrings of its input: text without either cannot yield a kept result, so chrono
 * (the costliest step of the build) is not run on it. Results are the same either way.
 */
const CHRONO_NEEDED = new RegExp(`\\d{4}-\\d{2}-\\d{2}|${MONTH_NAME}`);

/**
 * chrono-node, loaded on first use: it takes a few hundred milliseconds to load, and the app
 * imports this module (through events.ts) without ever parsing a date at run time.
 */
let chronoModule: typeof Chrono | null = null;
const chrono = (): typeof Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono);

function chronoDates(text: string, ctx: DateContext): ChronoFound[] {
  if (!CHRONO_NEEDED.test(text)) return [];
  const refYear = contextYear(ctx) ?? 2000;
  const results = chrono().casual.parse(text, { instant: new Date(Date.UTC(refYear, 0, 1, 12)), timezone: 0 });
  const out: ChronoFound[] = [];
  for (const r of results) {
    // Trim the prepositions and punctuation chrono sometimes includes ("On 26 May 2022", "March,").
    let index = r.index;
    let raw = r.text;
    const lead = /^(?:on|in|at|since|from|by|of|the)\s+/i.exec(raw);
    if (lead) {
      index += lead[0].length;
      raw = raw.slice(lead[0].length);
    }
    raw = raw.replace(/[\s,.;:]+$/, '');
    if (!CHRONO_SHAPES.some((re) => re.test(raw))) continue;
    const c = r.start;
    const month = c.get('month');
    if (month === null) continue;
    const precision: Precision = c.isCertain('day') ? 'day' : 'month';
    let year = c.get('year');
    let fromContext = false;
    if (!c.isCertain('year')) {
      year = contextYear(ctx);
      fromContext = true;
      if (year === null) {
        out.push({ kind: 'unresolved', index, length: raw.length, reason: 'a date without a year, and no year before it' });
        continue;
      }
    }
    if (year === null) continue;
    const day = c.get('day');
    const date =
      precision === 'day' && day !== null ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    out.push({ kind: 'date', index, length: raw.length, value: { date, precision }, fromContext });
  }
  return out;
}

// --- bare years -------------------------------------------------------------------------------

const BARE_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${YEAR}(?![\\p{L}\\p{N}])`, 'gu');

/** Words before a number that make it something other than a year. */
const NOT_YEAR_BEFORE =
  /(?:[€$£¥]\s?|[\d][.,]|\/|\bNo\.?\s|\b(?:Resolution|UNSCR\)?|Chapter|Cluster|Article|Annex|Paragraph|Section|Page|pp?\.|Number|Nos?\.)\s)$/i;
/** Words after a number that make it a quantity. */
const NOT_YEAR_AFTER =
  /^(?:\s?%|\s?per ?cent|[.,]\d|\/\d|\s?(?:km|kW|MW|GW|kg|m|mi|miles|kilomet|metres|meters|million|billion|thousand|euros?|dollars|people|persons|members|troops|soldiers|refugees|votes|units)\b)/i;

function isYearNumber(text: string, index: number, digits: string): boolean {
  const before = text.slice(Math.max(0, index - 16), index);
  const after = text.slice(index + digits.length, index + digits.length + 16);
  if (NOT_YEAR_BEFORE.test(before)) return false;
  if (NOT_YEAR_AFTER.test(after)) return false;
  return true;
}
