// Documents → text units (sentences, list items, table rows, infobox fields) with their dates
// resolved in reading order → timeline events.
//
// Reading order and context: within a section, sentences are read in order and each one's last
// absolute date becomes the context of the next ("In late February 2022 …" → "In mid-March" is
// 2022-03; "on 17 February 2008 …" → "the following day" is 2008-02-18). A section starts with
// the year of its heading, if it names one ("2022 invasion of Ukraine"), and nothing else: a
// relative date never reaches back into another section. Table rows are independent facts:
// they neither use nor move the context.
import { createHash } from 'node:crypto';
import type { Block, IngestWarning, Section, TableRow, TimelineEvent } from '../shared/types';
import type { ParsedDocument } from './model';
import { advanceContext, scanDates, type DateContext, type FoundDate } from './dates';
import { findPartnerMentions, partnerById, resolvePartner, type PartnerDef } from '../core/partners';
import { classifyEvent } from './categories';
import { splitSentences } from '../core/sentences';

export type TableBlock = Extract<Block, { type: 'table' }>;

/** One thing a fact or an event can be read from, with its exact source text. */
export interface TextUnit {
  docSlug: string;
  section: Section;
  block: Block;
  kind: 'sentence' | 'row' | 'field';
  /** Text that dates and partners are read from. For rows: the cells that carry content. */
  text: string;
  /** Exact source sentence, list item sentence, table row (`| a | b |`) or infobox line. */
  quote: string;
  /** Position of the unit in its section (sentence index), for stable ids. */
  index: number;
  dates: FoundDate[];
  /** Set for table rows. */
  row?: RowInfo;
  /** Set for infobox fields. */
  field?: { key: string; value: string };
}

export interface RowInfo {
  table: TableBlock;
  row: TableRow;
  /** 1-based position among the table's rows. */
  number: number;
  /** The nearest subheading row above ("Ratification by:"), if any. */
  subheading?: string;
  /** The partner the row is about: named, recovered by the parser, or recovered here from the note. */
  partner: PartnerDef | null;
  /** How the partner was found. */
  partnerFrom: 'named' | 'recovered' | 'note' | null;
  /** Column indexes. */
  labelColumn: number;
  dateColumns: number[];
  noteColumn: number;
}

export interface DocInput {
  slug: string;
  title: string;
  doc: ParsedDocument;
}

// --- units ----------------------------------------------------------------------------------

/** Every unit of a document, dates resolved in reading order. Unresolved relative dates are warned about. */
export function unitsOf(input: DocInput, warnings: IngestWarning[]): TextUnit[] {
  const { slug, doc } = input;
  const units: TextUnit[] = [];
  for (const section of doc.sections) {
    let ctx: DateContext = headingContext(section);
    let index = 0;
    const prose = (block: Block, text: string) => {
      for (const sentence of splitSentences(text)) {
        const scan = scanDates(sentence, ctx);
        for (const u of scan.unresolved) {
          warnings.push({
            file: doc.sourceFile,
            line: doc.blockLines[block.id],
            code: 'date-unresolved',
            message: `"${u.text}" in "${clip(sentence, 100)}" (${section.path.join(' › ') || 'lead'}) was not dated: ${u.reason}.`,
          });
        }
        const dates = scan.found.filter((f) => !insideQuotedTitle(sentence, f.index));
        units.push({ docSlug: slug, section, block, kind: 'sentence', text: sentence, quote: sentence, index: index++, dates });
        ctx = advanceContext(ctx, dates);
      }
    };
    for (const block of section.blocks) {
      switch (block.type) {
        case 'paragraph':
          prose(block, block.text);
          break;
        case 'list':
          for (const item of block.items) prose(block, item);
          break;
        case 'table':
          for (const unit of rowUnits(slug, section, block, () => index++)) {
            units.push(unit);
            // Prose notes ("In December 2006, … visited Pakistan …") are sentences of their own.
            const note = unit.row!.row.cells[unit.row!.noteColumn];
            if (note && !note.gap && note.text && !/^See\b/i.test(note.text)) prose(block, note.text);
          }
          break;
        case 'infobox':
          for (const f of block.fields) {
            const quote = `- ${f.key}: ${f.value}`;
            const dates = scanDates(f.value, {}).found;
            units.push({ docSlug: slug, section, block, kind: 'field', text: f.value, quote, index: index++, dates, field: f });
          }
          break;
        default:
          break; // terms are headings; "See also" lists carry no statements
      }
    }
  }
  return units;
}

