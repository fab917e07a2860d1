// Structured documents, their extraction and warnings → one library file (SCHEMA_SQL): the one
// write step of both the bundled build (build.ts) and the user's library (libraryWriter.ts), so
// both files have the same layout and Library.open reads either. Written to a temp file, flushed
// and renamed over the old one: a reader sees the old file or the new one, never half of either.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DeskDocument, IngestWarning, LibraryInfo } from '../shared/types';
import { nameKey } from '../shared/text';
import { buildSearchIndex, buildVocabulary, type IndexablePassage } from '../search/buildIndex';
import { foldForMatch } from '../search/query';
import { passageId } from '../search/searcher';
import { findPartnerMentions, partnerById } from '../core/partners';
import { passagesOf } from '../core/passages';
import { INGEST_VERSION, SCHEMA_SQL, SCHEMA_VERSION } from '../core/schema';
import type { Extraction } from './extract';
import { writeEvents } from './eventsTable';
import { partnerKeyMap, sectionPartnersOf } from './sectionPartners';
import { encodeTextStream } from './encodeTextStream';
import { CandidatesWriter } from './candidatesTable';
import { writePartnerEvents } from './partnerEventsTable';

export interface LibraryContent {
  /** In library order, "See also" links already resolved. Emptied once written (see `written`). */
  documents: DeskDocument[];
  /** Partners and events of these documents (its events array is emptied once written). */
  extraction: Pick<Extraction, 'partners' | 'events'>;
  warnings: readonly IngestWarning[];
  corpusHash: string;
  builtAt: string;
  /** Path of a better-sqlite3 addon built for another runtime (Electron's main process). */
  nativeBinding?: string;
  /**
   * Called when the documents and events are in the file, before the index is built: the caller
   * lets go of what it holds (sources, parsed documents), as this function does of `documents`
   * and the events (issue 19: they were all alive at the build's peak).
   */
  written?: () => void;
  /** More tables and rows, written in the same transaction (the report is final by then). */
  more?: (db: Database.Database, report: LibraryFileReport) => void;
}

export interface LibraryFileReport {
  counts: LibraryInfo['counts'];
  /** Passages per document slug. */
  passagesPerDoc: Map<string, number>;
}

type TaggedPassage = IndexablePassage & { partnerIds: string[] };

/** The passages to index, each tagged with the partners it names (names and aliases, issue 13). */
export function indexablePassages(documents: readonly DeskDocument[], partnerNames: ReadonlyMap<string, string>): { passages: TaggedPassage[]; perDoc: Map<string, number> } {
  const passages: TaggedPassage[] = [];
  const perDoc = new Map<string, number>();
  for (const doc of documents) {
    let n = 0;
    for (const raw of passagesOf(doc)) {
      const partnerIds = findPartnerMentions(`${raw.sectionPath.join(' ')}\n${raw.text}`).filter((id) => partnerNames.has(id));
      passages.push({
        ...raw,
        id: passageId(doc.slug, n++),
        docTitle: doc.title,
        partners: partnerIds.map((id) => partnerNames.get(id)!),
        // Aliases too, so that "Kosova" finds every passage about Kosovo (issue 13).
        partnerNames: partnerIds.flatMap((id) => [partnerNames.get(id)!, ...(partnerById(id)?.aliases ?? [])]),
        partnerIds,
      });
    }
    perDoc.set(doc.slug, n);
  }
  return { passages, perDoc };
}

