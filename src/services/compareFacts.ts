// The comparison's fact facets (relations, recognition, missions, envoys, memberships): entries
// built from the partner's extracted facts, one per fact, with "sources differ" where they disagree.
import type { DateValue, FacetEntry, Mission, Partner, SourceRef } from '../shared/types';
import { foldAccents } from '../shared/text';
import { partnerById } from '../core/partners';
import { allAgree, compatible, dateKey, describeDate, narrowest, DIFFER_CAP, firstFew, markDateConflicts, rank } from './compareDates';
import { citedAndCounted, dedupeRefs, isTableRow, mergeSame, quoteRank, rowText, textKey } from './compareQuotes';
import { envoyPhrase, missionsPhrase } from './compareShort';

/** What the fact facets need from a comparison column. */
export interface FactColumn {
  readonly partner: Partner;
  /** "Albania–Ukraine relations › Resident diplomatic missions": where a source is. */
  where(ref: { docSlug: string; anchor: string }): string;
  /** An entry quoting a fact's source, made readable, with its block and (unless `dated` is false: the fact gives it) the date of its quote. */
  sourceEntry(ref: SourceRef, dated?: boolean): FacetEntry;
  /** A stand-in for a value worked out only if its entry is shown (absent: worked out at once). */
  later?(fill: () => string | undefined): string;
}

export function relationEntries(col: FactColumn): FacetEntry[] {
  // De facto, de jure and re-established are facts of their own: never a disagreement with one another.
  const established: FacetEntry[] = [];
  for (const kind of [undefined, 'de facto', 'de jure', 're-established'] as const) {
    const facts = col.partner.establishedSources.filter((f) => f.kind === kind);
    if (facts.length === 0) continue;
    const label = kind === 're-established' ? 'Relations re-established' : kind ? `Relations established ${kind}` : 'Relations established';
    const groups = oneFactOnce(col, datedByQuote(col, facts), label);
    markDateConflicts(groups, col, kind ? `date relations were established ${kind}` : 'date of establishment');
    // The date the partner record settles on first, then the most precise.
    const main = col.partner.established?.date;
    groups.sort((a, b) => Number(b.values.some((v) => v.date === main)) - Number(a.values.some((v) => v.date === main)) || rank(b.entry.date) - rank(a.entry.date));
    established.push(...groups.map((g) => g.entry));
  }
  const severed = oneFactOnce(col, datedByQuote(col, col.partner.severed), 'Relations severed');
  markDateConflicts(severed, col, 'date relations were severed');
  return mergeSame([...established, ...severed.map((g) => g.entry)]);
}

/** One quote's statement of a fact: its source, the date it settles on, every date it states. */
interface Stated {
  source: SourceRef;
  date: DateValue;
  values: DateValue[];
}

/**
 * The same fact stated by several sources is one entry citing them (`alsoIn`, best first; the
 * comparison then cites the first few and counts the rest): statements whose dates agree
 * ("established in 1993" and "established on January 13, 1993"; the table's "18 February 2008"
 * and "established the following day" after 17 February 2008). The entry quotes the most precise
 * statement, one that states its date itself before one that infers it, then the most readable.
 * Dates that do not agree stay separate entries (sources differ). Only the quoted statement of
 * each fact is made an entry (its section read, its block found): a fact a synthetic library
 * states 600 times made 600 entries, most of a comparison's time (issue 19).
 */
