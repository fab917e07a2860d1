// Side-by-side comparison of 2–4 partners. Each facet (row) gets, per partner (column), short
// entries quoted from the library: the extracted partner facts (relations, recognition, missions,
// envoys, memberships), sentences filed by section heading or by the keyword classifier
// (core/facets.ts), key figures, and a mini timeline. Where the sources disagree, both entries stay
// and are marked `sourcesDiffer`.
import { DeskError } from '../shared/api';
import type { Comparison, ComparisonFacet, DateValue, FacetEntry, FacetId, Partner, Section, SourceRef, TimelineEvent } from '../shared/types';
import { partnerById } from '../core/partners';
import { FACETS, type TopicFacet } from '../core/facets';
import type { CandidateFacet } from '../core/candidates';
import type { LibraryView as Library } from './libraryView';
import { eventDate, compatible } from './compareDates';
import { envoyEntries, membershipEntries, missionEntries, recognitionEntries, relationEntries, type FactColumn } from './compareFacts';
import { citeFirst, excerpt, findBlockId, isTableRow, rowText, tableHeader, textKey } from './compareQuotes';
import { milestoneKeys } from './compareTimeline';
import { chronological, type RankedEvent } from '../core/eventRanks';
import { candidateCell } from './candidateCells';
import { ShownLater } from './shownLater';

export { describeDate } from './compareDates';

export const MIN_PARTNERS = 2;
export const MAX_PARTNERS = 4;

/** At most this many entries per cell, most relevant first; the rest are counted in `more`. */
export const CELL_CAP: Record<FacetId, number> = {
  relations: 6,
  recognition: 6,
  missions: 8,
  envoys: 8,
  memberships: 8,
  agreements: 6,
  security: 6,
  economy: 6,
  people: 6,
  'russia-ukraine': 6,
  'key-figures': 6,
  timeline: 8,
};

/** Validates the names (count, known, distinct) and builds the comparison. */
export function comparePartners(library: Library, names: readonly string[]): Comparison {
  if (names.length < MIN_PARTNERS || names.length > MAX_PARTNERS) {
    throw new DeskError('BAD_REQUEST', `Compare needs ${MIN_PARTNERS} to ${MAX_PARTNERS} partners; got ${names.length}.`);
  }
  const ids: string[] = [];
  const missing: string[] = [];
  const asked = new Map<string, string>();
  for (const name of names) {
    try {
      const id = library.requirePartnerId(name);
      const earlier = asked.get(id);
      if (earlier !== undefined) {
        throw new DeskError('BAD_REQUEST', `"${earlier}" and "${name}" are the same partner; compare ${MIN_PARTNERS} to ${MAX_PARTNERS} different partners.`);
      }
      asked.set(id, name);
      ids.push(id);
    } catch (err) {
      if (err instanceof DeskError && err.code === 'NOT_FOUND') missing.push(err.message);
      else throw err;
    }
  }
  if (missing.length > 0) throw new DeskError('NOT_FOUND', missing.join(' '));
  return buildComparison(library, ids);
}

/** The facets of partners already resolved to distinct ids, any number of them (the briefing sheet builds one). */
export function buildComparison(library: Library, ids: readonly string[]): Comparison {
  const ctx = new Context(library);
  const partners = ids.map((id) => library.getPartner(id));
  const columns = partners.map((p) => new PartnerColumn(ctx, p).build());
  const facets: ComparisonFacet[] = FACETS.map(({ id, label }) => {
    const facet: ComparisonFacet = { id, label, cells: {} };
    partners.forEach((p, i) => {
      const { entries, more } = columns[i]!.get(id) ?? { entries: [], more: 0 };
      facet.cells[p.id] = entries;
      if (more > 0) (facet.more ??= {})[p.id] = more;
    });
    return facet;
  });
  return { partners: partners.map((p) => ({ id: p.id, name: p.name, kind: p.kind })), facets };
}

// --- shared lookups for one comparison ------------------------------------------------------------

class Context {
  /** Sections read one at a time (a fact's source), not whole documents (issue 19). */
  private readonly sections = new Map<string, Section | undefined>();
  private readonly titles = new Map<string, string>();
  constructor(readonly library: Library) {}
  private title(slug: string): string {
    let t = this.titles.get(slug);
    if (t === undefined) {
      t = this.library.documentTitle(slug) ?? this.library.getDocumentPart(slug, { count: 1 }).document.title; // the latter: NOT_FOUND, as getDocument
      this.titles.set(slug, t);
    }
    return t;
  }
  section(slug: string, anchor: string): Section | undefined {
    const key = `${slug}#${anchor}`;
    if (!this.sections.has(key)) {
      this.sections.set(key, this.library.section(slug, anchor) ?? undefined);
    }
    return this.sections.get(key);
  }
  /** "Albania–Ukraine relations › Resident diplomatic missions" */
  where(ref: { docSlug: string; anchor: string }): string {
    const title = this.title(ref.docSlug);
    const s = this.section(ref.docSlug, ref.anchor);
    return s && s.path.length > 0 ? `${title} › ${s.path.join(' › ')}` : `${title}, introduction`;
  }
}

