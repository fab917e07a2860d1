// Extraction: parsed documents → document kinds and partners, the partner registry entries with
// their facts, and the timeline. The work is split by stage:
//   dates.ts     date expressions in one sentence (chrono-node + small rules)
//   partners.ts  the registry, name resolution, mentions in running text
//   events.ts    documents → text units (sentences, rows, fields) in reading order → events
//   facts.ts     units → per-partner facts (established, severed, recognition, missions, envoys, memberships)
import type { DateValue, DocKind, IngestWarning, Partner, RelationDate, RelationStep, TimelineEvent } from '../shared/types';
import { PRECISION_RANK } from './dates';
import { eventsOf, unitsOf, type DocInput, type DocMeta, type TextUnit } from './events';
import { collectFacts } from './facts';
import { FactBook, emptyFacts, type PartnerFacts } from './factBook';
import { unifyMissionPlaces } from './missionPlaces';
import { findPartnerMentions, partnerById, resolvePartner, suggestPartners, type PartnerDef } from '../core/partners';

export interface ExtractedDocument {
  slug: string;
  kind: DocKind;
  /** Partner ids: the main partner first, then others the document mentions often. */
  partners: string[];
}

export interface Extraction {
  documents: ExtractedDocument[];
  partners: Partner[];
  events: TimelineEvent[];
  warnings: IngestWarning[];
}

/** A document's other partners: mentioned in at least this many units… */
const OFTEN = 3;
/** …and at most this many of them. */
const MAX_DOC_PARTNERS = 8;

export function extractAll(docs: DocInput[]): Extraction {
  const merger = new ExtractionMerger();
  for (const input of docs) merger.add(extractDocument(input));
  return merger.finish();
}

/** One document's share of `extractAll`: plain data, so a worker thread can compute it (build.ts). */
export interface DocumentExtraction {
  document: ExtractedDocument;
  events: TimelineEvent[];
  /** The facts the document states, by partner id, in the order it states them. */
  facts: [string, PartnerFacts][];
  /** Partners the document mentions (its mention counts' keys). */
  mentioned: string[];
  warnings: IngestWarning[];
}

/** The per-document part of the extraction: it reads nothing of the other documents. */
export function extractDocument(input: DocInput): DocumentExtraction {
  const warnings: IngestWarning[] = [];
  const book = new FactBook();
  const { kind, main, named } = classifyDocument(input.title);
  if (kind === 'bilateral' && !main) {
    const suggestions = suggestPartners(named ?? '', 3);
    warnings.push({
      file: input.doc.sourceFile,
      line: 1,
      code: 'unknown-partner',
      message: `"${named}" in the title "${input.title}" is not a known partner${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}; the document is kept without a main partner.`,
    });
  }
  const meta: DocMeta = { slug: input.slug, main };
  const units = unitsOf(input, warnings);
  const events = eventsOf(units, meta);
  collectFacts(units, meta, book);

  const counts = mentionCounts(input, units);
  if (main) counts.set(main.id, (counts.get(main.id) ?? 0) + 1);
  const others = [...counts]
    .filter(([id, n]) => id !== main?.id && n >= OFTEN)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_DOC_PARTNERS)
    .map(([id]) => id);
  return {
    document: { slug: input.slug, kind, partners: main ? [main.id, ...others] : others },
    events,
    facts: [...book.byPartner],
    mentioned: [...counts.keys()],
    warnings,
  };
}

/**
 * Documents' extractions, added in library order → the library's: facts appended per partner,
 * partners' documents and event counts. Holds no document, only what the partners keep.
 */
export class ExtractionMerger {
  readonly warnings: IngestWarning[] = [];
  private readonly book = new FactBook();
  private readonly mentionedIn = new Map<string, string[]>();
  private readonly eventCounts = new Map<string, number>();
  private readonly documents: ExtractedDocument[] = [];
  private readonly events: TimelineEvent[] = [];

  /** `keep: false`: the caller stores the document and its events itself (the build streams them). */
  add(part: DocumentExtraction, keep = true): void {
    for (const w of part.warnings) this.warnings.push(w);
    for (const [id, facts] of part.facts) {
      const into = this.book.of(id);
      // One push at a time: a spread of a huge list overflows the stack (issue 14).
      for (const key of Object.keys(facts) as (keyof PartnerFacts)[]) for (const fact of facts[key]) (into[key] as unknown[]).push(fact);
    }
    for (const id of part.mentioned) {
      let slugs = this.mentionedIn.get(id);
      if (!slugs) this.mentionedIn.set(id, (slugs = []));
      slugs.push(part.document.slug);
    }
    for (const e of part.events) for (const name of e.partners) this.eventCounts.set(name, (this.eventCounts.get(name) ?? 0) + 1);
    if (keep) {
      this.documents.push(part.document);
      for (const e of part.events) this.events.push(e);
    }
  }

