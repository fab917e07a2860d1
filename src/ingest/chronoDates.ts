// Calendar dates read by chrono-node (only the shapes in CHRONO_SHAPES are kept), and bare years
// (a number 1800–2099 that nothing marks as another kind of number).
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DateValue, Precision } from '../shared/types';
import { contextYear, MONTH_NAME, pad, YEAR, type DateContext } from './datePatterns';

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

export function chronoDates(text: string, ctx: DateContext): ChronoFound[] {
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

export const BARE_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${YEAR}(?![\\p{L}\\p{N}])`, 'gu');

/** Words before a number that make it something other than a year. */
const NOT_YEAR_BEFORE =
  /(?:[€$£¥]\s?|[\d][.,]|\/|\bNo\.?\s|\b(?:Resolution|UNSCR\)?|Chapter|Cluster|Article|Annex|Paragraph|Section|Page|pp?\.|Number|Nos?\.)\s)$/i;
/** Words after a number that make it a quantity. */
const NOT_YEAR_AFTER =
  /^(?:\s?%|\s?per ?cent|[.,]\d|\/\d|\s?(?:km|kW|MW|GW|kg|m|mi|miles|kilomet|metres|meters|million|billion|thousand|euros?|dollars|people|persons|members|troops|soldiers|refugees|votes|units)\b)/i;

export function isYearNumber(text: string, index: number, digits: string): boolean {
  const before = text.slice(Math.max(0, index - 16), index);
  const after = text.slice(index + digits.length, index + digits.length + 16);
  if (NOT_YEAR_BEFORE.test(before)) return false;
  if (NOT_YEAR_AFTER.test(after)) return false;
  return true;
}
