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
import { FactBook, emptyFacts } from './factBook';
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
  const warnings: IngestWarning[] = [];
  const book = new FactBook();
  const documents: ExtractedDocument[] = [];
  const events: TimelineEvent[] = [];
  const mentionedIn = new Map<string, Set<string>>();

  for (const input of docs) {
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
    for (const e of eventsOf(units, meta)) events.push(e);
    collectFacts(units, meta, book);

    const counts = mentionCounts(input, units);
    if (main) counts.set(main.id, (counts.get(main.id) ?? 0) + 1);
    for (const id of counts.keys()) {
      if (!mentionedIn.has(id)) mentionedIn.set(id, new Set());
      mentionedIn.get(id)!.add(input.slug);
    }
    const others = [...counts]
      .filter(([id, n]) => id !== main?.id && n >= OFTEN)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_DOC_PARTNERS)
      .map(([id]) => id);
    documents.push({ slug: input.slug, kind, partners: main ? [main.id, ...others] : others });
  }

  const eventCounts = new Map<string, number>();
  for (const e of events) for (const name of e.partners) eventCounts.set(name, (eventCounts.get(name) ?? 0) + 1);

  const ids = new Set<string>([...mentionedIn.keys(), ...book.byPartner.keys()]);
  const partners: Partner[] = [...ids]
    .map((id) => partnerById(id))
    .filter((p): p is PartnerDef => p !== null)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((def) => {
      const facts = book.byPartner.get(def.id) ?? emptyFacts();
      return {
        id: def.id,
        name: def.name,
        kind: def.kind,
        aliases: [...def.aliases],
        established: preferredDate(facts.establishedSources),
        documents: docs.map((d) => d.slug).filter((slug) => mentionedIn.get(def.id)?.has(slug)),
        ...relationStepsOf(facts),
        establishedSources: facts.establishedSources,
        severed: facts.severed,
        recognition: facts.recognition,
        missions: unifyMissionPlaces(facts.missions),
        envoys: facts.envoys,
        memberships: facts.memberships,
        events: eventCounts.get(def.name) ?? 0,
      };
    });

  return { documents, partners, events, warnings };
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
