// Dates in a comparison: an event's date as a DateValue, precision ranks, when two dates agree,
// and the "sources differ" note for dates that do not.
import { datesAgree, dateSpan, formatDate } from '../shared/dates';
export { dateSpan };
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
 * `compatible`, remembered per pair of distinct dates: a fact stated hundreds of times repeats a
 * few dates, and comparing its statements pairwise was a tenth of a comparison (issue 19).
 */
export class Agreement {
  private readonly ids = new Map<string, number>();
  private readonly values: DateValue[] = [];
  private readonly known = new Map<number, boolean>();
  /** A small number per distinct date (by dateKey). */
  id(v: DateValue): number {
    const k = dateKey(v);
    let id = this.ids.get(k);
    if (id === undefined) {
      this.ids.set(k, (id = this.values.length));
      this.values.push(v);
    }
    return id;
  }
  /** Whether the dates numbered `a` and `b` (by `id`) agree. */
  agree(a: number, b: number): boolean {
    const pair = a < b ? a * 0x100000 + b : b * 0x100000 + a; // datesAgree is symmetric
    let yes = this.known.get(pair);
    if (yes === undefined) this.known.set(pair, (yes = datesAgree(this.values[a]!, this.values[b]!)));
    return yes;
  }
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
  const agreement = new Agreement();
  const ids = new Map([...distinct].map(([g, values]) => [g, values.map((v) => agreement.id(v))]));
  const all = [...groups]; // as they are now: the caller sorts them after
  for (const g of all) {
    const mine = ids.get(g)!;
    const note = (): string | undefined => {
      const others = all.filter((o) => o !== g && !ids.get(o)!.some((v) => mine.some((w) => agreement.agree(v, w))));
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
