// Structured documents, their extraction and warnings → one library file (SCHEMA_SQL): the one
// write step of both the bundled build (build.ts) and the user's library (libraryWriter.ts), so
// both files have the same layout and Library.open reads either. Written to a temp file, flushed
// and renamed over the old one: a reader sees the old file or the new one, never half of either.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DeskDocument, IngestWarning, LibraryInfo, Partner, TimelineEvent } from '../shared/types';
import { nameKey } from '../shared/text';
import { VocabularyBuilder, type IndexablePassage } from '../search/buildIndex';
import { LunrWeightsBuilder } from '../search/lunrWeights';
import { encodeScorerData } from '../search/scorer';
import { INGEST_VERSION, SCHEMA_SQL, SCHEMA_VERSION } from '../core/schema';
import type { Extraction } from './extract';
import { eventDateKey, sortedEvents, writeSortedEvents } from './eventsTable';
import { partnerKeyMap } from './sectionPartners';
import { FoldedWordsEncoder } from '../search/foldedWordsEncoder';
import { trace } from './streamedBuild';
import { documentRows, passageRows, type DocumentRows, type RowsContext } from './documentRows';
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
    const rows = passageRows(doc, partnerNames);
    for (const p of rows) {
      passages.push({ id: p.id, docSlug: doc.slug, docTitle: doc.title, anchor: p.anchor, blockId: p.blockId, sectionPath: p.sectionPath, text: p.text, partners: p.partnerIds.map((id) => partnerNames.get(id)!), partnerNames: p.partnerNames, partnerIds: p.partnerIds });
    }
    perDoc.set(doc.slug, rows.length);
  }
  return { passages, perDoc };
}

/** Documents in memory → a library file (the user's library; the bundled build streams, build.ts). */
export function writeLibraryFile(content: LibraryContent, outFile: string): LibraryFileReport {
  const { documents, extraction } = content;
  const context: RowsContext = { partnerNames: new Map(extraction.partners.map((p) => [p.id, p.name])), partnerKeys: partnerKeyMap(extraction.partners) };
  const writer = new LibraryFileWriter(outFile, content.nativeBinding ? { nativeBinding: content.nativeBinding } : {});
  try {
    const headings = new Map<string, string | null>();
    for (const d of documents) writer.addDocument(documentRows(d, context, headings));
    const docOrder = new Map(documents.map((d, i) => [d.slug, i]));
    return writer.finish({
      partners: extraction.partners,
      events: sortedEvents(extraction.events, docOrder),
      eventCount: extraction.events.length,
      warnings: content.warnings,
      corpusHash: content.corpusHash,
      builtAt: content.builtAt,
      ...(content.more ? { more: content.more } : {}),
    });
  } catch (err) {
    writer.abort();
    throw err;
  }
}

export interface LibraryEnd {
  /** extraction.partners: every partner of the library. */
  partners: readonly Partner[];
  /** In eventSortKey order. */
  events: Iterable<TimelineEvent>;
  eventCount: number;
  warnings: readonly IngestWarning[];
  corpusHash: string;
  builtAt: string;
  more?: (db: Database.Database, report: LibraryFileReport) => void;
}

/**
 * The library file written as the documents come (issue 19: the build holds no document once it
 * is written). Each document's rows go in at once; its passages wait in a stage (a scratch SQLite
 * file beside the output, or memory) because the file stores every document before any passage,
 * and feed the search index's columns as they come. The rows and the order of the statements are
 * those of the one-shot write, so the file is byte-identical to it.
 */
export class LibraryFileWriter {
  private readonly tmp: string;
  private readonly db: Database.Database;
  private readonly stage: Database.Database;
  private readonly stageFile: string | null;
  private readonly insDoc: Database.Statement;
  private readonly insSection: Database.Statement;
  private readonly insSectionPartner: Database.Statement;
  private readonly stagePassage: Database.Statement;
  private readonly stageEventRow: Database.Statement;
  private readonly candidates: CandidatesWriter;
  private readonly weights = new LunrWeightsBuilder();
  private readonly vocabulary = new VocabularyBuilder();
  private readonly folded = new FoldedWordsEncoder();
  private readonly passagesPerDoc = new Map<string, number>();
  private documents = 0;
  private sections = 0;
  private passages = 0;
  private gaps = 0;

