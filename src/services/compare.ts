// Side-by-side comparison of 2–4 partners. Each facet (row) gets, per partner (column), short
// entries quoted from the library: the extracted partner facts (relations, recognition, missions,
// envoys, memberships), sentences filed by section heading or by the keyword classifier
// (facets.ts), key figures, and a mini timeline. Where the sources disagree, both entries stay
// and are marked `sourcesDiffer`.
import { DeskError } from '../shared/api';
import { formatDate } from '../shared/dates';
import type {
  Block,
  Comparison,
  ComparisonFacet,
  DateValue,
  DeskDocument,
  FacetEntry,
  FacetId,
  Mission,
  Partner,
  Section,
  SourceRef,
  TimelineEvent,
} from '../shared/types';
import { foldAccents } from '../shared/text';
import { splitSentences } from '../core/sentences';
import { mentionsIn, partnerById } from '../core/partners';
import {
  classifySentence,
  FACETS,
  facetForHeadings,
  figuresIn,
  isAgreementSentence,
  OTHER_SUBJECTS,
  topicsOf,
  type FigureKind,
  type TopicFacet,
} from './facets';
import type { LibraryView as Library } from './libraryView';

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
  private readonly docs = new Map<string, DeskDocument>();
  readonly summaries;
  constructor(readonly library: Library) {
    this.summaries = library.listDocuments();
  }
  doc(slug: string): DeskDocument {
    let d = this.docs.get(slug);
    if (!d) {
      d = this.library.getDocument(slug);
      this.docs.set(slug, d);
    }
    return d;
  }
  section(slug: string, anchor: string): Section | undefined {
    return this.doc(slug).sections.find((s) => s.anchor === anchor);
  }
  /** "Albania–Ukraine relations › Resident diplomatic missions" */
  where(ref: { docSlug: string; anchor: string }): string {
    const d = this.doc(ref.docSlug);
    const s = this.section(ref.docSlug, ref.anchor);
    return s && s.path.length > 0 ? `${d.title} › ${s.path.join(' › ')}` : `${d.title}, introduction`;
  }
}

/** A sentence (or list item) that may belong to the partner's cells. */
interface Candidate {
  text: string;
  docSlug: string;
  anchor: string;
  blockId: string;
  /** Reading order across the library, for stable ties. */
  order: number;
  /** doc = a document about the partner; section = a section headed by the partner; mention = named elsewhere. */
  scope: 'doc' | 'section' | 'mention';
  mentionsPartner: boolean;
  /** The first sentence of its paragraph or list item (topic sentences read best on their own). */
  first: boolean;
  /** Facet from the section heading; undefined when no heading says. */
  headingFacet: TopicFacet | undefined;
  topics: TopicFacet[];
  /** Classifier score per topic facet. */
  scores: Map<TopicFacet, number>;
  date?: DateValue;
}

type Scored = { entry: FacetEntry; score: number; order: number };

class PartnerColumn {
  private readonly events: TimelineEvent[];
  private readonly datesByQuote = new Map<string, DateValue>();
  private readonly names: string[];
  private candidates: Candidate[] = [];
  /** Every extracted fact's quote: a sentence that is a fact is shown under its fact's facet only. */
  private readonly factQuotes = new Set<string>();

  constructor(
    private readonly ctx: Context,
    private readonly partner: Partner,
  ) {
    this.events = ctx.library.timeline({ partner: partner.id });
    for (const e of this.events) {
      const key = textKey(e.quote);
      if (!this.datesByQuote.has(key)) this.datesByQuote.set(key, eventDate(e));
    }
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
    for (const r of refs) this.factQuotes.add(textKey(r.quote));
  }

  /** Every facet's entries, most relevant first, capped (CELL_CAP), with the number left out. */
  build(): Map<FacetId, { entries: FacetEntry[]; more: number }> {
    this.candidates = this.collect();
    const out = new Map<FacetId, { entries: FacetEntry[]; more: number }>();
    const set = (id: FacetId, all: FacetEntry[]) => out.set(id, { entries: all.slice(0, CELL_CAP[id]), more: Math.max(0, all.length - CELL_CAP[id]) });
    set('relations', this.withSentences(this.relations(), 'relations'));
    set('recognition', this.withSentences(this.recognition(), 'recognition'));
    set('missions', this.withSentences(this.missions(), 'missions'));
    set('envoys', this.withSentences(this.envoys(), 'envoys'));
    set('memberships', this.withSentences(this.memberships(), 'memberships'));
    set('agreements', this.agreements());
    for (const topic of ['security', 'economy', 'people', 'russia-ukraine'] as const) set(topic, this.topic(topic));
    set('key-figures', this.keyFigures());
    out.set('timeline', this.timeline());
    return out;
  }

