// The build's per-document work, as pure functions of one source file: parse and extract (the
// first pass), then parse again and make the document's rows once the library's titles and
// partners are known (the second pass). build.ts runs them in this thread or in worker threads
// (buildPool.ts); either way the main thread merges and writes the results in corpus order.
import { join } from 'node:path';
import type { DeskDocument, DocKind, IngestWarning, SeeAlsoItem } from '../shared/types';
import { nameKey } from '../shared/text';
import { extractDocument, type DocumentExtraction } from './extract';
import type { ParsedDocument } from './model';
import { parseDocument } from './parse';
import { readSourceFile } from './read';
import { documentRows, type DocumentRows, type RowsContext } from './documentRows';

/** First pass, step one: a source text parsed, or why it is skipped. */
export type ParsedSource = { ok: false; warnings: IngestWarning[] } | { ok: true; doc: ParsedDocument };

export function parseSource(text: string, file: string): ParsedSource {
  let doc: ParsedDocument;
  try {
    doc = parseDocument(text, file);
  } catch (err) {
    return { ok: false, warnings: [{ file, code: 'parse-failed', message: `Could not be parsed and was skipped: ${(err as Error).message}` }] };
  }
  if (doc.sections.every((s) => s.blocks.length === 0)) {
    return { ok: false, warnings: [...doc.warnings, { file, code: 'no-content', message: 'No readable content; skipped.' }] };
  }
  return { ok: true, doc };
}

export interface ExtractedSource {
  warnings: IngestWarning[];
  extraction: DocumentExtraction;
  tablesWithGaps: number;
  recoveredNames: number;
}

/** First pass, step two, once the document's slug is known (it depends on the titles before it). */
export function extractParsed(doc: ParsedDocument, slug: string): ExtractedSource {
  const blocks = doc.sections.flatMap((s) => s.blocks);
  return {
    warnings: doc.warnings,
    extraction: extractDocument({ slug, title: doc.title, doc }),
    tablesWithGaps: blocks.filter((b) => b.type === 'table' && b.gaps).length,
    recoveredNames: blocks.reduce((n, b) => n + (b.type === 'table' ? b.rows.reduce((m, r) => m + r.cells.filter((c) => c.recovered).length, 0) : 0), 0),
  };
}

/** What the first pass decided about a document. */
export interface DocumentPlan {
  file: string;
  slug: string;
  title: string;
  kind: DocKind;
  partners: string[];
}

/** What the second pass needs of the whole library. */
export interface LibraryLinks extends RowsContext {
  /** nameKey(title) → slug, for "See also" links. */
  titleToSlug: ReadonlyMap<string, string>;
}

/** Second pass: the document read and parsed again → its rows. */
export function rowsOfFile(corpusDir: string, plan: DocumentPlan, links: LibraryLinks, headingCache?: Map<string, string | null>): DocumentRows {
  const source = readSourceFile(join(corpusDir, plan.file), corpusDir);
  const doc = source.text === null ? null : parseDocument(source.text, source.file);
  if (!doc || doc.title !== plan.title) throw new Error(`${plan.file} changed during the build; build again.`);
  const document: DeskDocument = {
    slug: plan.slug,
    title: plan.title,
    kind: plan.kind,
    sourceFile: doc.sourceFile,
    partners: plan.partners,
    sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.type === 'seeAlso' ? { ...b, items: b.items.map((i) => linkSeeAlso(i, links.titleToSlug)) } : b)) })),
  };
  return documentRows(document, links, headingCache);
}

function linkSeeAlso(item: SeeAlsoItem, titleToSlug: ReadonlyMap<string, string>): SeeAlsoItem {
  return { title: item.title, slug: titleToSlug.get(nameKey(item.title)) ?? null };
}
