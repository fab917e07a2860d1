// Documents → text units (sentences, list items, table rows, infobox fields) with their dates
// resolved in reading order; events.ts turns them into timeline events, facts.ts into facts.
//
// Reading order and context: within a section, sentences are read in order and each one's last
// absolute date becomes the context of the next ("In late February 2022 …" → "In mid-March" is
// 2022-03; "on 17 February 2008 …" → "the following day" is 2008-02-18). A section starts with
// the year of its heading, if it names one ("2022 invasion of Ukraine"), and nothing else: a
// relative date never reaches back into another section. Table rows are independent facts:
// they neither use nor move the context.
import type { Block, IngestWarning, Section, TableRow } from '../shared/types';
import type { ParsedDocument } from './model';
import { advanceContext, scanDates, type DateContext, type FoundDate } from './dates';
import { resolvePartner, type PartnerDef } from '../core/partners';
import { splitSentences } from '../core/sentences';
import { clip } from './summaries';
import { partnerFromNote } from './notePartner';

export { partnerFromNote } from './notePartner';
import { eventDates } from './dateRoles';
import { recordInference, type Anchor } from './dateAnchors';

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
    let anchor: Anchor | null = ctx.year != null ? { value: { date: String(ctx.year), precision: 'year', text: String(ctx.year) }, block: null, heading: section.heading } : null;
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
        const stated = eventDates(sentence, scan.found.filter((f) => !insideQuotedTitle(sentence, f.index)));
        const dates = recordInference(sentence, stated, anchor, block);
        units.push({ docSlug: slug, section, block, kind: 'sentence', text: sentence, quote: sentence, index: index++, dates });
        const next = advanceContext(ctx, dates);
        // An inferred date passes on the year it took, so the reason names where that year is stated.
        if (next.previous && next.previous !== ctx.previous && !next.previous.inferred) anchor = { value: next.previous, block };
        ctx = next;
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

export const RELATIONS_HEADER = /relations? (?:began|established)|established|since/i;
const DATE_HEADER = /date|began|established|year|since|from|to|term|served|signed|ratified|joined/i;
const NOTE_HEADER = /^(?:notes?|remarks?|comments?)$/i;
const NUMBER_HEADER = /^(?:#|no\.?|nr\.?|number)$/i;
export const FORMER_HEADING = /former/i;

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
      if (text) dates.push(...scanDates(text, {}).found);
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
