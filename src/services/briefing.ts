// The briefing sheet: what a diplomat takes into a meeting about one partner (or 2–4 side by
// side). It is assembled from data only: the comparison's facets (compare.ts / core/facets.ts) give the
// key facts and the key passages, the timeline gives the dated events (briefingTimeline.ts), and
// every quote keeps its source, numbered in a sources list (briefingSources.ts). The caps keep one
// partner to 1–3 pages. The PDF's header and footer are in briefingPdf.ts.
import { DeskError, type BriefingParams } from '../shared/api';
import type { BriefingItem, BriefingRow, BriefingSheet, ComparisonPartner, FacetEntry, FacetId } from '../shared/types';
import { buildComparison, MAX_PARTNERS } from './compare';
import { citedAndCounted } from './compareQuotes';
import { FACETS } from '../core/facets';
import { clip, entryNames, keyMilestones, sortEnvoys, take, textKey } from './briefingItems';
import { eventDate, pickRankedEvents } from './briefingTimeline';
import { DocCache, findPassage, partnerOf, passageFacet, SourceList } from './briefingSources';
import type { LibraryView as Library } from './libraryView';

export { clip, itemId } from './briefingItems';
export { eventScore, pickEvents } from './briefingTimeline';
export { briefingRoute, FOOTER_NOTE, PAPER_LABELS, PDF_MARGINS } from './briefingPdf';

export const MIN_BRIEFING_PARTNERS = 1;
export const MAX_BRIEFING_PARTNERS = MAX_PARTNERS;

/** Rows of key facts: only the extracted facts (entries with a label) of these facets. */
export const FACT_FACETS = ['relations', 'recognition', 'missions', 'envoys', 'memberships'] as const satisfies readonly FacetId[];
type FactFacet = (typeof FACT_FACETS)[number];

/** Facets that can hold key passages, in their default order (the comparison's own timeline is replaced by ours). */
export const PASSAGE_FACETS: readonly FacetId[] = FACETS.map((f) => f.id).filter((id) => id !== 'timeline');

export interface BriefingCaps {
  facts: Record<FactFacet, number>;
  /** Dated events per partner. */
  timeline: number;
  /** Passages per facet and partner (pinned ones are never dropped). */
  perFacet: number;
  /** Passages per partner over all facets. */
  passages: number;
  /** Longest quote, in characters; longer ones are cut at a word and marked "…". */
  chars: number;
  /**
   * Other sources a fact numbers beside its own, the rest counted ("[4, 9 and 31 more sources]"):
   * one partner's sheet numbers what the comparison cites (ALSO_IN_CAP); side by side, where three
   * or four partners' facts share one sources list, one each (each number is a line of that list).
   */
  alsoSources: number;
}

/** Sized so one partner fits 1–3 pages of A4 or US Letter, and 2–4 partners a few pages of table. */
export const BRIEFING_CAPS: Record<BriefingSheet['layout'], BriefingCaps> = {
  single: { facts: { relations: 3, recognition: 3, missions: 6, envoys: 4, memberships: 8 }, timeline: 8, perFacet: 2, passages: 12, chars: 340, alsoSources: 3 },
  'side-by-side': { facts: { relations: 1, recognition: 1, missions: 2, envoys: 2, memberships: 3 }, timeline: 4, perFacet: 1, passages: 8, chars: 180, alsoSources: 1 },
};

export interface BriefingOptions extends BriefingParams {
  /** The day to print (YYYY-MM-DD); today when absent. */
  date?: string;
}

/** The last few sheets per open library (its file is read-only, so a sheet never goes stale while it is open). */
const recentSheets = new WeakMap<Library, Map<string, BriefingSheet>>();
const RECENT_SHEETS = 4;

/**
 * Validates the partners (1–4, known, distinct) and assembles the sheet. The same sheet asked
 * again of the same library is answered from memory: a PDF asks twice (the CLI before starting
 * Chromium, then the page it prints), and a sheet for the partner in most documents takes
 * seconds at 5,000 documents (issue 19).
 */
export function buildBriefing(library: Library, params: BriefingOptions): BriefingSheet {
  const ids = resolvePartners(library, params.partners);
  const key = JSON.stringify([ids, params.pinned ?? [], params.exclude ?? [], params.facetOrder ?? [], params.date ?? today()]);
  let recent = recentSheets.get(library);
  if (!recent) recentSheets.set(library, (recent = new Map()));
  const known = recent.get(key);
  if (known) return known;
  const sheet = assembleBriefing(library, ids, params);
  recent.set(key, sheet);
  if (recent.size > RECENT_SHEETS) recent.delete(recent.keys().next().value!);
  return sheet;
}

