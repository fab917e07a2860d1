// What the two corpus parsers (parse-wiki.ts, parse-pdfmd.ts) do alike, line by line: read a line
// (warning about control characters), gather pipe-table rows into one table and list items of
// one style into one list until something else comes, and turn a marked heading into a section of
// level 2..4, saying what was wrong with it. Each parser keeps what is its own (infoboxes and
// "See also" lists; numbered paragraphs and page-break joins).
import { cleanInline, DocBuilder, hasControlChars, isGarbage, type BlockInput } from './doc-builder';
import { buildTable, splitRow, type RawTable } from './tables';

export type ListStyle = 'bullet' | 'diamond' | 'numbered';

export interface OpenList<S extends ListStyle> {
  style: S;
  items: string[];
  /** Source line of its first item. */
  line: number;
}

export interface MarkedHeading {
  level: number;
  /** How many markers close it (a wiki heading must close with as many as it opens with). */
  closing: number;
  text: string;
}

export class BlockAssembler<S extends ListStyle> {
  #table: RawTable | null = null;
  #list: OpenList<S> | null = null;

  /** `listBlock`: the block a finished list becomes (the wiki's "See also" list becomes links). */
  constructor(
    private readonly builder: DocBuilder,
    private readonly listBlock: (list: OpenList<S>) => BlockInput = (list) => ({ type: 'list', style: list.style, items: list.items }),
  ) {}

  /** Line `lineNo`, trimmed; control characters are reported (cleanInline removes them later). */
  readLine(raw: string, lineNo: number): string {
    if (hasControlChars(raw)) this.builder.warn(lineNo, 'control-chars', `Line ${lineNo} contains control characters; they were removed.`);
    return raw.trim();
  }

  /** A pipe row (not a separator) for the open table, or the first row of a new one. */
  tableRow(line: string, lineNo: number): void {
    const { cells, closed } = splitRow(line);
    if (!closed) {
      this.builder.warn(lineNo, 'table-row-unclosed', `Table row at line ${lineNo} has no closing "|"; read as a row anyway.`);
    }
    this.#table ??= { rows: [], startLine: lineNo };
    this.#table.rows.push({ cells, line: lineNo });
  }

  flushTable(): void {
    const table = this.#table;
    if (!table) return;
    if (table.rows.length > 0) this.builder.addBlock(buildTable(table, { builder: this.builder, path: this.builder.section.path }), table.startLine);
    this.#table = null;
  }

  /** An item (its marker removed) for the open list; an item of another style starts a new list. */
  listItem(style: S, text: string, lineNo: number): void {
    if (this.#list && this.#list.style !== style) this.flushList();
    if (text === '') return;
    this.#list ??= { style, items: [], line: lineNo };
    this.#list.items.push(text);
  }

  flushList(): void {
    if (!this.#list) return;
    this.builder.addBlock(this.listBlock(this.#list), this.#list.line);
    this.#list = null;
  }

  /**
   * Open a section for a marked heading, its level read as 2..4. `closingMustMatch`: a heading
   * closed by fewer or more markers than it opens with is read at the smaller count (wiki `=`).
   */
  heading(h: MarkedHeading, lineNo: number, { closingMustMatch }: { closingMustMatch: boolean }): void {
    const heading = cleanInline(h.text);
    if (heading === '' || isGarbage(heading)) {
      this.builder.warn(lineNo, 'heading-empty', `Heading at line ${lineNo} has no text; ignored.`);
      return;
    }
    let level = h.level;
    if (closingMustMatch && h.closing !== h.level) {
      this.builder.warn(lineNo, 'heading-unbalanced', `Heading "${heading}" at line ${lineNo} opens with ${h.level} "=" and closes with ${h.closing}; read as level ${Math.min(h.level, h.closing)}.`);
      level = Math.min(h.level, h.closing);
    }
    if (level < 2 || level > 4) {
      const clamped = Math.min(4, Math.max(2, level));
      this.builder.warn(lineNo, 'heading-level', `Heading "${heading}" at line ${lineNo} has level ${level}; read as level ${clamped}.`);
      level = clamped;
    }
    this.builder.startSection(heading, level, lineNo);
  }

  /** Inline text of a prose line, or null (with a warning) when nothing readable is left. */
  proseText(text: string, line: string, lineNo: number): string | null {
    if (text === '' || isGarbage(text)) {
      this.builder.warn(lineNo, 'garbage-line', `Line ${lineNo} has no readable text ("${line.slice(0, 40)}"); skipped.`);
      return null;
    }
    return text;
  }
}
