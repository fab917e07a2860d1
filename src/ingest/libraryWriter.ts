// Parsed documents → one library file in the bundled library's layout (SCHEMA_SQL), written to a
// temp file, flushed and renamed over the old one: a reader sees the old file or the new one,
// never half of either, whenever the process dies. The user library (userLibrary.ts) is written
// with it; the steps are build.ts's (extract, passages, index, events), over the given documents
// only.
//
// build.ts keeps its own copy of the write for now (issue 19 is restructuring it for a streaming
// build); once that lands, the two can share this module.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DeskDocument, IngestWarning, Partner, SeeAlsoItem } from '../shared/types';
import { nameKey } from '../shared/text';
import { buildSearchIndex, buildVocabulary, type IndexablePassage } from '../search/buildIndex';
import { encodeTexts } from '../search/textBuffer';
import { foldForMatch } from '../search/query';
import { passageId } from '../search/searcher';
import { findPartnerMentions } from '../core/partners';
import { passagesOf } from '../core/passages';
import { INGEST_VERSION, SCHEMA_SQL, SCHEMA_VERSION } from '../core/schema';
import { extractAll, preferredDate, type Extraction } from './extract';
import { mergePartner } from '../core/mergePartners';
import { writeEvents } from './eventsTable';
import type { ParsedDocument } from './model';

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
  more?: (db: Database.Database, written: ReadonlyMap<string, WrittenDocument>) => void;
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