function headingContext(section: Section): DateContext {
  let year: number | null = null;
  for (const heading of section.path) {
    for (const f of scanDates(heading, {}).found) {
      if (f.value.precision !== 'decade' && f.value.precision !== 'range') year = Number(f.value.date.slice(0, 4));
    }
  }
  return { previous: null, year };
}

/** A date inside a quoted book or article title is a citation, not a statement: "in his book "Greece and Albania in the early 20th century (1995)"". */
function insideQuotedTitle(sentence: string, index: number): boolean {
  const re = /\b(?:book|article|paper|report|titled|entitled|called|study)\s+["“]([^"”]*)["”]/gi;
  for (const m of sentence.matchAll(re)) {
    const open = m.index + m[0].indexOf(m[1]!);
    if (index >= open && index < open + m[1]!.length) return true;
  }
  return false;
}

const RELATIONS_HEADER = /relations? (?:began|established)|established|since/i;
const DATE_HEADER = /date|began|established|year|since|from|to|term|served|signed|ratified|joined/i;
const NOTE_HEADER = /^(?:notes?|remarks?|comments?)$/i;
const NUMBER_HEADER = /^(?:#|no\.?|nr\.?|number)$/i;
const FORMER_HEADING = /former/i;

function rowUnits(slug: string, section: Section, table: TableBlock, nextIndex: () => number): TextUnit[] {
  const header = table.header.map((h) => h.replace(/<[^>]+>/g, '').trim());
  const width = table.rows.reduce((w, r) => Math.max(w, r.cells.length), header.length);
  const noteColumn = header.findIndex((h) => NOTE_HEADER.test(h));
  const labelColumn = Math.max(0, header.findIndex((h, i) => i !== noteColumn && h !== '' && !NUMBER_HEADER.test(h)));
  const dateColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    if (c === labelColumn || c === noteColumn || NUMBER_HEADER.test(header[c] ?? '')) continue;
    // A date column: its header says so, or it follows one ("Term served" | "" ), or most cells are dates.
    const isDateHeader = DATE_HEADER.test(header[c] ?? '') || (header[c] === '' && dateColumns.includes(c - 1));
    const dated = table.rows.filter((r) => r.cells[c]?.text && scanDates(r.cells[c]!.text).found.length > 0).length;
    const filled = table.rows.filter((r) => r.cells[c]?.text).length;
    if (isDateHeader || (filled > 0 && dated / filled > 0.5)) dateColumns.push(c);
  }
  const former = section.path.some((p) => FORMER_HEADING.test(p));

  const units: TextUnit[] = [];
  let subheading: string | undefined;
  table.rows.forEach((row, i) => {
    if (row.subheading) {
      subheading = row.cells.map((c) => c.text).filter(Boolean).join(' ').replace(/:$/, '');
      return;
    }
    const dates: FoundDate[] = [];
    for (const c of dateColumns) {
      const text = row.cells[c]?.text;
      if (text) for (const d of scanDates(text, {}).found) dates.push(d);
    }
    const { partner, from } = rowPartner(row, labelColumn, noteColumn, former);
    const text = row.cells
      .map((c) => c.text)
      .filter((t) => t !== '')
      .join(' | ');
    units.push({
      docSlug: slug,
      section,
      block: table,
      kind: 'row',
      text,
      quote: rowQuote(row),
      index: nextIndex(),
      dates,
      row: { table, row, number: i + 1, subheading, partner, partnerFrom: from, labelColumn, dateColumns, noteColumn },
    });
  });
  return units;
}

/** The row as the source printed it: lost and recovered cells are empty, as they were. */
export function rowQuote(row: TableRow): string {
  return '|' + row.cells.map((c) => (c.gap || c.recovered || c.text === '' ? ' ' : ` ${c.text} `)).join('|') + '|';
}

