// Text units (units.ts) → timeline events: one per distinct date in a sentence, row or field,
// with its partners, summary and category.
import { createHash } from 'node:crypto';
import type { Section, TimelineEvent } from '../shared/types';
import type { FoundDate } from './dates';
import { findPartnerMentions, partnerById, type PartnerDef } from '../core/partners';
import { classifyEvent } from './categories';
import { RELATIONS_HEADER, type TextUnit } from './units';
import { relationSummary } from './relationDates';
import { clip, summarize } from './summaries';
import { dateTexts } from './clauses';

export { unitsOf, rowQuote, partnerFromNote, type TextUnit, type RowInfo, type DocInput, type TableBlock } from './units';
export { relationKindOf, relationDates, withArticle, type RelationKind } from './relationDates';
export { summarize, clip, SUMMARY_MAX } from './summaries';

// --- events ---------------------------------------------------------------------------------

export interface DocMeta {
  slug: string;
  main: PartnerDef | null;
}

/** Every dated unit → events (one per distinct date in the unit). */
export function eventsOf(units: TextUnit[], meta: DocMeta): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const drafts = unit.kind === 'row' ? rowEvents(unit) : unit.kind === 'field' ? fieldEvents(unit) : sentenceEvents(unit, meta);
    for (const d of drafts) {
      const partners = d.partners ?? eventPartners(unit, meta);
      const event: TimelineEvent = {
        id: eventId(unit, d.date),
        date: d.date.date,
        precision: d.date.precision,
        ...(d.date.end ? { end: d.date.end } : {}),
        ...(d.date.inferred ? { inferred: d.date.inferred } : {}),
        summary: d.summary,
        partners: partners.map((id) => partnerById(id)!.name),
        docSlug: unit.docSlug,
        anchor: unit.section.anchor,
        quote: unit.quote,
        category: classifyEvent({ summary: d.clause ?? d.summary, quote: d.clause ?? unit.quote, headings: unit.section.path, docSlug: unit.docSlug }),
      };
      // The same row in two tables of one document (Turkey under Asia and under Europe) is one
      // event. Rows about a party the source does not name are never merged: two ratifications on
      // the same day are two countries.
      if (!event.summary.includes('not named in the source')) {
        const key = `${event.date}|${event.precision}|${event.end ?? ''}|${event.summary}|${event.partners.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      events.push(event);
    }
  }
  return events;
}

interface Draft {
  date: FoundDate['value'];
  summary: string;
  partners?: string[];
  /** The clause that carries the date and the clauses that carry none, when the sentence has several dates: what the event is about. */
  clause?: string;
}

function distinctDates(dates: FoundDate[]): FoundDate[] {
  const seen = new Set<string>();
  return dates.filter((f) => {
    const key = `${f.value.date}|${f.value.precision}|${f.value.end ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sentenceEvents(unit: TextUnit, meta: DocMeta): Draft[] {
  const dates = distinctDates(unit.dates);
  // "In March 2014, … the 2014 Crimean referendum": the bare year adds nothing to the month.
  const subsumed = (f: FoundDate) =>
    f.value.precision === 'year' &&
    dates.some((g) => g !== f && (g.value.precision === 'day' || g.value.precision === 'month') && g.value.date.startsWith(f.value.date));
  const kept = dates.filter((f) => !subsumed(f));
  // Two events from one sentence: each takes the partners of the clause that carries its date.
  const texts = kept.length > 1 ? dateTexts(unit.text, kept) : null;
  return kept.map((f) => {
    const draft: Draft = { date: f.value, summary: summarize(unit.text, f.value.text) };
    if (texts) {
      const own = findPartnerMentions(texts.own.get(f) ?? '');
      const shared = findPartnerMentions(texts.shared);
      draft.partners = withMain(own.length ? own : shared, unit, meta) ?? eventPartners({ ...unit, text: '' }, meta);
      draft.clause = `${texts.own.get(f) ?? ''} ${texts.shared}`;
    }
    return draft;
  });
}

function fieldEvents(unit: TextUnit): Draft[] {
  return distinctDates(unit.dates).map((f) => ({ date: f.value, summary: clip(`${unit.field!.key}: ${unit.field!.value}`, 140) }));
}

function rowEvents(unit: TextUnit): Draft[] {
  const info = unit.row!;
  const header = info.table.header.map((h) => h.replace(/<[^>]+>/g, '').trim());
  const labelCell = info.row.cells[info.labelColumn];
  const label = labelCell && !labelCell.gap ? labelCell.text : '';
  const drafts: Draft[] = [];
  const isRelations = info.dateColumns.some((c) => RELATIONS_HEADER.test(header[c] ?? ''));
  const isTerm = info.dateColumns.some((c) => /term/i.test(header[c] ?? ''));

  if (isRelations) {
    for (const f of distinctDates(unit.dates)) {
      drafts.push({ date: f.value, summary: relationSummary(unit, f), partners: info.partner ? [info.partner.id] : [] });
    }
    return drafts;
  }
  if (isTerm && label) {
    // "| 1 | Artur Kuko | 2009 | 5 December 2013 |": a term from … to …
    const [first, ...rest] = unit.dates;
    const role = sectionNoun(unit.section);
    if (first) drafts.push({ date: first.value, summary: clip(`${label}: term as ${role} begins`, 140) });
    for (const f of rest) drafts.push({ date: f.value, summary: clip(`${label}: term as ${role} ends`, 140) });
    return drafts;
  }
  for (const f of distinctDates(unit.dates)) {
    let summary: string;
    if (label) summary = `${label} (${unit.section.heading})`;
    else if (info.subheading && /ratif/i.test(info.subheading) && /accession/i.test(unit.section.heading + ' ' + tableContext(unit))) {
      summary = 'Accession protocol ratified by a NATO member (country not named in the source)';
    } else if (info.subheading) {
      summary = `${info.subheading} a party not named in the source (${unit.section.heading}, row ${info.number})`;
    } else {
      summary = `${unit.section.heading}: an entry whose name was lost in the source (row ${info.number})`;
    }
    drafts.push({ date: f.value, summary: clip(summary, 140) });
  }
  return drafts;
}

/** Rows above a ratification subheading: "Accession protocol" tells what is being ratified. */
function tableContext(unit: TextUnit): string {
  return unit.row!.table.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ');
}

function sectionNoun(section: Section): string {
  const h = section.heading.toLowerCase();
  if (h.endsWith('ies')) return h.slice(0, -3) + 'y';
  if (h.endsWith('s')) return h.slice(0, -1);
  return h;
}

/**
 * Partners of a sentence: those it names; else those its headings name; else the document's main
 * partner. A heading is context, not a party: it never adds a partner to those a sentence names.
 */
export function eventPartners(unit: TextUnit, meta: DocMeta): string[] {
  const named = withMain(findPartnerMentions(unit.text), unit, meta);
  if (named) return named;
  for (let i = unit.section.path.length - 1; i >= 0; i--) {
    const fromHeading = findPartnerMentions(unit.section.path[i]!);
    if (fromHeading.length > 0) return fromHeading;
  }
  return meta.main ? [meta.main.id] : [];
}

/**
 * Named partners, plus the document's main partner when the section is about it (a heading names
 * it: "2022 invasion of Ukraine" in Albania–Ukraine relations). In a section that is not, a
 * sentence naming only others is about them: "The Pashaliman naval base … was built in the 1950s
 * by the Soviet Union" is not a NATO event. Null when nothing is named.
 */
function withMain(named: string[], unit: TextUnit, meta: DocMeta): string[] | null {
  if (named.length === 0) return null;
  if (!meta.main || named.includes(meta.main.id)) return named;
  const sectionAboutMain = unit.section.path.some((h) => findPartnerMentions(h).includes(meta.main!.id));
  return sectionAboutMain ? [...named, meta.main.id] : named;
}

function eventId(unit: TextUnit, date: FoundDate['value']): string {
  const key = `${unit.docSlug}|${unit.section.anchor}|${date.date}|${date.precision}|${date.end ?? ''}|${unit.index}`;
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}