  /** The partners the documents name or state facts about, by id, with their facts. */
  partners(): Partner[] {
    const ids = new Set<string>([...this.mentionedIn.keys(), ...this.book.byPartner.keys()]);
    return [...ids]
      .map((id) => partnerById(id))
      .filter((p): p is PartnerDef => p !== null)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((def) => {
        const facts = this.book.byPartner.get(def.id) ?? emptyFacts();
        return {
          id: def.id,
          name: def.name,
          kind: def.kind,
          aliases: [...def.aliases],
          established: preferredDate(facts.establishedSources),
          documents: [...(this.mentionedIn.get(def.id) ?? [])],
          ...relationStepsOf(facts),
          establishedSources: facts.establishedSources,
          severed: facts.severed,
          recognition: facts.recognition,
          missions: unifyMissionPlaces(facts.missions),
          envoys: facts.envoys,
          memberships: facts.memberships,
          events: this.eventCounts.get(def.name) ?? 0,
        };
      });
  }

  finish(): Extraction {
    return { documents: this.documents, partners: this.partners(), events: this.events, warnings: this.warnings };
  }
}

/**
 * "Albania–Kosovo relations" → bilateral, Kosovo (any dash; either order).
 * "Foreign relations of Albania" → overview.
 * A title naming a partnership, agreement, declaration, treaty or memorandum → agreement, with the
 * first partner the title names (the EU for the Security and Defence Partnership).
 */
export function classifyDocument(title: string): { kind: DocKind; main: PartnerDef | null; named?: string } {
  const t = title.replace(/\s+/g, ' ').trim();
  const bilateral = /^Albania\s*[–—-]\s*(.+?) relations$/i.exec(t) ?? /^(.+?)\s*[–—-]\s*Albania relations$/i.exec(t);
  if (bilateral) return { kind: 'bilateral', main: resolvePartner(bilateral[1]!), named: bilateral[1]! };
  if (/\b(?:partnership|agreement|declaration|treaty|memorandum|accord|protocol|charter)\b/i.test(t)) {
    const first = findPartnerMentions(t)[0];
    return { kind: 'agreement', main: first ? partnerById(first) : null };
  }
  return { kind: 'overview', main: null };
}

/** How many units of a document mention each partner (title, headings, rows, sentences, See also). */
function mentionCounts(input: DocInput, units: TextUnit[]): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (ids: Iterable<string>) => {
    for (const id of new Set(ids)) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  count(findPartnerMentions(input.title));
  for (const section of input.doc.sections) {
    if (section.level > 0) count(findPartnerMentions(section.heading));
    for (const block of section.blocks) {
      if (block.type === 'seeAlso') for (const item of block.items) count(findPartnerMentions(item.title));
    }
  }
  for (const unit of units) {
    const ids = findPartnerMentions(unit.text);
    if (unit.row?.partner) ids.push(unit.row.partner.id);
    count(ids);
  }
  return counts;
}

/**
 * The steps a partner list shows beside the established date, when there are more than that one:
 * de facto and de jure dates (two facts, not a disagreement), re-establishment, severance.
 */
export function relationStepsOf(facts: { establishedSources: RelationDate[]; severed: RelationDate[] }): { relationSteps?: RelationStep[] } {
  const qualified = facts.establishedSources.filter((f) => f.kind);
  if (qualified.length === 0 && facts.severed.length === 0) return {};
  const steps: RelationStep[] = [];
  const add = (kind: RelationStep['kind'], value: DateValue) => {
    if (!steps.some((s) => s.kind === kind && s.value.date === value.date)) steps.push({ kind, value });
  };
  const plain = preferredDate(facts.establishedSources.filter((f) => !f.kind));
  if (plain) add('established', plain);
  for (const f of qualified) add(f.kind === 're-established' ? 're-established' : `established ${f.kind!}`, f.value);
  for (const f of facts.severed) add('severed', f.value);
  steps.sort((a, b) => (a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : 0));
  return { relationSteps: steps };
}

/** The most precise stated date; among equally precise ones, the earliest. */
export function preferredDate(sources: RelationDate[]): DateValue | null {
  let best: DateValue | null = null;
  for (const { value } of sources) {
    if (
      !best ||
      PRECISION_RANK[value.precision] > PRECISION_RANK[best.precision] ||
      (PRECISION_RANK[value.precision] === PRECISION_RANK[best.precision] && value.date < best.date)
    ) {
      best = value;
    }
  }
  return best;
}
