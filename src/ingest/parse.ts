// Parse one source text into a structured document: title, format, sections (lead first) with
// stable anchors and heading paths, blocks with stable ids, and every problem found as a warning.
//
// Two formats (see corpus/): the wiki-style export (parse-wiki.ts) and Markdown converted from a
// PDF (parse-pdfmd.ts). Tables and their lost cells are handled in tables.ts for both.
// Malformed input never throws: it is parsed as well as it can be, with warnings.
import type { ParsedDocument } from './model';
import { DocBuilder, OVERSIZED_PARAGRAPH } from './doc-builder';
import { findPdfTitle, parsePdfMarkdown } from './parse-pdfmd';
import { findWikiTitle, parseWiki } from './parse-wiki';

export { LEAD_ANCHOR } from './doc-builder';
export { recaseTitle } from './parse-pdfmd';

export type SourceFormat = ParsedDocument['format'];

export function parseDocument(text: string, sourceFile: string): ParsedDocument {
  try {
    return parse(text, sourceFile);
  } catch (err) {
    // A safety net, not a code path: every known malformation is handled above with a warning.
    const title = titleFromFileName(sourceFile);
    return {
      sourceFile,
      title,
      format: 'wiki',
      sections: [{ anchor: 'lead', heading: title, level: 0, path: [], blocks: [] }],
      warnings: [
        { file: sourceFile, line: 1, code: 'parse-error', message: `Could not parse ${sourceFile}: ${String(err)}` },
      ],
      blockLines: {},
    };
  }
}

function parse(input: string, sourceFile: string): ParsedDocument {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  const lines = text.split('\n');

  const wikiTitle = findWikiTitle(lines);
  const pdfTitle = wikiTitle ? null : findPdfTitle(lines);
  const format: SourceFormat = wikiTitle ? 'wiki' : pdfTitle ? 'pdf-markdown' : guessFormat(lines);
  const title = wikiTitle?.title ?? pdfTitle?.title ?? titleFromFileName(sourceFile);

  const builder = new DocBuilder(sourceFile, title);
  if (!wikiTitle && !pdfTitle) {
    const first = lines.findIndex((l) => l.trim() !== '');
    builder.warn(
      first === -1 ? 1 : first + 1,
      'missing-title',
      `${sourceFile} has no title line (${format === 'wiki' ? '"= Title ="' : 'bold "**Title**"'}); the title "${title}" was taken from the file name.`,
    );
  }

  if (format === 'wiki') parseWiki(lines, builder, wikiTitle ? wikiTitle.index : -1);
  else parsePdfMarkdown(lines, builder, pdfTitle ? pdfTitle.first : -1, pdfTitle ? pdfTitle.last : -2);

  for (const section of builder.sections) {
    for (const block of section.blocks) {
      if (block.type === 'paragraph' && block.text.length > OVERSIZED_PARAGRAPH) {
        const line = builder.blockLines[block.id] ?? 1;
        builder.warn(line, 'oversized-paragraph', `Paragraph at line ${line} is ${block.text.length} characters long; kept whole.`);
      }
    }
  }

  const warnings = builder.warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
    .map(({ w }) => w);

  return { sourceFile, title, format, sections: builder.sections, warnings, blockLines: builder.blockLines };
}

/** For a file with no title line: the format whose markers dominate. */
function guessFormat(lines: string[]): SourceFormat {
  let wiki = 0;
  let markdown = 0;
  for (const line of lines) {
    const c = line.charCodeAt(0);
    if (c === 0x3d /* = */ && line.startsWith('==')) wiki++;
    else if (c === 0x23 /* # */ && /^#{1,6}\s/.test(line.slice(0, 8))) markdown++;
    else if (c >= 0x30 && c <= 0x39 && /^\d{1,4}\.\s/.test(line.slice(0, 6))) markdown++;
  }
  return markdown > wiki ? 'pdf-markdown' : 'wiki';
}

/** "albania_greece.txt" → "albania greece": the file name is all we have. */
export function titleFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '');
  return stem.replace(/_+/g, ' ').trim() || base || 'Untitled';
}