/**
 * The partner a table row is about. Named in its label cell, recovered by the parser, or — for a
 * lost cell the parser left alone — named by the note: "See Albania–Soviet Union relations",
 * "See Accession of Albania to the European Union", "See Albania at the United Nations". Under a
 * "Former countries" heading a note pointing at a present-day state ("See Albania–Germany
 * relations") does not name the former state, so nothing is recovered there.
 */
function rowPartner(
  row: TableRow,
  labelColumn: number,
  noteColumn: number,
  former: boolean,
): { partner: PartnerDef | null; from: RowInfo['partnerFrom'] } {
  const label = row.cells[labelColumn];
  if (label && label.text && !label.gap) {
    const p = resolvePartner(label.text);
    if (p) return { partner: p, from: label.recovered ? 'recovered' : 'named' };
  }
  const note = noteColumn >= 0 ? row.cells[noteColumn]?.text ?? '' : '';
  const named = partnerFromNote(note);
  if (named && (!former || named.kind === 'former-state')) return { partner: named, from: 'note' };
  return { partner: null, from: null };
}

export function partnerFromNote(note: string): PartnerDef | null {
  const patterns = [
    /^See Albania\s*[–—-]\s*(.+?) relations\b/,
    /^See Accession of Albania to (?:the )?(.+?)$/,
    /^See Albania (?:at|in) (?:the )?(.+?)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(note.trim());
    if (m) return resolvePartner(m[1]!.trim());
  }
  return null;
}

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
    const drafts = unit.kind === 'row' ? rowEvents(unit) : unit.kind === 'field' ? fieldEvents(unit) : sentenceEvents(unit);
    for (const d of drafts) {
      const partners = d.partners ?? eventPartners(unit, meta);
      const event: TimelineEvent = {
        id: eventId(unit, d.date),
        date: d.date.date,
        precision: d.date.precision,
        ...(d.date.end ? { end: d.date.end } : {}),
        summary: d.summary,
        partners: partners.map((id) => partnerById(id)!.name),
        docSlug: unit.docSlug,
        anchor: unit.section.anchor,
        quote: unit.quote,
        category: classifyEvent({ summary: d.summary, quote: unit.quote, headings: unit.section.path, docSlug: unit.docSlug }),
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

function sentenceEvents(unit: TextUnit): Draft[] {
  const dates = distinctDates(unit.dates);
  // "In March 2014, … the 2014 Crimean referendum": the bare year adds nothing to the month.
  const subsumed = (f: FoundDate) =>
    f.value.precision === 'year' &&
    dates.some((g) => g !== f && (g.value.precision === 'day' || g.value.precision === 'month') && g.value.date.startsWith(f.value.date));
  return dates.filter((f) => !subsumed(f)).map((f) => ({ date: f.value, summary: summarize(unit.text, f.value.text) }));
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

/** What a "Formal Relations Began" date says: established, re-established, severed, de facto / de jure. */
export type RelationKind = 'established' | 're-established' | 'severed' | 'established de facto' | 'established de jure';

export function relationKindOf(cellText: string, date: FoundDate, previous: FoundDate | undefined): RelationKind {
  const before = cellText.slice(previous ? previous.index + previous.value.text.length : 0, date.index);
  if (/sever|suspend|broke|cut/i.test(before)) return 'severed';
  if (/re-?\s?establish|restor|resum/i.test(before)) return 're-established';
  if (/de\s*facto/i.test(before)) return 'established de facto';
  if (/de\s*jur/i.test(before)) return 'established de jure';
  return 'established';
}

/** Dates of a relations row with what each one says, read from the date cell. */
export function relationDates(unit: TextUnit): { date: FoundDate; kind: RelationKind }[] {
  const info = unit.row!;
  const out: { date: FoundDate; kind: RelationKind }[] = [];
  for (const c of info.dateColumns) {
    const text = info.row.cells[c]?.text ?? '';
    const found = scanDates(text, {}).found;
    found.forEach((f, i) => out.push({ date: f, kind: relationKindOf(text, f, found[i - 1]) }));
  }
  return out;
}

function relationSummary(unit: TextUnit, f: FoundDate): string {
  const info = unit.row!;
  const kind = relationDates(unit).find((r) => r.date.value.date === f.value.date)?.kind ?? 'established';
  const verb = `Relations ${kind}`;
  if (info.partner) {
    const how = info.partnerFrom === 'note' || info.partnerFrom === 'recovered' ? ' (name recovered from the row’s note)' : '';
    return clip(`${verb} with ${withArticle(info.partner.name)}${how}`, 140);
  }
  const former = unit.section.path.some((p) => FORMER_HEADING.test(p));
  const note = info.noteColumn >= 0 ? info.row.cells[info.noteColumn]?.text ?? '' : '';
  const see = /^See (.+)$/.exec(note)?.[1];
  const where = `${unit.section.heading} table, row ${info.number}`;
  if (former) {
    return clip(`${verb} with a former state not named in the source (${where}${see ? `; see ${see}` : ''})`, 140);
  }
  const about = note && !see ? findPartnerMentions(note).map((id) => partnerById(id)!.name) : [];
  return clip(
    `${verb} with a country not named in the source (${where}${about.length === 1 ? `; its note is about ${about[0]}` : ''})`,
    140,
  );
}

/** "the United States", "the Holy See", "the European Union"; "Egypt". */
export function withArticle(name: string): string {
  const the =
    /^(?:United|Holy|European|Soviet|Ottoman|Warsaw|Council|Organi[sz]ation|World|International|Union|South-East|Central|Dominican|Czech|Democratic|Republic|Federated|State of)\b/.test(name) ||
    /\b(?:Islands|Republic|Emirates)$/.test(name) ||
    /^(?:Netherlands|Bahamas|Gambia|Philippines|Maldives|Comoros|Seychelles|Vatican)$/.test(name);
  return the ? `the ${name}` : name;
}

/** Partners of a sentence: those it names; else those its headings name; else the document's main partner. */
export function eventPartners(unit: TextUnit, meta: DocMeta): string[] {
  const named = findPartnerMentions(unit.text);
  // In a document about one partner, everything it dates concerns that partner too.
  if (named.length > 0) return meta.main && !named.includes(meta.main.id) ? [...named, meta.main.id] : named;
  for (let i = unit.section.path.length - 1; i >= 0; i--) {
    const fromHeading = findPartnerMentions(unit.section.path[i]!);
    if (fromHeading.length > 0) return fromHeading;
  }
  return meta.main ? [meta.main.id] : [];
}

function eventId(unit: TextUnit, date: FoundDate['value']): string {
  const key = `${unit.docSlug}|${unit.section.anchor}|${date.date}|${date.precision}|${date.end ?? ''}|${unit.index}`;
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}

// --- summaries ------------------------------------------------------------------------------

export const SUMMARY_MAX = 140;

/**
 * One line from the sentence, never more than SUMMARY_MAX characters: the sentence itself when
 * it fits; otherwise its leading clauses, as long as they still contain the date; otherwise the
 * clauses from the one with the date onwards; otherwise a cut at a word boundary. Cuts are marked "…".
 */
export function summarize(sentence: string, focus?: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '');
  if (s.length <= SUMMARY_MAX) return s;
  const clauses = s.split(/(?<=[,;:])\s+|\s+(?=[–—]\s)/);
  const fits = (parts: string[], budget: number) => parts.join(' ').replace(/[,;:–—\s]+$/, '').length + 1 <= budget;
  const take = (from: number, budget = SUMMARY_MAX): string | null => {
    const parts: string[] = [];
    for (let i = from; i < clauses.length; i++) {
      if (!fits([...parts, clauses[i]!], budget)) break;
      parts.push(clauses[i]!);
    }
    if (parts.length === 0) return null;
    const text = parts.join(' ');
    return from + parts.length === clauses.length ? text : text.replace(/[,;:–—\s]+$/, '') + '…';
  };
  const lead = take(0);
  // A lead clause as short as "In 1996," says nothing: prefer a word-boundary cut then.
  if (lead && lead.length >= 80 && (!focus || lead.includes(focus))) return lead;
  const cut = clip(s, SUMMARY_MAX);
  if (!focus || cut.includes(focus)) return cut;
  if (focus) {
    const at = clauses.findIndex((c) => c.includes(focus));
    if (at > 0) {
      const part = take(at, SUMMARY_MAX - 1);
      if (part) return '…' + part;
    }
  }
  return clip(s, SUMMARY_MAX);
}

/** Cut at a word boundary with "…" when longer than `max`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '') + '…';
}