  // --- which sentences belong to the partner -------------------------------------------------

  private collect(): Candidate[] {
    const id = this.partner.id;
    const named = new Set(this.ctx.library.passageBlocksNaming(id).map((b) => `${b.docSlug}#${b.blockId}`));
    const out: Candidate[] = [];
    let order = 0;
    for (const summary of this.ctx.summaries) {
      const doc = this.ctx.doc(summary.slug);
      const about = doc.kind !== 'overview' && doc.partners[0] === id;
      for (const section of doc.sections) {
        const headed = section.path.some((h) => this.ctx.library.resolvePartnerId(h) === id);
        const headingFacet = facetForHeadings(section.path);
        if (headingFacet === null) continue; // a reference list: its facts come from extraction
        for (const block of section.blocks) {
          const scope = about ? 'doc' : headed ? 'section' : named.has(`${doc.slug}#${block.id}`) ? 'mention' : null;
          if (!scope) continue;
          for (const { unit, classifyOnly } of unitsOf(block)) {
            splitSentences(unit).forEach((text, i) => {
              order++;
              const mentions = mentionsIn(text).map((m) => m.id);
              if (!this.belongs(text, mentions, scope)) return;
              const c = classifySentence(text, this.names);
              const scores = new Map(c.scores);
              const hf = classifyOnly ? undefined : headingFacet;
              // Named in passing elsewhere: only sentences the classifier is sure about (two cues).
              const topics = topicsOf(hf, c).filter((t) => scope !== 'mention' || (scores.get(t) ?? 0) >= 2);
              const date = this.datesByQuote.get(textKey(text));
              out.push({
                text,
                docSlug: doc.slug,
                anchor: section.anchor,
                blockId: block.id,
                order,
                scope,
                mentionsPartner: mentions.includes(id),
                first: i === 0,
                headingFacet: hf,
                topics,
                scores,
                ...(date ? { date } : {}),
              });
            });
          }
        }
      }
    }
    return out;
  }

  /**
   * A document about the partner: every sentence. A section headed by the partner: sentences whose
   * main subject is not another country (nor a region like "Arab countries"). Elsewhere: sentences
   * whose main subject is the partner (named most often, and first among equals).
   */
  private belongs(text: string, mentions: string[], scope: Candidate['scope']): boolean {
    const id = this.partner.id;
    if (scope === 'doc') return true;
    // For a country, organisations named alongside it (NATO, the EU, the UN) do not compete.
    const rivals = this.partner.kind === 'organisation' ? mentions : mentions.filter((m) => m === id || partnerById(m)?.kind !== 'organisation');
    if (scope === 'section') {
      if (!mentions.includes(id) && OTHER_SUBJECTS.some((re) => re.test(text))) return false;
      return rivals.every((m) => m === id) || mainSubject(rivals) === id;
    }
    return mainSubject(rivals) === id;
  }

  private entryOf(c: Candidate, extra: Partial<FacetEntry> = {}): FacetEntry {
    return {
      text: c.text,
      docSlug: c.docSlug,
      anchor: c.anchor,
      blockId: c.blockId,
      ...(c.date ? { date: c.date } : {}),
      ...extra,
    };
  }

  /** How relevant a candidate is to a topic facet: cue hits, heading, scope, date, explicit mention. */
  private relevance(c: Candidate, facet: TopicFacet): number {
    return (
      Math.min(3, c.scores.get(facet) ?? 0) +
      (c.headingFacet === facet ? 2 : 0) +
      (c.first ? 1 : 0) +
      (c.scope === 'mention' ? 0 : 2) +
      (c.date ? 1 : 0) +
      (c.mentionsPartner ? 1 : 0)
    );
  }

  // --- topic facets -------------------------------------------------------------------------