export function writeLibraryFile(inputs: readonly WriterInput[], outFile: string, options: WriteOptions): WrittenDocument[] {
  // Each document is extracted on its own (or its earlier extraction reused) and the results
  // merged: the same as extracting them together (facts and events are read per document), but a
  // rewrite after one document was added redoes that document only.
  const own = inputs.map((i) => i.extraction ?? extractAll([{ slug: i.slug, title: i.doc.title, doc: i.doc }]));
  const extraction = mergeExtractions(own);
  const meta = new Map(extraction.documents.map((d) => [d.slug, d]));
  const partnerNames = new Map(extraction.partners.map((p) => [p.id, p.name]));
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

  const passages: (IndexablePassage & { partnerIds: string[] })[] = [];
  const perDoc = new Map<string, number>();
  for (const doc of documents) {
    let n = 0;
    for (const raw of passagesOf(doc)) {
      const partnerIds = findPartnerMentions(`${raw.sectionPath.join(' ')}\n${raw.text}`).filter((id) => partnerNames.has(id));
      const names = partnerIds.map((id) => partnerNames.get(id)!);
      passages.push({ ...raw, id: passageId(doc.slug, n++), docTitle: doc.title, partners: names, partnerNames: names, partnerIds });
    }
    perDoc.set(doc.slug, n);
  }
  const index = buildSearchIndex(passages);
  const vocabulary = buildVocabulary(passages.map((p) => `${p.docTitle}\n${p.sectionPath.join(' ')}\n${p.text}`));
  const warnings = [...inputs.flatMap((i) => i.doc.warnings), ...extraction.warnings];
  const gaps = documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.blocks.reduce((k, b) => k + (b.type === 'table' && b.gaps ? b.gaps.missingCells : 0), 0), 0), 0);
  const counts = {
    documents: documents.length,
    sections: documents.reduce((n, d) => n + d.sections.length, 0),
    passages: passages.length,
    partners: extraction.partners.length,
    events: extraction.events.length,
    gaps,
  };

  const eventsPerDoc = new Map<string, number>();
  for (const e of extraction.events) eventsPerDoc.set(e.docSlug, (eventsPerDoc.get(e.docSlug) ?? 0) + 1);
  const results = new Map<string, WrittenDocument>(
    documents.map((d) => [
      d.slug,
      { slug: d.slug, extraction: own[documents.indexOf(d)]!, passages: perDoc.get(d.slug) ?? 0, events: eventsPerDoc.get(d.slug) ?? 0, partners: d.partners, warnings: extraction.warnings.filter((w) => w.file === d.sourceFile) },
    ]),
  );

  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = DELETE');
    db.exec(SCHEMA_SQL);
    db.transaction(() => {
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [k, v] of [
        ['schema_version', String(SCHEMA_VERSION)],
        ['ingest_version', String(INGEST_VERSION)],
        ['corpus_hash', options.hash],
        ['built_at', options.builtAt],
        ['counts', JSON.stringify(counts)],
      ]) setMeta.run(k, v);
      const insDoc = db.prepare('INSERT INTO documents (slug, ord, title, kind, source_file, partners, sections, passages, body) VALUES (?,?,?,?,?,?,?,?,?)');
      const insSection = db.prepare('INSERT INTO sections (doc_slug, ord, anchor, heading, level, path) VALUES (?,?,?,?,?,?)');
      documents.forEach((d, i) => {
        insDoc.run(d.slug, i, d.title, d.kind, d.sourceFile, JSON.stringify(d.partners), d.sections.length, perDoc.get(d.slug) ?? 0, JSON.stringify(d));
        d.sections.forEach((s, j) => insSection.run(d.slug, j, s.anchor, s.heading, s.level, JSON.stringify(s.path)));
      });
      const insPassage = db.prepare('INSERT INTO passages (id, doc_slug, ord, anchor, block_id, path, text) VALUES (?,?,?,?,?,?,?)');
      const insPassagePartner = db.prepare('INSERT OR IGNORE INTO passage_partners (passage_id, partner_id) VALUES (?, ?)');
      passages.forEach((p, i) => {
        insPassage.run(p.id, p.docSlug, i, p.anchor, p.blockId, JSON.stringify(p.sectionPath), p.text);
        for (const id of p.partnerIds) insPassagePartner.run(p.id, id);
      });
      const insPartner = db.prepare('INSERT INTO partners (id, name, kind, aliases, body) VALUES (?,?,?,?,?)');
      const insKey = db.prepare('INSERT OR IGNORE INTO partner_keys (key, partner_id) VALUES (?, ?)');
      for (const p of extraction.partners) {
        insPartner.run(p.id, p.name, p.kind, JSON.stringify(p.aliases), JSON.stringify(p));
        for (const k of [p.id, p.name, ...p.aliases]) insKey.run(nameKey(k), p.id);
      }
      writeEvents(db, extraction.events, new Map(documents.map((d, i) => [d.slug, i])), new Map(extraction.partners.map((p) => [p.name, p.id])));
      const insWarning = db.prepare('INSERT INTO warnings (ord, file, line, code, message) VALUES (?,?,?,?,?)');
      warnings.forEach((w, i) => insWarning.run(i, w.file, w.line ?? null, w.code, w.message));
      const folded = encodeTexts(passages.map((p) => foldForMatch(p.text)));
      db.prepare('INSERT INTO search_index (id, corpus_hash, lunr, vocabulary, folded, folded_ends) VALUES (1, ?, ?, ?, ?, ?)').run(
        options.hash,
        index.header,
        JSON.stringify(Object.fromEntries(vocabulary)),
        folded.bytes,
        folded.ends,
      );
      const insChunk = db.prepare('INSERT INTO search_postings (chunk, docs, weights) VALUES (?, ?, ?)');
      index.chunks.forEach((c, k) => insChunk.run(k, c.docs, c.weights));
      options.more?.(db, results);
    })();
  } finally {
    db.close();
  }
  flush(tmp);
  renameSync(tmp, outFile);
  flushDir(dirname(outFile));

  return [...results.values()];
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
    partners: [...partners.values()].map((p) => ({ ...p, established: preferredDate(p.establishedSources) })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function link(item: SeeAlsoItem, titles: ReadonlyMap<string, string>): SeeAlsoItem {
  return { title: item.title, slug: titles.get(nameKey(item.title)) ?? null };
}

/** The file's bytes on disk before the rename makes it the library (power loss, not just kill -9). */
function flush(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function flushDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  }
}