function assembleBriefing(library: Library, ids: string[], params: BriefingOptions): BriefingSheet {
  const layout: BriefingSheet['layout'] = ids.length === 1 ? 'single' : 'side-by-side';
  const caps = BRIEFING_CAPS[layout];
  const comparison = buildComparison(library, ids);
  const info = library.info();
  const docs = new DocCache(library);
  const pinned = new Set(params.pinned ?? []);
  const excluded = new Set(params.exclude ?? []);
  const used = new Set<string>();
  const sources = new SourceList(docs);

  const facetOrder = orderFacets(params.facetOrder);
  const item = (e: FacetEntry, chars: number): BriefingItem => {
    // Its own id first, then the one a saved link may still use.
    const names = entryNames(e);
    const id = names[0]!;
    for (const name of names) used.add(name);
    const source = sources.number(e.docSlug, e.anchor);
    const { cited, more } = citedAndCounted(e, e.alsoIn ?? [], caps.alsoSources);
    const also = cited.map((a) => sources.number(a.docSlug, a.anchor));
    const alsoMore = (e.alsoInMore ?? 0) + more;
    return {
      id,
      text: clip(e.text, chars),
      ...(e.label ? { label: e.label } : {}),
      ...(e.date ? { date: e.date } : {}),
      source,
      ...(also.length ? { alsoSources: also } : {}),
      ...(alsoMore ? { alsoMore } : {}),
      ...(names.some((n) => pinned.has(n)) ? { pinned: true as const } : {}),
      ...(e.sourcesDiffer ? { sourcesDiffer: e.sourcesDiffer } : {}),
    };
  };
  const isExcluded = (e: FacetEntry) => {
    const names = entryNames(e).filter((id) => excluded.has(id));
    for (const id of names) used.add(id);
    return names.length > 0;
  };
  const cell = (facet: FacetId, pid: string) => comparison.facets.find((f) => f.id === facet)?.cells[pid] ?? [];

  // 1. Key facts: the labelled (extracted) entries of the fact facets.
  const facts: BriefingRow[] = [];
  for (const facet of FACT_FACETS) {
    const row: BriefingRow = { id: facet, label: FACT_LABELS[facet], cells: {} };
    for (const p of comparison.partners) {
      let entries = cell(facet, p.id).filter((e) => e.label && !isExcluded(e));
      if (facet === 'envoys') entries = sortEnvoys(entries);
      if (facet === 'memberships') entries = keyMilestones(entries, caps.facts.memberships);
      row.cells[p.id] = take(entries, caps.facts[facet], pinned).map((e) => item(e, caps.chars));
      if (entries.length > row.cells[p.id]!.length) (row.more ??= {})[p.id] = entries.length - row.cells[p.id]!.length;
    }
    if (Object.values(row.cells).some((c) => c.length > 0)) facts.push(row);
  }

  // 2. The short timeline.
  const timeline: Record<string, BriefingItem[]> = {};
  for (const p of comparison.partners) {
    // Read best first by the build-time score (issue 19), not the partner's whole timeline.
    for (const r of library.partnerEventsAmong(p.id, [...excluded])) used.add(r.event.id);
    const chosen = pickRankedEvents(library, p.id, caps.timeline, pinned, excluded);
    timeline[p.id] = chosen.map((e) => {
      used.add(e.id);
      return {
        id: e.id,
        text: clip(e.summary, caps.chars),
        date: eventDate(e),
        source: sources.number(e.docSlug, e.anchor),
        ...(pinned.has(e.id) ? { pinned: true as const } : { importance: e.importance }),
      };
    });
  }

  // 3. Key passages by facet: the unlabelled entries, each quote once per partner, capped.
  const rows = new Map<FacetId | 'pinned', BriefingRow>();
  for (const facet of facetOrder) rows.set(facet, { id: facet, label: FACET_LABELS.get(facet)!, cells: {} });
  const pinnedRow: BriefingRow = { id: 'pinned', label: 'Pinned passages', cells: {} };
  for (const p of comparison.partners) {
    const shown = new Set<string>([...facts.flatMap((r) => r.cells[p.id] ?? []).map((i) => textKey(i.text))]);
    let total = 0;
    for (const facet of facetOrder) {
      const row = rows.get(facet)!;
      const isFact = (FACT_FACETS as readonly FacetId[]).includes(facet);
      const entries = cell(facet, p.id).filter((e) => !(isFact && e.label) && !shown.has(textKey(e.text)) && !isExcluded(e));
      const room = Math.max(0, Math.min(caps.perFacet, caps.passages - total));
      const items = take(entries, room, pinned).map((e) => item(e, caps.chars));
      for (const i of items) shown.add(textKey(i.text));
      total += items.filter((i) => !i.pinned).length;
      row.cells[p.id] = items;
      const more = (comparison.facets.find((f) => f.id === facet)?.more?.[p.id] ?? 0) + entries.length - items.length;
      if (more > 0) (row.more ??= {})[p.id] = more;
    }
    pinnedRow.cells[p.id] = [];
  }

  // 4. Pinned ids that are not entries of the comparison: passages found by search, filed by facet.
  const unknownIds: string[] = [];
  for (const id of pinned) {
    if (used.has(id)) continue;
    const passage = /^[a-z0-9-]+\/p\d+$/.test(id) ? findPassage(docs, id) : null;
    if (!passage) {
      unknownIds.push(id);
      continue;
    }
    used.add(id);
    const partner = partnerOf(passage.text, comparison.partners);
    const facet = passageFacet(passage.sectionPath, passage.text, comparison.partners.find((p) => p.id === partner)!.name);
    const row = (facet && rows.get(facet)) || pinnedRow;
    row.cells[partner] = [
      { id, text: clip(passage.text, caps.chars * 2), source: sources.number(passage.docSlug, passage.anchor), pinned: true },
      ...(row.cells[partner] ?? []),
    ];
  }
  for (const id of excluded) if (!used.has(id)) unknownIds.push(id);

  const facets = [...rows.values(), pinnedRow].filter((r) => Object.values(r.cells).some((c) => c.length > 0));
  for (const r of facets) for (const p of comparison.partners) r.cells[p.id] ??= [];

  return {
    layout,
    title: briefingTitle(comparison.partners),
    date: params.date ?? today(),
    partners: comparison.partners,
    corpus: corpusVersion(info.corpusHash, info.builtAt),
    facts,
    timeline,
    facets,
    facetOrder,
    sources: sources.list(),
    unknownIds,
  };
}

