// The briefing sheet: what a diplomat takes into a meeting about one partner (or 2–4 side by
// side). It is assembled from data only: the comparison's facets (compare.ts / facets.ts) give the
// key facts and the key passages, the timeline gives the dated events (scored below), and every
// quote keeps its source, numbered in a sources list. The caps keep one partner to 1–3 pages.
//
// It also holds the running header and footer templates for a PDF (Chromium's page.pdf and
// Electron's printToPDF take the same ones), so the CLI and the app print identical pages.
import { DeskError, type BriefingParams } from '../shared/api';
import { BRIEFING_FOOTER_NOTE } from '../shared/types';
import type {
  BriefingItem,
  BriefingRow,
  BriefingSheet,
  BriefingSource,
  Comparison,
  ComparisonPartner,
  DateValue,
  DeskDocument,
  FacetEntry,
  FacetId,
  PaperSize,
  TimelineEvent,
} from '../shared/types';
import { foldAccents } from '../shared/text';
import { mentionsIn } from '../core/partners';
import { passagesOf } from '../core/passages';
import { buildComparison, describeDate, MAX_PARTNERS } from './compare';
import { classifySentence, FACETS, facetForHeadings } from './facets';
import type { LibraryView as Library } from './libraryView';

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
}

/** Sized so one partner fits 1–3 pages of A4 or US Letter, and 2–4 partners a few pages of table. */
export const BRIEFING_CAPS: Record<BriefingSheet['layout'], BriefingCaps> = {
  single: { facts: { relations: 3, recognition: 3, missions: 6, envoys: 4, memberships: 8 }, timeline: 8, perFacet: 2, passages: 12, chars: 340 },
  'side-by-side': { facts: { relations: 1, recognition: 1, missions: 2, envoys: 2, memberships: 3 }, timeline: 4, perFacet: 1, passages: 8, chars: 180 },
};

export interface BriefingOptions extends BriefingParams {
  /** The day to print (YYYY-MM-DD); today when absent. */
  date?: string;
}

