// The briefing sheet's quoted items: which entries of a cell are taken (pinned first, caps),
// their stable ids, and quotes clipped to the sheet's length.
import type { FacetEntry } from '../shared/types';
import { foldAccents } from '../shared/text';


/** Pinned entries first, then the rest in the comparison's order, up to `cap` unpinned ones. */
export function take(entries: readonly FacetEntry[], cap: number, pinned: ReadonlySet<string>): FacetEntry[] {
  const isPinned = (e: FacetEntry) => namedIn(pinned, e);
  return [...entries.filter(isPinned), ...entries.filter((e) => !isPinned(e)).slice(0, cap)];
}

/** When they do not all fit: membership itself, then the steps to it, then the rest; shown oldest first. */
export function keyMilestones(entries: FacetEntry[], cap: number): FacetEntry[] {
  if (entries.length <= cap) return entries;
  const rank = (e: FacetEntry) => (/\b(?:Member of|full member)\b/i.test(e.label ?? '') ? 0 : /Partnership for Peace|Membership Action Plan|Accession|Invitation/i.test(e.label ?? '') ? 1 : 2);
  const keep = new Set([...entries].sort((a, b) => rank(a) - rank(b)).slice(0, cap));
  return [...entries.filter((e) => keep.has(e)), ...entries.filter((e) => !keep.has(e))];
}

/** The incumbent first, then the most recent: a briefing wants who is in post now. */
export function sortEnvoys(entries: FacetEntry[]): FacetEntry[] {
  const incumbent = (e: FacetEntry) => (/\(incumbent\)/.test(e.label ?? '') ? 0 : 1);
  return [...entries].sort((a, b) => incumbent(a) - incumbent(b) || (b.date?.date ?? '').localeCompare(a.date?.date ?? ''));
}

type Entry = Pick<FacetEntry, 'docSlug' | 'anchor' | 'text' | 'label'>;

/**
 * The id of an entry on the sheet: its place and words, and for an extracted fact its label too,
 * because one sentence can state two facts ("de facto in 1971 de juro 21 March 1996") and each
 * is pinned or removed on its own.
 */
export function entryId(e: Entry): string {
  return e.label ? itemId(e.docSlug, e.anchor, `${e.text}\u0000${e.label}`) : itemId(e.docSlug, e.anchor, e.text);
}

/** Every id that names the entry in a pinned or exclude list: its own (first), and for a fact the id it had before labels counted (saved links). */
export function entryNames(e: Entry): string[] {
  const id = entryId(e);
  return e.label ? [id, itemId(e.docSlug, e.anchor, e.text)] : [id];
}

export function namedIn(ids: ReadonlySet<string>, e: Entry): boolean {
  return entryNames(e).some((id) => ids.has(id));
}

/** A stable id for a quoted entry: FNV-1a of its place and words. */
export function itemId(docSlug: string, anchor: string, text: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${docSlug}#${anchor}#${textKey(text)}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `q-${h.toString(36)}`;
}

export function textKey(text: string): string {
  return foldAccents(text).toLowerCase().replace(/\s+/g, ' ').replace(/[.…\s]+$/, '').trim();
}

/** Cut at a word boundary and mark with "…" when longer than `max`. */
export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:–—-]+$/, '')} …`;
}