  constructor(
    private readonly outFile: string,
    options: { nativeBinding?: string; /** Stage passages and events in a file, not in memory (large libraries). */ stageOnDisk?: boolean } = {},
  ) {
    mkdirSync(dirname(outFile), { recursive: true });
    this.tmp = `${outFile}.tmp-${process.pid}`;
    this.stageFile = options.stageOnDisk ? `${outFile}.stage-${process.pid}` : null;
    rmSync(this.tmp, { force: true });
    if (this.stageFile) rmSync(this.stageFile, { force: true });
    const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    this.db = new Database(this.tmp, binding);
    this.stage = new Database(this.stageFile ?? ':memory:', binding);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('page_size = 4096');
    this.db.exec(SCHEMA_SQL);
    this.db.exec('BEGIN');
    this.stage.pragma('journal_mode = OFF');
    this.stage.pragma('synchronous = OFF');
    this.stage.exec(`CREATE TABLE passages (id TEXT, doc_slug TEXT, anchor TEXT, block_id TEXT, path TEXT, text TEXT, partner_ids TEXT);
      CREATE TABLE events (i INTEGER PRIMARY KEY, date TEXT, event TEXT);`);
    this.stage.exec('BEGIN');
    this.insDoc = this.db.prepare('INSERT INTO documents (slug, ord, title, kind, source_file, partners, sections, passages, body) VALUES (?,?,?,?,?,?,?,?,?)');
    this.insSection = this.db.prepare('INSERT INTO sections (doc_slug, ord, anchor, heading, level, path, blocks) VALUES (?,?,?,?,?,?,?)');
    this.insSectionPartner = this.db.prepare('INSERT OR IGNORE INTO section_partners (partner_id, doc_slug, anchor) VALUES (?,?,?)');
    this.stagePassage = this.stage.prepare('INSERT INTO passages VALUES (?,?,?,?,?,?,?)');
    this.stageEventRow = this.stage.prepare('INSERT INTO events VALUES (?,?,?)');
    this.candidates = new CandidatesWriter(this.db);
  }

  /** The next document (library order): its rows written, its passages staged and indexed. */
  addDocument(rows: DocumentRows): void {
    this.insDoc.run(rows.slug, this.documents++, rows.title, rows.kind, rows.sourceFile, rows.partners, rows.sections.length, rows.passages.length, rows.body);
    rows.sections.forEach(([anchor, heading, level, path, blocks], j) => this.insSection.run(rows.slug, j, anchor, heading, level, path, blocks));
    for (const [partnerId, anchor] of rows.sectionPartners) this.insSectionPartner.run(partnerId, rows.slug, anchor);
    // Each partner's comparison candidates, filed and scored once per document (issue 19), in the worker.
    this.candidates.write(rows.slug, rows.candidates);
    for (const p of rows.passages) {
      this.stagePassage.run(p.id, rows.slug, p.anchor, p.blockId, JSON.stringify(p.sectionPath), p.text, p.partnerIds.join('\n'));
      const section = p.sectionPath.join(' ');
      this.weights.add(p.id, { text: p.text, section, title: rows.title, partners: p.partnerNames.join(' ') });
      // Title and section apart: the vocabulary splits each once for the passages that repeat them.
      this.vocabulary.add(rows.title);
      this.vocabulary.add(section);
      this.vocabulary.add(p.text);
      this.folded.add(p.folded);
    }
    this.passagesPerDoc.set(rows.slug, rows.passages.length);
    this.sections += rows.sections.length;
    this.passages += rows.passages.length;
    this.gaps += rows.gaps;
  }

  /**
   * An event kept until the end; `i` counts the library's events in document order, so
   * `stagedEvents` (by date, then `i`) gives them back in eventSortKey order.
   */
  stageEvent(event: TimelineEvent, i: number): void {
    this.stageEventRow.run(i, eventDateKey(event), JSON.stringify(event));
  }

  *stagedEvents(): Generator<TimelineEvent> {
    for (const row of this.stage.prepare('SELECT event FROM events ORDER BY date, i').pluck().iterate()) yield JSON.parse(row as string) as TimelineEvent;
  }

