// A sentence with two dates is two events, and each event's partners are those of the clause
// that carries its date (issue 13): "In response to the Russian invasion of Ukraine in 2022,
// Albania has expressed support for Ukraine and also supported Latvia's nomination to join the
// United Nations Security Council in 2025" → 2022: Russia, Ukraine; 2025: Latvia, the UN.
//
// Clauses are cut at punctuation (, ; : and spaced dashes, never inside a date such as
// "April 1, 2009") and before a conjunction that starts a new predicate ("and also supported",
// "and became", "but", "while"); inside a clause that still holds two dates, before any "and"
// between them ("in 1997 Greece … in Albania and the early period of the Kosovo crisis (1998-1999)").
// A clause that is only a date ("In October 2011,") takes the clause after it as its own.
import type { FoundDate } from './dates';

export interface Clause {
  start: number;
  end: number;
  /** The dates whose text starts in this clause. */
  dates: FoundDate[];
}

const PUNCTUATION = /[,;:]\s|\s[–—]\s/g;
/** A conjunction followed by what starts a predicate or an adverbial. */
const NEW_PREDICATE =
  /\s(?:and|but|yet)\s(?=(?:also|then|later|subsequently|was|were|is|are|has|have|had|will|would|could|did|in|on|since|during|after|before|by|\p{Ll}+ed)\b)|\s(?:while|whereas|although|though)\s/gu;
const AND = /\s(?:and|but)\s/g;
/** Words a date-only clause may have besides its date: "In", "and in", "Since", "on". */
const BARE_WORDS = /^(?:and|but|in|on|at|by|since|from|during|until|of|the|then|later|also|\s)*$/i;

/** The clauses of a sentence with the dates each one carries, in order. */
export function clausesOf(text: string, dates: readonly FoundDate[]): Clause[] {
  const inDate = (i: number) => dates.some((d) => i > d.index && i < d.index + d.value.text.length);
  const cuts = new Set<number>();
  for (const re of [PUNCTUATION, NEW_PREDICATE]) {
    for (const m of text.matchAll(re)) if (!inDate(m.index)) cuts.add(m.index + (m[0].startsWith(' ') ? 1 : m[0].length));
  }
  let clauses = split(text, [...cuts], dates);
  // A clause with two dates: cut before an "and" that stands between them.
  clauses = clauses.flatMap((c) => {
    if (c.dates.length < 2) return [c];
    const more: number[] = [];
    for (let k = 1; k < c.dates.length; k++) {
      const from = c.dates[k - 1]!.index + c.dates[k - 1]!.value.text.length;
      const to = c.dates[k]!.index;
      for (const m of text.slice(from, to).matchAll(AND)) more.push(from + m.index + 1);
    }
    return more.length ? split(text.slice(0, c.end), [c.start, ...more], c.dates).filter((x) => x.start >= c.start) : [c];
  });
  return clauses;
}

function split(text: string, cuts: number[], dates: readonly FoundDate[]): Clause[] {
  const points = [...new Set([0, ...cuts, text.length])].sort((a, b) => a - b);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({ start, end, dates: dates.filter((d) => d.index >= start && d.index < end) });
  }
  return out;
}

/**
 * For each date of the sentence, the text that speaks of it: its own clause, plus the clause
 * after it when its own is only the date ("In October 2011, an agreement was reached …").
 * `shared` is the text of the clauses that carry no date and belong to none: the partners named
 * there are the fallback of a date whose own text names none.
 */
export function dateTexts(text: string, dates: readonly FoundDate[]): { own: Map<FoundDate, string>; shared: string } {
  const clauses = clausesOf(text, dates);
  const own = new Map<FoundDate, string>();
  const used = new Set<Clause>();
  clauses.forEach((c, i) => {
    if (c.dates.length === 0) return;
    used.add(c);
    let words = text.slice(c.start, c.end);
    const bare = c.dates.length === 1 && BARE_WORDS.test(stripDates(words, c).replace(/[,;:.–—]/g, ' '));
    const next = clauses[i + 1];
    if (bare && next && next.dates.length === 0) {
      words += text.slice(next.start, next.end);
      used.add(next);
    }
    for (const d of c.dates) own.set(d, words);
  });
  const shared = clauses.filter((c) => !used.has(c)).map((c) => text.slice(c.start, c.end)).join(' ');
  return { own, shared };
}

function stripDates(words: string, c: Clause): string {
  let out = words;
  for (const d of c.dates) {
    const at = d.index - c.start;
    out = out.slice(0, at) + ' '.repeat(d.value.text.length) + out.slice(at + d.value.text.length);
  }
  return out;
}