function oneFactOnce(col: FactColumn, stated: Stated[], label: string): { entry: FacetEntry; values: DateValue[] }[] {
  const order = stated
    .map((g) => ({ g, quote: quoteRank(plainQuote(g.source.quote)) }))
    .sort((a, b) => rank(b.g.date) - rank(a.g.date) || Number(!!a.g.date.inferred) - Number(!!b.g.date.inferred) || a.quote - b.quote)
    .map((x) => x.g);
  // A statement joins the first group each of whose dates agrees with each of its own. Dates
  // agree when their spans overlap, so every pair does when the latest start of either side is
  // before the earliest end of the other: a group is its latest start and earliest end (a fact a
  // synthetic library states 600 times compared 600 × 600 dates, most of a comparison: issue 19).
  const out: { lead: Stated; values: DateValue[]; start: string; end: string; refs: SourceRef[] }[] = [];
  // Statements giving the same dates join the same group: groups only grow, so one that did not
  // agree with them never will, and the one that did still does (a fact's hundreds of statements repeat a few dates).
  const byDates = new Map<string, (typeof out)[number]>();
  for (const g of order) {
    const mine = distinctDates(g.values);
    const key = mine.map(dateKey).sort().join(';');
    const { start, end } = narrowest(mine);
    const same = byDates.get(key) ?? out.find((o) => allAgree(o, { start, end }));
    if (same) {
      byDates.set(key, same);
      same.values.push(...g.values);
      if (start > same.start) same.start = start;
      if (end < same.end) same.end = end;
      same.refs.push(g.source);
    } else {
      out.push({ lead: g, values: [...g.values], start, end, refs: [] });
      byDates.set(key, out.at(-1)!);
    }
  }
  return out.map(({ lead, values, refs }) => {
    const entry: FacetEntry = { ...col.sourceEntry(lead.source, false), label, date: lead.date };
    const { cited, more } = citedAndCounted(lead.source, refs);
    // The cited few quoted as their entries would read; the rest only counted.
    const alsoIn = cited.map((r) => ({ ...r, quote: col.sourceEntry(r, false).text }));
    return { entry: { ...entry, ...(alsoIn.length ? { alsoIn } : {}), ...(more ? { alsoInMore: more } : {}) }, values };
  });
}

/** A quote without the table and list marks the entry drops, for ranking it (no section read). */
function plainQuote(quote: string): string {
  const text = quote.trim();
  if (isTableRow(text)) return rowText(text) || text;
  return text.replace(/^- [^:]{1,40}: /, '').replace(/^- /, '');
}