  /** Everything after the documents, then the file committed, flushed and renamed over `outFile`. */
  finish(end: LibraryEnd): LibraryFileReport {
    const { db } = this;
    const counts: LibraryInfo['counts'] = {
      documents: this.documents,
      sections: this.sections,
      passages: this.passages,
      partners: end.partners.length,
      events: end.eventCount,
      gaps: this.gaps,
    };
    try {
      // The vocabulary's maps are let go before the passages and events are read back.
      const vocabulary = JSON.stringify(Object.fromEntries(this.vocabulary.finish()));
      // meta fits in its root page: written last, its page is the same as written first.
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      setMeta.run('schema_version', String(SCHEMA_VERSION));
      setMeta.run('ingest_version', String(INGEST_VERSION));
      setMeta.run('corpus_hash', end.corpusHash);
      setMeta.run('built_at', end.builtAt);
      setMeta.run('counts', JSON.stringify(counts));

      const insPassage = db.prepare('INSERT INTO passages (id, doc_slug, ord, anchor, block_id, path, text) VALUES (?,?,?,?,?,?,?)');
      const insPassagePartner = db.prepare('INSERT OR IGNORE INTO passage_partners (passage_id, partner_id) VALUES (?, ?)');
      let i = 0;
      for (const p of this.stage.prepare('SELECT * FROM passages ORDER BY rowid').raw().iterate() as IterableIterator<[string, string, string, string, string, string, string]>) {
        const [id, docSlug, anchor, blockId, path, text, partnerIds] = p;
        insPassage.run(id, docSlug, i++, anchor, blockId, path, text);
        if (partnerIds !== '') for (const partnerId of partnerIds.split('\n')) insPassagePartner.run(id, partnerId);
      }

      trace('passages copied');
      const insPartner = db.prepare('INSERT INTO partners (id, name, kind, aliases, body) VALUES (?,?,?,?,?)');
      const insKey = db.prepare('INSERT OR IGNORE INTO partner_keys (key, partner_id) VALUES (?, ?)');
      for (const p of [...end.partners].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        insPartner.run(p.id, p.name, p.kind, JSON.stringify(p.aliases), JSON.stringify(p));
        for (const k of [p.id, p.name, ...p.aliases]) insKey.run(nameKey(k), p.id);
      }

      writeSortedEvents(db, end.events, new Map(end.partners.map((p) => [p.name, p.id])));

      trace('events written');
      const insWarning = db.prepare('INSERT INTO warnings (ord, file, line, code, message) VALUES (?,?,?,?,?)');
      end.warnings.forEach((w, k) => insWarning.run(k, w.file, w.line ?? null, w.code, w.message));
      // Read back from the events and documents just written, so it follows their order (events.ord).
      writePartnerEvents(db);
      trace('partner events ranked');

      const w = this.weights.finish();
      trace('weights inverted');
      const serializedIndex = encodeScorerData(w);
      trace('index encoded');
      const folded = this.folded.finish();
      db.prepare('INSERT INTO search_index (id, corpus_hash, lunr, vocabulary, folded, folded_ends) VALUES (1, ?, ?, ?, ?, ?)').run(
        end.corpusHash,
        serializedIndex.header,
        vocabulary,
        folded.bytes,
        folded.ends,
      );
      trace('search_index row');
      const insChunk = db.prepare('INSERT INTO search_postings (chunk, docs, weights) VALUES (?, ?, ?)');
      serializedIndex.chunks.forEach((c, k) => insChunk.run(k, c.docs, c.weights));
      const report = { counts, passagesPerDoc: this.passagesPerDoc };
      end.more?.(db, report);
      trace('chunks');
      db.exec('COMMIT');
      db.close();
      this.closeStage();
      flush(this.tmp);
      renameSync(this.tmp, this.outFile);
      flushDir(dirname(this.outFile));
      return report;
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Gives up: nothing is left behind, the old file stays. */
  abort(): void {
    if (this.db.open) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.close();
    }
    this.closeStage();
    rmSync(this.tmp, { force: true });
  }

  private closeStage(): void {
    if (this.stage.open) this.stage.close();
    if (this.stageFile) rmSync(this.stageFile, { force: true });
  }
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