  private topic(facet: TopicFacet): FacetEntry[] {
    return pick(this.candidates.filter((c) => c.topics.includes(facet)).map((c) => ({ entry: this.entryOf(c), score: this.relevance(c, facet), order: c.order })));
  }

  /** Fact entries first, then classified sentences that say something the facts do not quote. */
  private withSentences(facts: FacetEntry[], facet: TopicFacet): FacetEntry[] {
    const seen = new Set(this.factQuotes);
    for (const f of facts) {
      seen.add(textKey(f.text));
      for (const a of f.alsoIn ?? []) seen.add(textKey(a.quote));
    }
    const extra = this.candidates
      .filter((c) => c.topics.includes(facet) && !seen.has(textKey(c.text)))
      .map((c) => ({ entry: this.entryOf(c), score: this.relevance(c, facet), order: c.order }));
    return [...facts, ...pick(extra)];
  }

  private agreements(): FacetEntry[] {
    // An agreement or declaration in the library that is about the partner is itself an entry.
    const docs: FacetEntry[] = this.ctx.summaries
      .filter((d) => d.kind === 'agreement' && d.partners[0] === this.partner.id)
      .map((d) => ({ text: d.title, docSlug: d.slug, anchor: this.ctx.doc(d.slug).sections[0]?.anchor ?? 'lead', label: 'The full text is in this library' }));
    return [...docs, ...pick(
      this.candidates
        .filter((c) => isAgreementSentence(c.text))
        .map((c) => ({ entry: this.entryOf(c), score: (c.scope === 'mention' ? 0 : 2) + (c.date ? 2 : 0) + (c.mentionsPartner ? 1 : 0) + (/\bsigned\b/i.test(c.text) ? 2 : 0), order: c.order })),
    )];
  }

  private keyFigures(): FacetEntry[] {
    const weight: Record<FigureKind, number> = { amount: 3, percentage: 3, distance: 3, capacity: 2, count: 1 };
    const scored: Scored[] = [];
    for (const c of this.candidates) {
      const figures = figuresIn(c.text);
      if (figures.length === 0) continue;
      const score = Math.min(6, figures.reduce((n, f) => n + weight[f.kind], 0)) + (c.scope === 'mention' ? 0 : 2);
      scored.push({ entry: this.entryOf(c, { label: figures.map((f) => f.text).join(' · ') }), score, order: c.order });
    }
    return pick(scored);
  }

  // --- facts --------------------------------------------------------------------------------

  private relations(): FacetEntry[] {
    const established = this.datedByQuote(this.partner.establishedSources, 'Relations established');
    markDateConflicts(established, this.ctx, 'date of establishment');
    const severed = this.datedByQuote(this.partner.severed, 'Relations severed');
    // The date the partner record settles on first, then the most precise.
    const main = this.partner.established?.date;
    established.sort((a, b) => Number(b.values.some((v) => v.date === main)) - Number(a.values.some((v) => v.date === main)) || rank(b.entry.date) - rank(a.entry.date));
    // A table cell can state both ("1971 Severed Diplomatic in 7 September 2022"): shown once, under established.
    const shown = new Set(established.map((g) => textKey(g.entry.text)));
    return mergeSame([...established, ...severed.filter((g) => !shown.has(textKey(g.entry.text)))].map((g) => g.entry));
  }

  private recognition(): FacetEntry[] {
    return this.datedByQuote(this.partner.recognition, 'Recognition')
      .sort((a, b) => (a.entry.date?.date ?? '').localeCompare(b.entry.date?.date ?? ''))
      .map((g) => g.entry);
  }

  /** One entry per quote (a quote can state two dates: "de facto in 1971 de juro 21 March 1996"). */
  private datedByQuote(facts: { value: DateValue; source: SourceRef }[], label: string): { entry: FacetEntry; values: DateValue[] }[] {
    const groups = new Map<string, { entry: FacetEntry; values: DateValue[] }>();
    for (const f of facts) {
      const key = `${f.source.docSlug}#${f.source.anchor}#${f.source.quote}`;
      const g = groups.get(key);
      if (g) {
        g.values.push(f.value);
        if (f.value.date === this.partner.established?.date) g.entry.date = f.value;
        continue;
      }
      groups.set(key, { entry: { ...this.sourceEntry(f.source), label, date: f.value }, values: [f.value] });
    }
    return [...groups.values()];
  }