class PartnerColumn implements FactColumn {
  /** The date of the partner's oldest event quoting a wording (null: none), looked up in batches as quotes need them (issue 19). */
  private readonly dates = new Map<string, DateValue | null>();
  private readonly datesOf = (keys: readonly string[]): Map<string, DateValue> => {
    const missing = [...new Set(keys.filter((k) => !this.dates.has(k)))];
    if (missing.length > 0) {
      const found = this.ctx.library.partnerEventsQuoting(this.partner.id, missing);
      for (const k of missing) {
        const r = found.get(k);
        this.dates.set(k, r ? eventDate(r.event) : null);
      }
    }
    const out = new Map<string, DateValue>();
    for (const k of keys) {
      const d = this.dates.get(k);
      if (d) out.set(k, d);
    }
    return out;
  };
  private readonly names: string[];
  /** textKey of the column's quotes, each worked out once: a fact's thousands of statements repeat a few hundred wordings (issue 19). */
  private readonly keys = new Map<string, string>();
  private readonly key = (text: string): string => {
    let k = this.keys.get(text);
    if (k === undefined) this.keys.set(text, (k = textKey(text)));
    return k;
  };
  /** Every extracted fact's quote: a sentence that is a fact is shown under its fact's facet only. */
  private readonly factQuotes = new Set<string>();

  constructor(
    private readonly ctx: Context,
    readonly partner: Partner,
  ) {
    const def = partnerById(partner.id);
    this.names = [partner.name, ...partner.aliases, ...(def?.adjectives ?? [])];
    const refs = [
      ...partner.establishedSources.map((f) => f.source),
      ...partner.severed.map((f) => f.source),
      ...partner.recognition.map((f) => f.source),
      ...partner.missions.map((f) => f.source),
      ...partner.envoys.map((f) => f.source),
      ...partner.memberships.map((f) => f.source),
    ];
    // Each wording once: a synthetic library states a membership thousands of times in a few hundred wordings (issue 19).
    for (const r of refs) this.factQuotes.add(this.key(r.quote));
    // Mission and envoy entries are dated by their quote, looked up in one batch; the other facts
    // give their own dates (a fact stated thousands of times looked up every quote: issue 19).
    this.datesOf([...partner.missions, ...partner.envoys].map((f) => this.key(f.source.quote)));
  }

  /** Every facet's entries, most relevant first, capped (CELL_CAP), with the number left out. */
  build(): Map<FacetId, { entries: FacetEntry[]; more: number }> {
    const out = new Map<FacetId, { entries: FacetEntry[]; more: number }>();
    const set = (id: FacetId, { entries, total }: { entries: FacetEntry[]; total: number }) =>
      out.set(id, { entries: entries.slice(0, CELL_CAP[id]).map(citeFirst).map(this.shown.settle), more: Math.max(0, total - CELL_CAP[id]) });
    set('relations', this.withSentences(this.relations(), 'relations'));
    set('recognition', this.withSentences(this.recognition(), 'recognition'));
    set('missions', this.withSentences(this.missions(), 'missions'));
    set('envoys', this.withSentences(this.envoys(), 'envoys'));
    set('memberships', this.withSentences(this.memberships(), 'memberships'));
    set('agreements', this.agreements());
    for (const topic of ['security', 'economy', 'people', 'russia-ukraine'] as const) set(topic, this.sentences(topic, 0));
    set('key-figures', this.sentences('key-figures', 0));
    const timeline = this.timeline();
    out.set('timeline', { ...timeline, entries: timeline.entries.map(this.shown.settle) });
    return out;
  }

  /** Blocks and notes worked out only for the entries shown (shownLater.ts). */
  private readonly shown = new ShownLater();
  later(fill: () => string | undefined): string {
    return this.shown.later(fill);
  }

  // --- sentences filed at build time (src/core/candidates.ts), ranked here -------------------