/** One of each date (by dateKey), in first-seen order. */
export function distinctDates(values: readonly DateValue[]): DateValue[] {
  const seen = new Map<string, DateValue>();
  for (const v of values) {
    const k = dateKey(v);
    if (!seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

export function recognitionEntries(col: FactColumn): FacetEntry[] {
  return datedByQuote(col, col.partner.recognition)
    .sort((a, b) => (a.date.date ?? '').localeCompare(b.date.date ?? ''))
    .map((g) => ({ ...col.sourceEntry(g.source, false), label: 'Recognition', date: g.date }));
}

/** One statement per quote and fact (a row can state a date and a severance: "1971 Severed Diplomatic in 7 September 2022"). */
function datedByQuote(col: FactColumn, facts: { value: DateValue; source: SourceRef }[]): Stated[] {
  const groups = new Map<string, Stated>();
  for (const f of facts) {
    const key = `${f.source.docSlug}#${f.source.anchor}#${f.source.quote}`;
    const g = groups.get(key);
    if (g) {
      g.values.push(f.value);
      if (f.value.date === col.partner.established?.date) g.date = f.value;
      continue;
    }
    groups.set(key, { source: f.source, date: f.value, values: [f.value] });
  }
  return [...groups.values()];
}

export function missionEntries(col: FactColumn): FacetEntry[] {
  const name = col.partner.name;
  const dirLabel = (d: Mission['direction']) => (d === 'albania-in-partner' ? `Albania in ${name}` : `${name} in Albania`);
  // Group the statements of one mission (same direction, kind and place), best-worded first.
  const groups = new Map<string, Mission[]>();
  for (const m of col.partner.missions) {
    const key = `${m.direction}|${m.kind}|${placeKey(m)}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const byText = new Map<string, FacetEntry & { missions: Mission[] }>();
  const perQuote = new Map<string, number>();
  for (const m of col.partner.missions) perQuote.set(m.source.quote, (perQuote.get(m.source.quote) ?? 0) + 1);
  for (const ms of groups.values()) {
    // A statement of this one mission reads best; one that states two is the fallback.
    const sorted = [...ms].sort(
      (a, b) => quoteRank(a.source.quote) - quoteRank(b.source.quote) || perQuote.get(a.source.quote)! - perQuote.get(b.source.quote)! || a.source.quote.length - b.source.quote.length,
    );
    const main = sorted[0]!;
    const entry = col.sourceEntry(main.source);
    const key = textKey(entry.text);
    const existing = byText.get(key);
    const target = existing ?? { ...entry, label: dirLabel(main.direction), missions: [] };
    target.missions.push(...ms);
    if (existing && existing.label !== dirLabel(main.direction) && !existing.label?.includes(dirLabel(main.direction))) {
      existing.label = existing.missions.every((m) => m.direction === main.direction) ? existing.label : 'Both ways';
    }
    const also = sorted.slice(1).map((m) => m.source).filter((s) => s.quote !== main.source.quote);
    target.alsoIn = dedupeRefs([...(target.alsoIn ?? []), ...also]);
    if (!target.alsoIn.length) delete target.alsoIn;
    byText.set(key, target);
  }
  const entries = [...byText.values()];
  // Sources differ when one says the mission is resident (an embassy there) and another that it
  // is accredited from elsewhere.
  for (const direction of ['albania-in-partner', 'partner-in-albania'] as const) {
    const sender = direction === 'albania-in-partner' ? 'Albania' : name;
    const resident = col.partner.missions.filter((m) => m.direction === direction && isResidentEmbassy(m));
    const accredited = col.partner.missions.filter((m) => m.direction === direction && /accredited/i.test(m.kind));
    if (resident.length === 0 || accredited.length === 0) continue;
    // The same notes for every entry of the direction: worked out once, not once per entry (issue 19).
    let accreditedNotes: string[] | undefined;
    let residentNotes: string[] | undefined;
    for (const e of entries) {
      const says = e.missions.filter((m) => m.direction === direction);
      const notes: string[] = [];
      if (says.some(isResidentEmbassy)) notes.push(...(accreditedNotes ??= missionNotes(col, accredited, (place) => `${sender} is accredited from ${place}`)));
      if (says.some((m) => /accredited/i.test(m.kind))) notes.push(...(residentNotes ??= missionNotes(col, resident, (place) => `${sender} has an embassy in ${place}`)));
      if (notes.length) e.sourcesDiffer = notes.join(' ');
    }
  }
  const dirOrder = (e: { missions: Mission[] }) => (e.missions.some((m) => m.direction === 'albania-in-partner') ? 0 : 1);
  return entries
    .sort((a, b) => dirOrder(a) - dirOrder(b))
    .map(({ missions, ...e }) => ({ ...e, short: missionsPhrase(missions, e.text) }));
}

export function envoyEntries(col: FactColumn): FacetEntry[] {
  const seen = new Set<string>();
  const out: FacetEntry[] = [];
  const sorted = [...col.partner.envoys].sort((a, b) => Number(a.sends !== 'albania') - Number(b.sends !== 'albania') || (a.from?.date ?? '9999').localeCompare(b.from?.date ?? '9999'));
  for (const e of sorted) {
    const key = `${e.sends}|${foldAccents(e.name).toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sender = e.sends === 'albania' ? 'Albania' : partnerById(e.sends)?.name ?? e.sends;
    const label = /albania/i.test(e.title) ? e.title : `${e.title} of ${sender}`;
    const term = e.to === 'incumbent' ? ' (incumbent)' : '';
    out.push({ ...col.sourceEntry(e.source), label: label + term, short: envoyPhrase(e, describeDate), ...(e.from ? { date: e.from } : {}) });
  }
  return out;
}

export function membershipEntries(col: FactColumn): FacetEntry[] {
  const groups = new Map<string, Partner['memberships']>();
  const keys = new Map<string, string>(); // each name folded once: it is stated thousands of times (issue 19)
  for (const m of col.partner.memberships) {
    let key = keys.get(m.name);
    if (key === undefined) keys.set(m.name, (key = foldAccents(m.name).toLowerCase()));
    const group = groups.get(key);
    // Pushed, not copied: a synthetic library states one membership thousands of times (issue 19).
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const entries: { entry: FacetEntry; values: DateValue[] }[] = [];
  for (const ms of groups.values()) {
    // The most precise date, then prose over a table row, then reading order.
    const sorted = [...ms].sort((a, b) => rank(b.value) - rank(a.value) || quoteRank(a.source.quote) - quoteRank(b.source.quote));
    const best = sorted[0]!;
    const also = dedupeRefs(sorted.slice(1).map((m) => m.source).filter((s) => s.quote !== best.source.quote));
    const entry: FacetEntry = { ...col.sourceEntry(best.source, !best.value), label: best.name, ...(best.value ? { date: best.value } : {}), ...(also.length ? { alsoIn: also } : {}) };
    const values = ms.flatMap((m) => (m.value ? [m.value] : []));
    entries.push({ entry, values });
    // Within one milestone, two dates that do not refine each other are a disagreement.
    // On distinct dates: describeDate and agreement read only what dateKey does.
    const clash = distinctDates(values).filter((v) => best.value && !compatible(v, best.value));
    const dates = [...new Set(clash.map(describeDate))];
    if (dates.length) entry.sourcesDiffer = `Another source gives ${firstFew(dates, DIFFER_CAP + 1, (n) => `${n} more date${n === 1 ? '' : 's'}`)} for ${best.name}.`;
  }
  return entries
    .sort((a, b) => (a.entry.date ? 0 : 1) - (b.entry.date ? 0 : 1) || (a.entry.date?.date ?? '').localeCompare(b.entry.date?.date ?? ''))
    .map((e) => e.entry);
}

/**
 * "Another source says X has an embassy in Tirana (place; 5 more sources say so)." One note per
 * place, the first few places, the first source of each named: the notes of a mission stated in
 * hundreds of documents filled a sheet (issue 19).
 */
function missionNotes(col: FactColumn, missions: readonly Mission[], claim: (place: string) => string): string[] {
  const byPlace = new Map<string, Mission[]>();
  for (const m of missions) {
    const key = placeKey(m);
    const list = byPlace.get(key);
    if (list) list.push(m);
    else byPlace.set(key, [m]);
  }
  const places = [...byPlace.values()];
  const notes = places.slice(0, places.length === DIFFER_CAP + 1 ? DIFFER_CAP + 1 : DIFFER_CAP).map((ms) => {
    const sources = new Set(ms.map((m) => `${m.source.docSlug}#${m.source.anchor}`)).size;
    const more = sources > 1 ? `; ${sources - 1} more source${sources === 2 ? ' says' : 's say'} so` : '';
    return `Another source says ${claim(ms[0]!.place)} (${col.where(ms[0]!.source)}${more}).`;
  });
  const rest = places.length - notes.length;
  if (rest > 0) notes.push(`Other sources name ${rest} more place${rest === 1 ? '' : 's'}.`);
  return notes;
}

function isResidentEmbassy(m: Mission): boolean {
  return /^embassy$/i.test(m.kind.trim());
}

/** Spelling variants of one place (Pristina / Prishtina) and "Albania" for its capital group together. */
function placeKey(m: Mission): string {
  const p = foldAccents(m.place).toLowerCase().replace(/h/g, '').replace(/[^a-z]/g, '');
  return m.direction === 'partner-in-albania' && (p === 'albania' || p === 'tirana') ? 'tirana' : p;
}