/** Validates the partners (1–4, known, distinct) and assembles the sheet. */
export function buildBriefing(library: Library, params: BriefingOptions): BriefingSheet {
  const ids = resolvePartners(library, params.partners);
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
    const id = itemId(e.docSlug, e.anchor, e.text);
    used.add(id);
    return {
      id,
      text: clip(e.text, chars),
      ...(e.label ? { label: e.label } : {}),
      ...(e.date ? { date: e.date } : {}),
      source: sources.number(e.docSlug, e.anchor),
      ...(pinned.has(id) ? { pinned: true as const } : {}),
      ...(e.sourcesDiffer ? { sourcesDiffer: e.sourcesDiffer } : {}),
    };
  };
  const isExcluded = (e: FacetEntry) => {
    const id = itemId(e.docSlug, e.anchor, e.text);
    if (excluded.has(id)) used.add(id);
    return excluded.has(id);
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
    const events = library.timeline({ partner: p.id });
    const about = new Set(library.listDocuments().filter((d) => d.kind !== 'overview' && d.partners[0] === p.id).map((d) => d.slug));
    for (const e of events) if (excluded.has(e.id)) used.add(e.id);
    const chosen = pickEvents(events.filter((e) => !excluded.has(e.id)), caps.timeline, (e) => eventScore(e, about), pinned);
    timeline[p.id] = chosen.map((e) => {
      used.add(e.id);
      return {
        id: e.id,
        text: clip(e.summary, caps.chars),
        date: eventDate(e),
        source: sources.number(e.docSlug, e.anchor),
        ...(pinned.has(e.id) ? { pinned: true as const } : {}),
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

// --- items ------------------------------------------------------------------------------------

/** Pinned entries first, then the rest in the comparison's order, up to `cap` unpinned ones. */
function take(entries: readonly FacetEntry[], cap: number, pinned: ReadonlySet<string>): FacetEntry[] {
  const isPinned = (e: FacetEntry) => pinned.has(itemId(e.docSlug, e.anchor, e.text));
  return [...entries.filter(isPinned), ...entries.filter((e) => !isPinned(e)).slice(0, cap)];
}

/** When they do not all fit: membership itself, then the steps to it, then the rest; shown oldest first. */
function keyMilestones(entries: FacetEntry[], cap: number): FacetEntry[] {
  if (entries.length <= cap) return entries;
  const rank = (e: FacetEntry) => (/\b(?:Member of|full member)\b/i.test(e.label ?? '') ? 0 : /Partnership for Peace|Membership Action Plan|Accession|Invitation/i.test(e.label ?? '') ? 1 : 2);
  const keep = new Set([...entries].sort((a, b) => rank(a) - rank(b)).slice(0, cap));
  return [...entries.filter((e) => keep.has(e)), ...entries.filter((e) => !keep.has(e))];
}

/** The incumbent first, then the most recent: a briefing wants who is in post now. */
function sortEnvoys(entries: FacetEntry[]): FacetEntry[] {
  const incumbent = (e: FacetEntry) => (/\(incumbent\)/.test(e.label ?? '') ? 0 : 1);
  return [...entries].sort((a, b) => incumbent(a) - incumbent(b) || (b.date?.date ?? '').localeCompare(a.date?.date ?? ''));
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

function textKey(text: string): string {
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

// --- timeline ---------------------------------------------------------------------------------

const PRECISION_POINTS: Record<DateValue['precision'], number> = { day: 3, month: 2, year: 1, range: 0, decade: 0 };
const CATEGORY_POINTS: Record<TimelineEvent['category'], number> = { diplomatic: 3, accession: 3, security: 2, conflict: 1, economy: 0, people: 0 };
const MILESTONE = /\b(?:relations? (?:were |was )?(?:established|severed|suspended)|diplomatic relations|recogni[sz]|full member|member of|Partnership for Peace|Membership Action Plan|accession|invitation to join|embassy|signed|declaration)\b/i;

/**
 * How much a dated event matters on a briefing: day precision (3) over month (2) and year (1);
 * relations and accession (3) over security (2), conflict (1) and the rest (0); a milestone
 * (relations established or severed, recognition, membership, an embassy, a signature) 2 more;
 * an event from a document about the partner 1 more; full membership or relations established 1 more; a row whose country was lost in the source,
 * or an envoy's term, 5 less.
 */
export function eventScore(e: TimelineEvent, aboutDocs: ReadonlySet<string>): number {
  let s = PRECISION_POINTS[e.precision] + CATEGORY_POINTS[e.category];
  if (MILESTONE.test(`${e.summary} ${e.quote}`)) s += 2;
  if (aboutDocs.has(e.docSlug)) s += 1;
  if (/\b(?:full member|became a member|relations were established)\b/i.test(`${e.summary} ${e.quote}`)) s += 1;
  if (/country not named in the source|term as representative/i.test(e.summary)) s -= 5;
  return s;
}

/** The best `cap` events (pinned ones always, on top of the cap), one per date and milestone, oldest first. */
export function pickEvents(events: readonly TimelineEvent[], cap: number, score: (e: TimelineEvent) => number, pinned: ReadonlySet<string> = new Set()): TimelineEvent[] {
  const ranked = events.map((e, i) => ({ e, i, s: pinned.has(e.id) ? Infinity : score(e) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const chosen: typeof ranked = [];
  for (const r of ranked) {
    const isPinned = r.s === Infinity;
    if (!isPinned && (chosen.filter((c) => c.s !== Infinity).length >= cap || r.s < 0)) continue;
    if (!isPinned && chosen.some((c) => sameEvent(c.e, r.e))) continue;
    chosen.push(r);
  }
  return chosen.sort((a, b) => a.i - b.i).map((r) => r.e);
}

const EVENT_KEYS: readonly [string, RegExp][] = [
  ['relations', /\brelations? (?:were |was )?(?:established|severed)|diplomatic relations\b/i],
  ['recognition', /\brecogni[sz]/i],
  ['pfp', /\bPartnership for Peace\b/],
  ['map', /\bMembership Action Plan\b|\bMAP\b/],
  ['invitation', /\binvitation\b/i],
  ['protocol', /\baccession protocols?\b/i],
  ['member', /\bfull member\b|\bMember of NATO\b|\baccession of Albania\b/i],
];

/** Two events are one on a short timeline: the same date, the same sentence, or one milestone at a year and at the day that refines it. */
function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.date === b.date || (a.docSlug === b.docSlug && a.quote === b.quote)) return true;
  if (!a.date.startsWith(b.date) && !b.date.startsWith(a.date)) return false;
  const keys = (e: TimelineEvent) => EVENT_KEYS.filter(([, re]) => re.test(e.summary)).map(([k]) => k);
  const ka = keys(a);
  return keys(b).some((k) => ka.includes(k));
}

function eventDate(e: TimelineEvent): DateValue {
  const v: DateValue = { date: e.date, precision: e.precision, ...(e.end ? { end: e.end } : {}), text: '' };
  v.text = describeDate(v);
  return v;
}

// --- pinned passages --------------------------------------------------------------------------

class DocCache {
  private readonly docs = new Map<string, DeskDocument | null>();
  constructor(private readonly library: Library) {}
  get(slug: string): DeskDocument | null {
    if (!this.docs.has(slug)) {
      try {
        this.docs.set(slug, this.library.getDocument(slug));
      } catch {
        this.docs.set(slug, null);
      }
    }
    return this.docs.get(slug)!;
  }
}

/** A passage by its id ("<docSlug>/p<n>"), recomputed from its document the way the builder numbers them. */
function findPassage(docs: DocCache, id: string): { docSlug: string; anchor: string; sectionPath: string[]; text: string } | null {
  const at = id.lastIndexOf('/p');
  const doc = docs.get(id.slice(0, at));
  if (!doc) return null;
  const raw = passagesOf(doc)[Number(id.slice(at + 2))];
  return raw ? { docSlug: raw.docSlug, anchor: raw.anchor, sectionPath: raw.sectionPath, text: raw.text } : null;
}

/** The sheet partner a passage names first; the first partner when it names none of them. */
function partnerOf(text: string, partners: readonly ComparisonPartner[]): string {
  const ids = new Set(partners.map((p) => p.id));
  return mentionsIn(text).find((m) => ids.has(m.id))?.id ?? partners[0]!.id;
}

/** Filed as the comparison files sentences: by its heading, else by the keyword classifier. */
function passageFacet(sectionPath: readonly string[], text: string, partnerName: string): FacetId | null {
  const byHeading = facetForHeadings(sectionPath);
  if (byHeading) return byHeading;
  return classifySentence(text, [partnerName]).facet;
}

// --- sources ----------------------------------------------------------------------------------

class SourceList {
  private readonly byKey = new Map<string, BriefingSource>();
  constructor(private readonly docs: DocCache) {}
  number(docSlug: string, anchor: string): number {
    const key = `${docSlug}#${anchor}`;
    let s = this.byKey.get(key);
    if (!s) {
      const doc = this.docs.get(docSlug);
      const section = doc?.sections.find((x) => x.anchor === anchor);
      s = { n: this.byKey.size + 1, docSlug, docTitle: doc?.title ?? docSlug, anchor, sectionPath: section?.path ?? [] };
      this.byKey.set(key, s);
    }
    return s.n;
  }
  list(): BriefingSource[] {
    return [...this.byKey.values()];
  }
}

// --- PDF header and footer ------------------------------------------------------------------

export const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };

/** Page margins shared by the print stylesheet (@page) and page.pdf / printToPDF: the header and footer live in the top and bottom margins. */
export const PDF_MARGINS = { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } as const;

export const FOOTER_NOTE = BRIEFING_FOOTER_NOTE;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The running header (the sheet's title) and footer ("page N of M", the note, the corpus
 * version) for Chromium's page.pdf and Electron's printToPDF. Chromium fills the pageNumber and
 * totalPages spans; the templates cannot load anything and have no default font size.
 */
export function pdfHeaderFooter(title: string, corpusLabel: string): { headerTemplate: string; footerTemplate: string } {
  const box = 'width:100%;margin:0 16mm;font-family:Helvetica,Arial,sans-serif;font-size:8pt;color:#444;display:flex;justify-content:space-between;gap:8mm;';
  return {
    headerTemplate: `<div style="${box}border-bottom:0.5pt solid #999;padding-bottom:1.5mm;"><span>${escapeHtml(title)}</span><span>Relations Desk</span></div>`,
    footerTemplate:
      `<div style="${box}"><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
      `<span>${escapeHtml(FOOTER_NOTE)} · ${escapeHtml(corpusLabel)}</span></div>`,
  };
}

/** The sheet's hash route for a partner or a comparison, as the CLI and the app's links build it. */
export function briefingRoute(partners: readonly string[], opts: { paper?: PaperSize; print?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (partners.length === 1) q.set('partner', partners[0]!);
  else q.set('compare', partners.join(','));
  if (opts.paper) q.set('paper', opts.paper);
  if (opts.print) q.set('print', '1');
  return `#/briefing?${q.toString().replace(/%2C/g, ',')}`;
}
