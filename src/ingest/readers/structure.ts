// What every reader hands its findings to: headings, paragraphs, lists, tables and infoboxes in
// reading order, turned into the same sections and blocks the corpus parser makes (DocBuilder,
// and buildTable's gap rule for tables), so an added document is read, searched and extracted
// exactly as a bundled one.
//
// `at` is where the thing was found in the source, for warnings: a line for text formats, a
// page for PDF, a block ordinal for HTML.
import type { ParsedDocument } from '../model';
import { cleanInline, DocBuilder, isGarbage, OVERSIZED_PARAGRAPH } from '../doc-builder';
import { buildTable } from '../tables';
import { nameKey } from '../../shared/text';

/** "12. Text": the number of a numbered paragraph. */
const NUMBERED_PARAGRAPH = /^(\d{1,4})\.\s+(?=\S)/;

export type ReaderFormat = Exclude<ParsedDocument['format'], 'pdf-markdown'>;

/** Inline whitespace (including non-breaking spaces and line breaks) folded to single spaces. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

export class StructureWriter {
  private builder: DocBuilder;
  private title: string;
  private titleSet = false;

  constructor(
    readonly sourceFile: string,
    readonly format: ReaderFormat,
    fallbackTitle: string,
  ) {
    this.title = fallbackTitle;
    this.builder = new DocBuilder(sourceFile, fallbackTitle);
  }

  /** The document's own title (an h1, a PDF's title line); the first one given wins. */
  setTitle(title: string): boolean {
    const clean = collapseSpace(cleanInline(title));
    if (this.titleSet || !clean) return false;
    this.title = clean;
    this.titleSet = true;
    this.builder.setTitle(clean);
    return true;
  }

  get hasTitle(): boolean {
    return this.titleSet;
  }

  warn(at: number, code: string, message: string): void {
    this.builder.warn(at, code, message);
  }

  /** A heading of level 2..4 (deeper ones are kept as level 4). */
  heading(text: string, level: number, at: number): void {
    const clean = collapseSpace(cleanInline(text));
    if (!clean || isGarbage(clean)) return;
    this.builder.startSection(clean, Math.min(4, Math.max(2, level)), at);
  }

  paragraph(text: string, at: number, number?: string): void {
    let clean = collapseSpace(cleanInline(text));
    // "12. The Parties …": a numbered paragraph, as in the corpus's agreements.
    const numbered = number === undefined ? NUMBERED_PARAGRAPH.exec(clean) : null;
    if (numbered) {
      number = numbered[1]!;
      clean = clean.slice(numbered[0].length);
    }
    if (!clean || isGarbage(clean)) return;
    if (clean.length > OVERSIZED_PARAGRAPH) this.warn(at, 'oversized-paragraph', `Paragraph at ${this.where(at)} is ${clean.length} characters long; kept whole.`);
    this.builder.addBlock(number !== undefined ? { type: 'paragraph', text: clean, number } : { type: 'paragraph', text: clean }, at);
  }

  /** Appends to the last paragraph (a paragraph cut by a page break); false when there is none. */
  continueParagraph(text: string): boolean {
    const last = this.builder.lastBlock();
    const clean = collapseSpace(cleanInline(text));
    if (!last || last.type !== 'paragraph' || !clean) return false;
    last.text = joinBroken(last.text, clean);
    return true;
  }

  list(items: string[], style: 'bullet' | 'numbered', at: number): void {
    const clean = items.map((i) => collapseSpace(cleanInline(i))).filter((i) => i && !isGarbage(i));
    if (clean.length === 0) return;
    // A "See also" list names other documents, as in the corpus (linked to them at import).
    if (this.builder.section.level > 0 && nameKey(this.builder.section.heading) === 'see also') {
      this.builder.addBlock({ type: 'seeAlso', items: clean.map((title) => ({ title, slug: null })) }, at);
    } else {
      this.builder.addBlock({ type: 'list', style, items: clean }, at);
    }
  }

  /** Rows of cell texts, the header first; empty cells go through the corpus's gap rule. */
  table(rows: string[][], at: number): void {
    const clean = rows.map((r) => r.map((c) => collapseSpace(cleanInline(c)))).filter((r) => r.some((c) => c !== ''));
    if (clean.length === 0) return;
    const raw = { rows: clean.map((cells, i) => ({ cells, line: at + i })), startLine: at };
    this.builder.addBlock(buildTable(raw, { builder: this.builder, path: this.builder.section.path }), at);
  }

  infobox(fields: { key: string; value: string }[], at: number): void {
    const clean = fields
      .map((f) => ({ key: collapseSpace(cleanInline(f.key)), value: collapseSpace(cleanInline(f.value)) }))
      .filter((f) => f.key !== '' && f.value !== '');
    if (clean.length > 0) this.builder.addBlock({ type: 'infobox', fields: clean }, at);
  }

  finish(): ParsedDocument {
    const warnings = this.builder.warnings
      .map((w, i) => ({ w, i }))
      .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
      .map(({ w }) => w);
    return { sourceFile: this.sourceFile, title: this.title, format: this.format, sections: this.builder.sections, warnings, blockLines: this.builder.blockLines };
  }

  private where(at: number): string {
    return this.format === 'pdf' ? `page ${at}` : this.format === 'html' ? `element ${at}` : `line ${at}`;
  }
}

/** True when nothing but the (empty) lead was written. */
export function isEmptyDocument(doc: ParsedDocument): boolean {
  return doc.sections.every((s) => s.blocks.length === 0);
}

/** Joins two halves of a paragraph: a word hyphenated at the break is made whole again. */
export function joinBroken(before: string, after: string): string {
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}