  /** The cell's best classified sentences after `before` entries shown ahead of them, and how many there are. */
  private sentences(facet: CandidateFacet, before: number, exclude: ReadonlySet<string> = new Set()): { entries: FacetEntry[]; total: number } {
    return candidateCell(this.ctx.library, { partnerId: this.partner.id, facet, need: CELL_CAP[facet] - before, exclude, datesOf: this.datesOf, key: this.key });
  }

  /** Fact entries first, then classified sentences that say something the facts do not quote. */
  private withSentences(facts: FacetEntry[], facet: TopicFacet): { entries: FacetEntry[]; total: number } {
    const seen = new Set(this.factQuotes);
    for (const f of facts) {
      seen.add(this.key(f.text));
      for (const a of f.alsoIn ?? []) seen.add(this.key(a.quote));
    }
    const extra = this.sentences(facet, facts.length, seen);
    return { entries: [...facts, ...extra.entries], total: facts.length + extra.total };
  }

  private agreements(): { entries: FacetEntry[]; total: number } {
    // An agreement or declaration in the library that is about the partner is itself an entry.
    const docs = this.ctx.library.agreementsAbout(this.partner.id);
    const shown: FacetEntry[] = docs
      .slice(0, CELL_CAP.agreements)
      .map((d) => ({ text: d.title, docSlug: d.slug, anchor: this.ctx.library.documentOutline(d.slug)[0]?.anchor ?? 'lead', label: 'The full text is in this library' }));
    const extra = this.sentences('agreements', docs.length);
    return { entries: [...shown, ...extra.entries], total: docs.length + extra.total };
  }

  // --- facts (compareFacts.ts) ---------------------------------------------------------------

  private relations(): FacetEntry[] {
    return relationEntries(this);
  }

  private recognition(): FacetEntry[] {
    return recognitionEntries(this);
  }

  private missions(): FacetEntry[] {
    return missionEntries(this);
  }

  private envoys(): FacetEntry[] {
    return envoyEntries(this);
  }

  private memberships(): FacetEntry[] {
    return membershipEntries(this);
  }

  where(ref: { docSlug: string; anchor: string }): string {
    return this.ctx.where(ref);
  }

  // --- timeline -----------------------------------------------------------------------------

  /**
   * The partner's most important dated events (up to the cap), shown oldest first; `more` = the
   * rest of its timeline. Read best first (build-time ranks), as many as the duplicates need.
   */
  private timeline(): { entries: FacetEntry[]; more: number } {
    const library = this.ctx.library;
    let chosen: RankedEvent[] = [];
    for (let limit = 64; ; limit *= 4) {
      const ranked = library.partnerEventsRanked(this.partner.id, 'importance', limit);
      chosen = [];
      let done = ranked.length < limit;
      for (const s of ranked) {
        if (chosen.length >= CELL_CAP.timeline || s.rank < 0) {
          done = true;
          break;
        }
        // One event per date, and one per milestone (a year and the day that refines it are one event).
        const keys = milestoneKeys(s.event);
        const dup = chosen.some((c) => c.event.date === s.event.date || (milestoneKeys(c.event).some((k) => keys.includes(k)) && compatible(eventDate(c.event), eventDate(s.event))));
        if (!dup) chosen.push(s);
      }
      if (done || chosen.length >= CELL_CAP.timeline) break;
    }
    chosen.sort(chronological);
    const entries = chosen.map(({ event: e }) => ({
      ...this.sourceEntry({ docSlug: e.docSlug, anchor: e.anchor, quote: e.quote }),
      text: e.summary,
      date: eventDate(e),
    }));
    return { entries, more: library.partnerEventCount(this.partner.id) - entries.length };
  }

  // --- quoting ------------------------------------------------------------------------------

  /** An entry for an extracted fact: its quote made readable (table row, infobox field, list item), with its block. */
  sourceEntry(ref: SourceRef, dated = true): FacetEntry {
    let text = ref.quote.trim();
    if (isTableRow(text)) text = rowText(text, () => tableHeader(this.ctx.section(ref.docSlug, ref.anchor), text)) || text;
    else if (/^- [^:]{1,40}: /.test(text)) text = text.replace(/^- [^:]{1,40}: /, '');
    else if (text.startsWith('- ')) text = text.slice(2);
    if (text.length > 400) text = excerpt(text, this.names);
    const readable = text;
    const blockId = this.later(() => findBlockId(this.ctx.section(ref.docSlug, ref.anchor), ref.quote, readable) || undefined);
    const date = dated ? this.datesOf([this.key(ref.quote)]).get(this.key(ref.quote)) : undefined;
    return { text, docSlug: ref.docSlug, anchor: ref.anchor, blockId, ...(date ? { date } : {}) };
  }
}