// --- partners, order, titles ------------------------------------------------------------------

function resolvePartners(library: Library, names: readonly string[]): string[] {
  if (names.length < MIN_BRIEFING_PARTNERS || names.length > MAX_BRIEFING_PARTNERS) {
    throw new DeskError('BAD_REQUEST', `A briefing is for ${MIN_BRIEFING_PARTNERS} to ${MAX_BRIEFING_PARTNERS} partners; got ${names.length}.`);
  }
  const ids: string[] = [];
  const missing: string[] = [];
  for (const name of names) {
    try {
      const id = library.requirePartnerId(name);
      if (ids.includes(id)) throw new DeskError('BAD_REQUEST', `"${name}" is named twice; a briefing compares different partners.`);
      ids.push(id);
    } catch (err) {
      if (err instanceof DeskError && err.code === 'NOT_FOUND') missing.push(err.message);
      else throw err;
    }
  }
  if (missing.length > 0) throw new DeskError('NOT_FOUND', missing.join(' '));
  return ids;
}

const FACT_LABELS: Record<FactFacet, string> = {
  relations: 'Relations established (and severed)',
  recognition: 'Recognition',
  missions: 'Resident missions',
  envoys: 'Envoys',
  memberships: 'Memberships and milestones',
};

const FACET_LABELS = new Map<FacetId, string>(FACETS.map((f) => [f.id, f.label]));

/** The requested order first (unknown and repeated ids ignored), then the rest in the usual order. */
export function orderFacets(requested: readonly FacetId[] = []): FacetId[] {
  const out: FacetId[] = [];
  for (const f of [...requested, ...PASSAGE_FACETS]) if (PASSAGE_FACETS.includes(f) && !out.includes(f)) out.push(f);
  return out;
}

/** "Albania–Kosovo: briefing"; "Albania with Kosovo, NATO and Ukraine: briefing". */
export function briefingTitle(partners: readonly Pick<ComparisonPartner, 'name'>[]): string {
  const names = partners.map((p) => p.name);
  if (names.length === 1) return `Albania–${names[0]}: briefing`;
  return `Albania with ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: briefing`;
}

export function corpusVersion(hash: string, builtAt: string): BriefingSheet['corpus'] {
  const short = hash.slice(0, 12);
  const day = builtAt.slice(0, 10);
  return { hash: short, builtAt: day, label: `corpus ${short}${day ? ` · built ${day}` : ''}` };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