  private missions(): FacetEntry[] {
    const name = this.partner.name;
    const dirLabel = (d: Mission['direction']) => (d === 'albania-in-partner' ? `Albania in ${name}` : `${name} in Albania`);
    // Group the statements of one mission (same direction, kind and place), best-worded first.
    const groups = new Map<string, Mission[]>();
    for (const m of this.partner.missions) {
      const key = `${m.direction}|${m.kind}|${placeKey(m)}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const byText = new Map<string, FacetEntry & { missions: Mission[] }>();
    const perQuote = new Map<string, number>();
    for (const m of this.partner.missions) perQuote.set(m.source.quote, (perQuote.get(m.source.quote) ?? 0) + 1);
    for (const ms of groups.values()) {
      // A statement of this one mission reads best; one that states two is the fallback.
      const sorted = [...ms].sort(
        (a, b) => quoteRank(a.source.quote) - quoteRank(b.source.quote) || perQuote.get(a.source.quote)! - perQuote.get(b.source.quote)! || a.source.quote.length - b.source.quote.length,
      );
      const main = sorted[0]!;
      const entry = this.sourceEntry(main.source);
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
      const resident = this.partner.missions.filter((m) => m.direction === direction && isResidentEmbassy(m));
      const accredited = this.partner.missions.filter((m) => m.direction === direction && /accredited/i.test(m.kind));
      if (resident.length === 0 || accredited.length === 0) continue;
      for (const e of entries) {
        const says = e.missions.filter((m) => m.direction === direction);
        const notes: string[] = [];
        if (says.some(isResidentEmbassy)) notes.push(...accredited.map((m) => `Another source says ${sender} is accredited from ${m.place} (${this.ctx.where(m.source)}).`));
        if (says.some((m) => /accredited/i.test(m.kind))) notes.push(...resident.map((m) => `Another source says ${sender} has an embassy in ${m.place} (${this.ctx.where(m.source)}).`));
        if (notes.length) e.sourcesDiffer = [...new Set(notes)].join(' ');
      }
    }
    const dirOrder = (e: { missions: Mission[] }) => (e.missions.some((m) => m.direction === 'albania-in-partner') ? 0 : 1);
    return entries
      .sort((a, b) => dirOrder(a) - dirOrder(b))
      .map(({ missions: _m, ...e }) => e);
  }

  private envoys(): FacetEntry[] {
    const seen = new Set<string>();
    const out: FacetEntry[] = [];
    const sorted = [...this.partner.envoys].sort((a, b) => Number(a.sends !== 'albania') - Number(b.sends !== 'albania') || (a.from?.date ?? '9999').localeCompare(b.from?.date ?? '9999'));
    for (const e of sorted) {
      const key = `${e.sends}|${foldAccents(e.name).toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sender = e.sends === 'albania' ? 'Albania' : partnerById(e.sends)?.name ?? e.sends;
      const label = /albania/i.test(e.title) ? e.title : `${e.title} of ${sender}`;
      const term = e.to === 'incumbent' ? ' (incumbent)' : '';
      out.push({ ...this.sourceEntry(e.source), label: label + term, ...(e.from ? { date: e.from } : {}) });
    }
    return out;
  }

  private memberships(): FacetEntry[] {
    const groups = new Map<string, Partner['memberships']>();
    for (const m of this.partner.memberships) {
      const key = foldAccents(m.name).toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const entries: { entry: FacetEntry; values: DateValue[] }[] = [];
    for (const ms of groups.values()) {
      // The most precise date, then prose over a table row, then reading order.
      const sorted = [...ms].sort((a, b) => rank(b.value) - rank(a.value) || quoteRank(a.source.quote) - quoteRank(b.source.quote));
      const best = sorted[0]!;
      const also = dedupeRefs(sorted.slice(1).map((m) => m.source).filter((s) => s.quote !== best.source.quote));
      const entry: FacetEntry = { ...this.sourceEntry(best.source), label: best.name, ...(best.value ? { date: best.value } : {}), ...(also.length ? { alsoIn: also } : {}) };
      const values = ms.flatMap((m) => (m.value ? [m.value] : []));
      entries.push({ entry, values });
      // Within one milestone, two dates that do not refine each other are a disagreement.
      const clash = values.filter((v) => best.value && !compatible(v, best.value));
      if (clash.length) entry.sourcesDiffer = `Another source gives ${[...new Set(clash.map(describeDate))].join(', ')} for ${best.name}.`;
    }
    return entries
      .sort((a, b) => (a.entry.date ? 0 : 1) - (b.entry.date ? 0 : 1) || (a.entry.date?.date ?? '').localeCompare(b.entry.date?.date ?? ''))
      .map((e) => e.entry);
  }

  // --- timeline -----------------------------------------------------------------------------

  /** The partner's most important dated events (up to the cap), shown oldest first; `more` = the rest of its timeline. */
  private timeline(): { entries: FacetEntry[]; more: number } {
    const scored = this.events.map((e, i) => ({ e, i, score: eventImportance(e, this.partner.id, this.ctx) }));
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    const chosen: typeof scored = [];
    for (const s of scored) {
      if (chosen.length >= CELL_CAP.timeline) break;
      if (s.score < 0) break;
      // One event per date, and one per milestone (a year and the day that refines it are one event).
      const keys = milestoneKeys(s.e);
      const dup = chosen.some((c) => c.e.date === s.e.date || (milestoneKeys(c.e).some((k) => keys.includes(k)) && compatible(eventDate(c.e), eventDate(s.e))));
      if (!dup) chosen.push(s);
    }
    chosen.sort((a, b) => a.i - b.i);
    const entries = chosen.map(({ e }) => ({
      ...this.sourceEntry({ docSlug: e.docSlug, anchor: e.anchor, quote: e.quote }),
      text: e.summary,
      date: eventDate(e),
    }));
    return { entries, more: this.events.length - entries.length };
  }

  // --- quoting ------------------------------------------------------------------------------

  /** An entry for an extracted fact: its quote made readable (table row, infobox field, list item), with its block. */
  private sourceEntry(ref: SourceRef): FacetEntry {
    let text = ref.quote.trim();
    if (isTableRow(text)) text = rowText(text, tableHeader(this.ctx.section(ref.docSlug, ref.anchor), text)) || text;
    else if (/^- [^:]{1,40}: /.test(text)) text = text.replace(/^- [^:]{1,40}: /, '');
    else if (text.startsWith('- ')) text = text.slice(2);
    if (text.length > 400) text = excerpt(text, this.names);
    const blockId = findBlockId(this.ctx.section(ref.docSlug, ref.anchor), ref.quote, text);
    const date = this.datesByQuote.get(textKey(ref.quote));
    return { text, docSlug: ref.docSlug, anchor: ref.anchor, ...(blockId ? { blockId } : {}), ...(date ? { date } : {}) };
  }
}

// --- helpers --------------------------------------------------------------------------------------

/** Paragraph text, list items, and long prose notes in table rows (never table values or infoboxes). */
function unitsOf(block: Block): { unit: string; classifyOnly: boolean }[] {
  switch (block.type) {
    case 'paragraph':
      return [{ unit: block.text, classifyOnly: false }];
    case 'list':
      return block.items.map((unit) => ({ unit, classifyOnly: false }));
    case 'table':
      return block.rows.flatMap((r) =>
        r.cells.filter((c) => !c.gap && !/^See\b/.test(c.text) && c.text.split(/\s+/).length >= 8).map((c) => ({ unit: c.text, classifyOnly: true })),
      );
    default:
      return [];
  }
}

/** The partner a sentence is mainly about: named most often, the first named among equals. */
export function mainSubject(mentions: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m, (counts.get(m) ?? 0) + 1);
  let best: string | null = null;
  for (const m of mentions) if (best === null || counts.get(m)! > counts.get(best)!) best = m;
  return best;
}

/** Keep the best entries, spreading them over sections: each further pick from the same section costs 2. */
function pick(scored: Scored[]): FacetEntry[] {
  const left = [...scored];
  const out: FacetEntry[] = [];
  const perSection = new Map<string, number>();
  const seen = new Set<string>();
  while (left.length > 0) {
    let bi = 0;
    let best = -Infinity;
    left.forEach((s, i) => {
      const v = s.score - 2 * (perSection.get(`${s.entry.docSlug}#${s.entry.anchor}`) ?? 0);
      if (v > best || (v === best && s.order < left[bi]!.order)) {
        best = v;
        bi = i;
      }
    });
    const [s] = left.splice(bi, 1);
    const key = textKey(s!.entry.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const sk = `${s!.entry.docSlug}#${s!.entry.anchor}`;
    perSection.set(sk, (perSection.get(sk) ?? 0) + 1);
    out.push(s!.entry);
  }
  return out;
}

function textKey(text: string): string {
  return foldAccents(text).toLowerCase().replace(/^[-•◇\s]+/, '').replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();
}

function isTableRow(quote: string): boolean {
  return quote.trim().startsWith('|');
}

/**
 * A table row's meaningful cells (no running number, no "See …" cross-reference, no empty cell)
 * joined by " — "; a row with one such cell is prefixed with its column header ("Formal Relations
 * Began: 1981"), since a bare date says nothing.
 */
export function rowText(quote: string, header: readonly string[] = []): string {
  const cells = quote.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  const kept = cells.map((c, i) => [c, i] as const).filter(([c, i]) => c !== '' && !/^See\b/.test(c) && !(i === 0 && /^\d+$/.test(c)));
  if (kept.length === 1) {
    const [value, i] = kept[0]!;
    const h = (header[i] ?? '').replace(/<[^>]+>/g, '').trim();
    return h ? `${h}: ${value}` : value;
  }
  return kept.map(([c]) => c).join(' — ');
}

/** The header of the table in `section` that holds the row quoted. */
function tableHeader(section: Section | undefined, quote: string): string[] {
  const cells = quote.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean);
  for (const b of section?.blocks ?? []) {
    if (b.type !== 'table') continue;
    if (b.rows.some((r) => cells.every((c) => r.cells.some((rc) => rc.text.trim() === c)))) return b.header;
  }
  return [];
}

/** A long quote (e.g. a list of 80 organisations) cut to the words around the partner's name. */
function excerpt(text: string, names: readonly string[]): string {
  const folded = foldAccents(text);
  let at = -1;
  let len = 0;
  for (const n of names) {
    const m = new RegExp(`(?<![\\p{L}])${foldAccents(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(folded);
    if (m) {
      at = m.index;
      len = m[0].length;
      break;
    }
  }
  if (at < 0) return `${text.slice(0, 300).replace(/\s+\S*$/, '')} …`;
  let start = Math.max(0, at - 80);
  let end = Math.min(text.length, at + len + 80);
  if (start > 0) start = text.indexOf(' ', start) + 1;
  if (end < text.length) end = text.lastIndexOf(' ', end);
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

function findBlockId(section: Section | undefined, quote: string, text: string): string | undefined {
  if (!section) return undefined;
  const q = textKey(quote);
  const t = textKey(text.replace(/^… | …$/g, ''));
  for (const b of section.blocks) {
    switch (b.type) {
      case 'paragraph':
        if (textKey(b.text).includes(t)) return b.id;
        break;
      case 'list':
        if (b.items.some((i) => textKey(i).includes(t))) return b.id;
        break;
      case 'infobox':
        if (b.fields.some((f) => textKey(`- ${f.key}: ${f.value}`) === q)) return b.id;
        break;
      case 'table':
        if (b.rows.some((r) => r.cells.some((c) => c.text && t.includes(textKey(c.text))))) return b.id;
        break;
      default:
        break;
    }
  }
  return undefined;
}

function eventDate(e: TimelineEvent): DateValue {
  const value: DateValue = { date: e.date, precision: e.precision, ...(e.end ? { end: e.end } : {}), text: '' };
  value.text = describeDate(value);
  return value;
}

const PRECISION_RANK: Record<DateValue['precision'], number> = { day: 4, month: 3, year: 2, range: 1, decade: 0 };
const rank = (d: DateValue | undefined) => (d ? PRECISION_RANK[d.precision] : -1);

/** Two dates agree when one refines the other (1993 and 13 January 1993), or a decade/range holds the other. */
function compatible(a: DateValue, b: DateValue): boolean {
  const span = (d: DateValue): [string, string] => {
    if (d.precision === 'decade') return [d.date.slice(0, 4), (d.end ?? `${Number(d.date.slice(0, 3)) * 10 + 9}`).slice(0, 4) + '\uffff'];
    if (d.precision === 'range') return [d.date, (d.end ?? d.date) + '\uffff'];
    return [d.date, d.date + '\uffff'];
  };
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 && b0 <= a1;
}

/** "13 January 1993", "March 2020", "1993", "1990s", "1998–1999". */
export const describeDate = (d: DateValue): string => formatDate(d);

/** Entries from different quotes whose dates do not refine one another: mark each with what the other says. */
function markDateConflicts(groups: { entry: FacetEntry; values: DateValue[] }[], ctx: Context, what: string): void {
  for (const g of groups) {
    const others = groups.filter((o) => o !== g && !o.values.some((v) => g.values.some((w) => compatible(v, w))));
    if (others.length === 0) continue;
    g.entry.sourcesDiffer = others
      .map((o) => `Another source gives ${o.values.map(describeDate).join(' / ')} as the ${what} (${ctx.where(o.entry)}).`)
      .join(' ');
  }
}

function isResidentEmbassy(m: Mission): boolean {
  return /^embassy$/i.test(m.kind.trim());
}

/** Spelling variants of one place (Pristina / Prishtina) and "Albania" for its capital group together. */
function placeKey(m: Mission): string {
  const p = foldAccents(m.place).toLowerCase().replace(/h/g, '').replace(/[^a-z]/g, '');
  return m.direction === 'partner-in-albania' && (p === 'albania' || p === 'tirana') ? 'tirana' : p;
}

/** Short, single statements read best: list item or sentence, then a long sentence, then table rows and infobox fields. */
function quoteRank(quote: string): number {
  if (isTableRow(quote)) return 3;
  if (/^- [^:]{1,40}: /.test(quote)) return 4;
  return quote.length > 120 ? 1 : 0;
}

function dedupeRefs(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.docSlug}#${r.anchor}#${r.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// --- mini timeline: which events matter most --------------------------------------------------

const MILESTONES: readonly [key: string, re: RegExp][] = [
  ['established', /\b(?:relations? (?:were |was )?established|established (?:de facto|de jure)|diplomatic relations)\b/i],
  ['severed', /\b(?:severed|suspended)\b/i],
  ['recognition', /\brecogni[sz]/i],
  ['pfp', /\bPartnership for Peace\b/],
  ['map', /\b(?:Membership Action Plan|MAP)\b/],
  ['invitation', /\binvitation\b/i],
  ['protocol', /\baccession protocols?\b/i],
  ['member', /\b(?:full member|Member of NATO|accession of Albania)\b/i],
  ['negotiations', /\bIntergovernmental Conference|accession negotiations\b/i],
  ['embassy', /\bembassy\b/i],
  ['invasion', /\binvasion\b/i],
  ['signed', /\bsigned\b/i],
];

function milestoneKeys(e: TimelineEvent): string[] {
  const text = `${e.summary} ${e.quote}`;
  return MILESTONES.filter(([, re]) => re.test(text)).map(([key]) => key);
}

function eventImportance(e: TimelineEvent, partnerId: string, ctx: Context): number {
  const text = `${e.summary} ${e.quote}`;
  let score = milestoneKeys(e).length > 0 ? 3 : 0;
  if (/country not named in the source|term as representative/i.test(e.summary)) score -= 4;
  if (e.precision === 'day' || e.precision === 'month') score += 1;
  if (e.precision === 'decade' || e.precision === 'range') score -= 1;
  const doc = ctx.summaries.find((d) => d.slug === e.docSlug);
  if (doc && doc.kind !== 'overview' && doc.partners[0] === partnerId) score += 1;
  if (e.partners.length === 1) score += 1;
  if (/\bwas quoted as saying\b/.test(text)) score -= 1;
  return score;
}

/** Entries with the same words and date (a table row repeated under two headings) become one, the rest as `alsoIn`. */
function mergeSame(entries: FacetEntry[]): FacetEntry[] {
  const out: FacetEntry[] = [];
  for (const e of entries) {
    const same = out.find((o) => textKey(o.text) === textKey(e.text) && o.date?.date === e.date?.date && o.label === e.label);
    if (same) same.alsoIn = [...(same.alsoIn ?? []), { docSlug: e.docSlug, anchor: e.anchor, quote: e.text }];
    else out.push(e);
  }
  return out;
}
