// Parsed documents → the user's library file (userLibrary.ts): each document extracted on its own
// (or its earlier extraction reused) and the results merged, then written by the same step as the
// bundled library (writeLibrary.ts), so Library.open reads both.
import type { DeskDocument, IngestWarning, Partner, SeeAlsoItem } from '../shared/types';
import { nameKey } from '../shared/text';
import { extractAll, preferredDate, relationStepsOf, type Extraction } from './extract';
import { mergePartner } from '../core/mergePartners';
import type { ParsedDocument } from './model';
import { writeLibraryFile, type LibraryContent } from './writeLibrary';

export interface WriterInput {
  slug: string;
  doc: ParsedDocument;
  /** This document's extraction alone (extractAll([it])), kept from an earlier write: not redone. */
  extraction?: Extraction;
  /** Extra fields stored in the document's body (e.g. `added`: where it came from). */
  extra?: Record<string, unknown>;
}

export interface WriteOptions {
  builtAt: string;
  /** Stamped on the data and the index, as the corpus hash is on the bundled library. */
  hash: string;
  /** nameKey(title) → slug of documents elsewhere (the bundled library), for "See also" links. */
  otherTitles?: ReadonlyMap<string, string>;
  /** Path of a better-sqlite3 addon built for another runtime (Electron's main process). */
  nativeBinding?: string;
  /** More tables and rows, written in the same transaction. */
  more?: (db: Parameters<NonNullable<LibraryContent['more']>>[0], written: ReadonlyMap<string, WrittenDocument>) => void;
}

export interface WrittenDocument {
  slug: string;
  /** The document's own extraction, for the next write to reuse. */
  extraction: Extraction;
  passages: number;
  events: number;
  partners: string[];
  warnings: IngestWarning[];
}

export function writeParsedLibrary(inputs: readonly WriterInput[], outFile: string, options: WriteOptions): WrittenDocument[] {
  // Each document is extracted on its own (or its earlier extraction reused) and the results
  // merged: the same as extracting them together (facts and events are read per document), but a
  // rewrite after one document was added redoes that document only.
  const own = inputs.map((i) => i.extraction ?? extractAll([{ slug: i.slug, title: i.doc.title, doc: i.doc }]));
  const extraction = mergeExtractions(own);
  const meta = new Map(extraction.documents.map((d) => [d.slug, d]));
  const titles = new Map(options.otherTitles ?? []);
  for (const i of inputs) titles.set(nameKey(i.doc.title), i.slug);

  const documents: DeskDocument[] = inputs.map(({ slug, doc, extra }) => ({
    slug,
    title: doc.title,
    kind: meta.get(slug)?.kind ?? 'overview',
    sourceFile: doc.sourceFile,
    partners: meta.get(slug)?.partners ?? [],
    sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.type === 'seeAlso' ? { ...b, items: b.items.map((i) => link(i, titles)) } : b)) })),
    ...extra,
  }));

  const eventsPerDoc = new Map<string, number>();
  for (const e of extraction.events) eventsPerDoc.set(e.docSlug, (eventsPerDoc.get(e.docSlug) ?? 0) + 1);
  const warnings = [...inputs.flatMap((i) => i.doc.warnings), ...extraction.warnings];
  const written = new Map<string, WrittenDocument>(
    documents.map((d, i) => [
      d.slug,
      { slug: d.slug, extraction: own[i]!, passages: 0, events: eventsPerDoc.get(d.slug) ?? 0, partners: d.partners, warnings: extraction.warnings.filter((w) => w.file === d.sourceFile) },
    ]),
  );
  writeLibraryFile(
    {
      documents,
      extraction,
      warnings,
      corpusHash: options.hash,
      builtAt: options.builtAt,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      more: (db, report) => {
        for (const w of written.values()) w.passages = report.passagesPerDoc.get(w.slug) ?? 0;
        options.more?.(db, written);
      },
    },
    outFile,
  );
  return [...written.values()];
}

/** Extractions of single documents → the extraction of all of them (extractAll's result). */
export function mergeExtractions(parts: readonly Extraction[]): Extraction {
  const partners = new Map<string, Partner>();
  for (const part of parts) {
    for (const p of part.partners) {
      const seen = partners.get(p.id);
      partners.set(p.id, seen ? mergePartner(seen, p) : p);
    }
  }
  return {
    documents: parts.flatMap((p) => p.documents),
    events: parts.flatMap((p) => p.events),
    warnings: parts.flatMap((p) => p.warnings),
    partners: [...partners.values()]
      .map(({ relationSteps: _steps, ...p }) => ({ ...p, established: preferredDate(p.establishedSources), ...relationStepsOf(p) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function link(item: SeeAlsoItem, titles: ReadonlyMap<string, string>): SeeAlsoItem {
  return { title: item.title, slug: titles.get(nameKey(item.title)) ?? null };
}
