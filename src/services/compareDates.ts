// Dates in a comparison: an event's date as a DateValue, precision ranks, when two dates agree,
// and the "sources differ" note for dates that do not.
import { datesAgree, dateSpan, formatDate } from '../shared/dates';
import type { DateValue, FacetEntry, TimelineEvent } from '../shared/types';
import { PRECISION_RANK } from '../shared/dates';

export function eventDate(e: TimelineEvent): DateValue {
  const value: DateValue = { date: e.date, precision: e.precision, ...(e.end ? { end: e.end } : {}), text: '', ...(e.inferred ? { inferred: e.inferred } : {}) };
  value.text = describeDate(value);
  return value;
}

export const rank = (d: DateValue | undefined) => (d ? PRECISION_RANK[d.precision] : -1);

/** Two dates agree when one refines the other (1993 and 13 January 1993), or a decade/range holds the other. */
export const compatible = datesAgree;

/** What datesAgree and describeDate read of a date: date, precision, end. */
export const dateKey = (v: DateValue): string => `${v.date}|${v.precision}|${v.end ?? ''}`;

/**
 * The spans a set of dates covers, sorted and merged where they overlap: two sets hold a pair of
 * agreeing dates (overlapping spans) exactly when their coverages meet (`meet`).
 */
export function coverage(values: readonly DateValue[]): [string, string][] {
  const spans = values.map(dateSpan).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [string, string][] = [];
  for (const [start, end] of spans) {
    const last = out.at(-1);
    if (last && start <= last[1]) {
      if (end > last[1]) last[1] = end;
    } else out.push([start, end]);
  }
  return out;
}

/**
 * What every pair of dates across two sets agreeing depends on: the latest start and the earliest
 * end of each set (each date of one agrees with each of the other iff `allAgree`).
 */
export function narrowest(values: readonly DateValue[]): { start: string; end: string } {
  let [start, end] = dateSpan(values[0]!);
  for (const v of values.slice(1)) {
    const [s, e] = dateSpan(v);
    if (s > start) start = s;
    if (e < end) end = e;
  }
  return { start, end };
}

export function allAgree(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether two coverages share a point: one walk along both. */
export function meet(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    if (a0 <= b1 && b0 <= a1) return true;
    if (a1 < b1) i++;
    else j++;
  }
  return false;
}

/** "13 January 1993", "March 2020", "1993", "1990s", "1998–1999". */
export const describeDate = (d: DateValue): string => formatDate(d);

/** At most this many other sources' dates (or places) are named in a "sources differ" note; the rest are counted. */
export const DIFFER_CAP = 2;

/** "A, B and 4 more": the first `cap` of a list, the rest counted as `more`s. */
export function firstFew(items: readonly string[], cap: number, more: (n: number) => string): string {
  // "and 1 more" says less than the one it counts: name it.
  const shown = items.slice(0, items.length === cap + 1 ? cap + 1 : cap);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${more(rest)}`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/**
 * Entries from different quotes whose dates do not refine one another: mark each with what the
 * others say, the first few named with their place and the rest counted (a large library gives a
 * fact dozens of dates; a note naming all of them filled pages: issue 19). With `later`, a note
 * is worked out only if its entry is shown (it costs a pass over every other entry: issue 19).
 */
export function markDateConflicts(groups: { entry: FacetEntry; values: DateValue[] }[], ctx: NoteContext, what: string): void {
  // Agreement is decided on each group's distinct dates (a fact stated hundreds of times repeats its date).
  const distinct = new Map(groups.map((g) => [g, [...new Map(g.values.map((v) => [dateKey(v), v])).values()]]));
  // Two groups share an agreeing pair of dates when their coverages meet: one walk, not every pair (issue 19).
  const covers = new Map(groups.map((g) => [g, coverage(distinct.get(g)!)]));
  const all = [...groups]; // as they are now: the caller sorts them after
  for (const g of all) {
    const mine = covers.get(g)!;
    const note = (): string | undefined => {
      const others = all.filter((o) => o !== g && !meet(covers.get(o)!, mine));
      if (others.length === 0) return undefined;
      const named = others
        .slice(0, others.length === DIFFER_CAP + 1 ? DIFFER_CAP + 1 : DIFFER_CAP)
        .map((o) => `Another source gives ${distinct.get(o)!.map(describeDate).join(' / ')} as the ${what} (${ctx.where(o.entry)}).`);
      const rest = others.length - named.length;
      if (rest > 0) named.push(`Other sources give ${rest} more date${rest === 1 ? '' : 's'}.`);
      return named.join(' ');
    };
    if (ctx.later) g.entry.sourcesDiffer = ctx.later(note);
    else {
      const text = note();
      if (text !== undefined) g.entry.sourcesDiffer = text;
    }
  }
}

/** What a "sources differ" note needs of the comparison. */
export interface NoteContext {
  where(ref: { docSlug: string; anchor: string }): string;
  /** A stand-in for a value worked out only if its entry is shown (absent: worked out now); `undefined`: no value. */
  later?(fill: () => string | undefined): string;
}
