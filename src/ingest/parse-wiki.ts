// The wiki-style export: `= Title =`, `== Heading ==` … `==== Heading ====`, pipe tables,
// `- ` lists, `Infobox` + `- Key: Value`, `;Term` lines, and a `See also` list.
// Each non-blank prose line is its own paragraph (the export puts one paragraph per line).
import { nameKey } from '../shared/text';
import { BlockAssembler } from './blockAssembler';
import { cleanInline, DocBuilder, isGarbage, parseMarkedHeading, type BlockInput } from './doc-builder';
import { isTableLine, isTableSeparator, isWikitextTableMarkup } from './tables';

export interface WikiTitle {
  title: string;
  /** Index (0-based) of the title line, or -1 when there is none. */
  index: number;
}

/** The `= Title =` on the first non-blank line, if there is one. */
export function findWikiTitle(lines: string[]): WikiTitle | null {
  const index = lines.findIndex((l) => l.trim() !== '');
  if (index === -1) return null;
  const h = parseMarkedHeading(lines[index]!.trim(), '=');
  if (!h || h.level !== 1 || h.closing !== 1) return null;
  const title = cleanInline(h.text);
  return title ? { title, index } : null;
}

const LIST_ITEM = /^[-*•]\s+/;
const NUMBERED_ITEM = /^#\s+/;

/**
 * Parse wiki-format lines into `builder`. `skipIndex` is the 0-based index of the title line
 * (already consumed), or -1. Line `i` of the array is source line `i + 1`.
 */
export function parseWiki(lines: string[], builder: DocBuilder, skipIndex: number): void {
  const inSeeAlso = () => nameKey(builder.section.heading) === 'see also' && builder.section.level > 0;
  const blocks = new BlockAssembler<'bullet' | 'numbered'>(builder, (list): BlockInput =>
    inSeeAlso()
      ? { type: 'seeAlso', items: list.items.map((title) => ({ title, slug: null })) }
      : { type: 'list', style: list.style, items: list.items },
  );
  let infobox: { fields: { key: string; value: string }[]; line: number } | null = null;

  const flushInfobox = () => {
    if (!infobox) return;
    if (infobox.fields.length > 0) builder.addBlock({ type: 'infobox', fields: infobox.fields }, infobox.line);
    else builder.warn(infobox.line, 'infobox-empty', `"Infobox" at line ${infobox.line} has no "- Key: Value" lines; ignored.`);
    infobox = null;
  };
  const flushAll = () => {
    blocks.flushTable();
    blocks.flushList();
    flushInfobox();
  };

  for (let i = 0; i < lines.length; i++) {
    if (i === skipIndex) continue;
    const lineNo = i + 1;
    const line = blocks.readLine(lines[i]!, lineNo);

    if (line === '') {
      flushAll();
      continue;
    }

    // Tables: rows end at a blank line or any line that is not a pipe row.
    if (isWikitextTableMarkup(line)) {
      builder.warn(lineNo, 'table-markup', `Raw wikitext table markup "${line.slice(0, 40)}" at line ${lineNo} was skipped.`);
      continue;
    }
    if (isTableLine(line)) {
      if (isTableSeparator(line)) continue;
      blocks.flushList();
      flushInfobox();
      blocks.tableRow(line, lineNo);
      continue;
    }
    blocks.flushTable();

    if (line.startsWith('=')) {
      const h = parseMarkedHeading(line, '=');
      if (h) {
        flushAll();
        blocks.heading(h, lineNo, { closingMustMatch: true });
        continue;
      }
    }

    if (line === 'Infobox' || /^Infobox\s/.test(line)) {
      flushAll();
      infobox = { fields: [], line: lineNo };
      continue;
    }
    if (infobox) {
      const field = LIST_ITEM.test(line) ? parseField(line.replace(LIST_ITEM, '')) : null;
      if (field) {
        infobox.fields.push(field);
        continue;
      }
      flushInfobox();
    }

    if (line.startsWith(';')) {
      flushAll();
      const text = cleanInline(line.slice(1));
      if (text && !isGarbage(text)) builder.addBlock({ type: 'term', text }, lineNo);
      else builder.warn(lineNo, 'garbage-line', `Term line ${lineNo} has no readable text ("${line.slice(0, 40)}"); skipped.`);
      continue;
    }

    const bullet = LIST_ITEM.test(line);
    if (bullet || NUMBERED_ITEM.test(line)) {
      blocks.listItem(bullet ? 'bullet' : 'numbered', cleanInline(line.replace(bullet ? LIST_ITEM : NUMBERED_ITEM, '')), lineNo);
      continue;
    }
    blocks.flushList();

    const text = blocks.proseText(cleanInline(line), line, lineNo);
    if (text !== null) builder.addBlock({ type: 'paragraph', text }, lineNo);
  }
  flushAll();
}

/** `Key: Value` → field; null when there is no key. */
function parseField(text: string): { key: string; value: string } | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 60) return null;
  const key = cleanInline(text.slice(0, colon));
  if (!key || /\s{2,}/.test(key)) return null;
  return { key, value: cleanInline(text.slice(colon + 1)) };
}
