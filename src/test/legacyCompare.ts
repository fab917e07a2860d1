// TEST ONLY: the comparison as it was before issue 19's build-time candidates (commit e57dcf0's
// src/services/compare.ts, imports adjusted), kept so candidateCells.test.ts can check that the
// comparison reading the stored candidates gives the same cells and counts. Never shipped.
//
// Side-by-side comparison of 2–4 partners. Each facet (row) gets, per partner (column), short
// entries quoted from the library: the extracted partner facts (relations, recognition, missions,
// envoys, memberships), sentences filed by section heading or by the keyword classifier
// (facets.ts), key figures, and a mini timeline. Where the sources disagree, both entries stay
// and are marked `sourcesDiffer`.
import type {
  Block,
  Comparison,
  ComparisonFacet,
  DateValue,
  DeskDocument,
  FacetEntry,
  FacetId,
  Partner,
  Section,
  SourceRef,
  TimelineEvent,
} from '../shared/types';
import { splitSentences } from '../core/sentences';
import { mentionsIn, partnerById } from '../core/partners';
import {
  classifySentence,
  FACETS,
  facetForHeadings,
  filingOf,
  topicFits,
  figuresIn,
  isAgreementSentence,
  OTHER_SUBJECTS,
  topicsOf,
  type FigureKind,
  type TopicFacet,
} from '../core/facets';
import type { LibraryView as Library } from '../services/libraryView';
import { eventDate, compatible } from '../services/compareDates';
import { envoyEntries, membershipEntries, missionEntries, recognitionEntries, relationEntries, type FactColumn } from '../services/compareFacts';
import { citeFirst, excerpt, findBlockId, isTableRow, pick, rowText, tableHeader, textKey, type Scored } from '../services/compareQuotes';
import { eventImportance, milestoneKeys } from '../services/compareTimeline';

export { describeDate } from '../services/compareDates';


/** At most this many entries per cell, most relevant first; the rest are counted in `more`. */
const CELL_CAP: Record<FacetId, number> = {
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

/** The facets of partners already resolved to distinct ids, any number of them (the briefing sheet builds one). */
export function legacyBuildComparison(library: Library, ids: readonly string[]): Comparison {
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
  summary(slug: string): (typeof this.summaries)[number] | undefined {
    this.bySlug ??= new Map(this.summaries.map((d) => [d.slug, d]));
    return this.bySlug.get(slug);
  }
  private bySlug: Map<string, (typeof this.summaries)[number]> | undefined;
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


class PartnerColumn implements FactColumn {
  private readonly events: TimelineEvent[];
  private readonly datesByQuote = new Map<string, DateValue>();
  private readonly names: string[];
  private candidates: Candidate[] = [];
  /** Every extracted fact's quote: a sentence that is a fact is shown under its fact's facet only. */
  private readonly factQuotes = new Set<string>();

  constructor(
    private readonly ctx: Context,
    readonly partner: Partner,
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
    // Facts cite their first few sources as the comparison now does (citeFirst): what is compared is how cells are chosen.
    const set = (id: FacetId, all: FacetEntry[]) => out.set(id, { entries: all.slice(0, CELL_CAP[id]).map(citeFirst), more: Math.max(0, all.length - CELL_CAP[id]) });
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
    for (const summary of this.ctx.library.documentsConcerning(id)) {
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
              const filing = filingOf(text, mentions, id, section.path);
              const hf = classifyOnly || !filing.byHeading ? undefined : headingFacet;
              // Named in passing elsewhere, or about another partner: only sentences the classifier is sure about (two cues).
              const strict = scope === 'mention' || !filing.byHeading;
              const topics = topicsOf(hf, c).filter((t) => (!strict || (scores.get(t) ?? 0) >= 2) && topicFits(t, text));
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
  sourceEntry(ref: SourceRef): FacetEntry {
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
function mainSubject(mentions: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m, (counts.get(m) ?? 0) + 1);
  let best: string | null = null;
  for (const m of mentions) if (best === null || counts.get(m)! > counts.get(best)!) best = m;
  return best;
}