export function writeLibraryFile(content: LibraryContent, outFile: string): LibraryFileReport {
  const { documents, extraction } = content;
  const partnerNames = new Map(extraction.partners.map((p) => [p.id, p.name]));
  const { passages, perDoc } = indexablePassages(documents, partnerNames);
  const counts: LibraryInfo['counts'] = {
    documents: documents.length,
    sections: documents.reduce((n, d) => n + d.sections.length, 0),
    passages: passages.length,
    partners: extraction.partners.length,
    events: extraction.events.length,
    gaps: documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.blocks.reduce((k, b) => k + (b.type === 'table' && b.gaps ? b.gaps.missingCells : 0), 0), 0), 0),
  };

  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp, content.nativeBinding ? { nativeBinding: content.nativeBinding } : {});
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('page_size = 4096');
    db.exec(SCHEMA_SQL);
    db.transaction(() => {
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      setMeta.run('schema_version', String(SCHEMA_VERSION));
      setMeta.run('ingest_version', String(INGEST_VERSION));
      setMeta.run('corpus_hash', content.corpusHash);
      setMeta.run('built_at', content.builtAt);
      setMeta.run('counts', JSON.stringify(counts));

      const insDoc = db.prepare('INSERT INTO documents (slug, ord, title, kind, source_file, partners, sections, passages, body) VALUES (?,?,?,?,?,?,?,?,?)');
      const insSection = db.prepare('INSERT INTO sections (doc_slug, ord, anchor, heading, level, path, blocks) VALUES (?,?,?,?,?,?,?)');
      const insSectionPartner = db.prepare('INSERT OR IGNORE INTO section_partners (partner_id, doc_slug, anchor) VALUES (?,?,?)');
      const keys = partnerKeyMap(extraction.partners);
      const headings = new Map<string, string | null>();
      const candidates = new CandidatesWriter(db, new Set(partnerNames.keys()));
      let passageAt = 0;
      documents.forEach((d, i) => {
        insDoc.run(d.slug, i, d.title, d.kind, d.sourceFile, JSON.stringify(d.partners), d.sections.length, perDoc.get(d.slug) ?? 0, JSON.stringify({ ...d, sections: [] }));
        d.sections.forEach((s, j) => insSection.run(d.slug, j, s.anchor, s.heading, s.level, JSON.stringify(s.path), JSON.stringify(s.blocks)));
        const headed = sectionPartnersOf(d, keys, headings);
        for (const [partnerId, anchor] of headed) insSectionPartner.run(partnerId, d.slug, anchor);
        // Each partner's comparison candidates, filed and scored once here rather than per request (issue 19).
        candidates.add(d, headed, passages.slice(passageAt, (passageAt += perDoc.get(d.slug) ?? 0)));
      });

      const insPassage = db.prepare('INSERT INTO passages (id, doc_slug, ord, anchor, block_id, path, text) VALUES (?,?,?,?,?,?,?)');
      const insPassagePartner = db.prepare('INSERT OR IGNORE INTO passage_partners (passage_id, partner_id) VALUES (?, ?)');
      passages.forEach((p, i) => {
        insPassage.run(p.id, p.docSlug, i, p.anchor, p.blockId, JSON.stringify(p.sectionPath), p.text);
        for (const id of p.partnerIds) insPassagePartner.run(p.id, id);
      });

      const insPartner = db.prepare('INSERT INTO partners (id, name, kind, aliases, body) VALUES (?,?,?,?,?)');
      const insKey = db.prepare('INSERT OR IGNORE INTO partner_keys (key, partner_id) VALUES (?, ?)');
      for (const p of [...extraction.partners].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        insPartner.run(p.id, p.name, p.kind, JSON.stringify(p.aliases), JSON.stringify(p));
        for (const k of [p.id, p.name, ...p.aliases]) insKey.run(nameKey(k), p.id);
      }

      writeEvents(db, extraction.events, new Map(documents.map((d, i) => [d.slug, i])), new Map(extraction.partners.map((p) => [p.name, p.id])));

      const insWarning = db.prepare('INSERT INTO warnings (ord, file, line, code, message) VALUES (?,?,?,?,?)');
      content.warnings.forEach((w, i) => insWarning.run(i, w.file, w.line ?? null, w.code, w.message));

      // What is left needs only the passages.
      documents.length = 0;
      extraction.events.length = 0;
      content.written?.();
      writePartnerEvents(db);
      const serializedIndex = buildSearchIndex(passages);
      // Generators, not arrays: each passage's joined and folded text dies young.
      const vocabulary = buildVocabulary((function* () {
        for (const p of passages) yield `${p.docTitle}\n${p.sectionPath.join(' ')}\n${p.text}`;
      })());
      const folded = encodeTextStream((function* () {
        for (const p of passages) yield foldForMatch(p.text);
      })());
      db.prepare('INSERT INTO search_index (id, corpus_hash, lunr, vocabulary, folded, folded_ends) VALUES (1, ?, ?, ?, ?, ?)').run(
        content.corpusHash,
        serializedIndex.header,
        JSON.stringify(Object.fromEntries(vocabulary)),
        folded.bytes,
        folded.ends,
      );
      const insChunk = db.prepare('INSERT INTO search_postings (chunk, docs, weights) VALUES (?, ?, ?)');
      serializedIndex.chunks.forEach((c, k) => insChunk.run(k, c.docs, c.weights));
      content.more?.(db, { counts, passagesPerDoc: perDoc });
    })();
  } finally {
    db.close();
  }
  flush(tmp);
  renameSync(tmp, outFile);
  flushDir(dirname(outFile));
  return { counts, passagesPerDoc: perDoc };
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
