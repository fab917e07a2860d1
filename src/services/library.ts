// The bundled library, opened read-only. Every read the app makes goes through this class; it
// checks on open that the file is a Relations Desk database of this schema and that its search
// index was built from the same corpus as its data.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DeskError, type DocumentPart, type SectionHead, type TimelinePage, type TimelineParams } from '../shared/api';
import { REBUILD_HINT } from '../shared/storageErrors';
import type { DocumentOrigin } from '../shared/userDocuments';
import type {
  DeskDocument,
  DocumentSummary,
  LibraryInfo,
  Partner,
  PartnerSummary,
  Passage,
  SearchResponse,
  Section,
  TimelineEvent,
  TimelineMarks,
  TimelineMatch,
} from '../shared/types';
import { nameKey } from '../shared/text';
import { INGEST_VERSION, SCHEMA_VERSION } from '../core/schema';
import type { CandidateFacet, CandidateHit } from '../core/candidates';
import type { RankedEvent } from '../core/eventRanks';
import { FoldedWords } from '../search/foldedWords';
import { CorruptIndexError } from '../search/scorer';
import { Searcher, type Federation, type PassageSource } from '../search/searcher';
import { LibraryTimeline } from './libraryTimeline';
import { LibraryCandidates } from './libraryCandidates';
import { libraryPassages } from './libraryPassages';
import { parseStored } from './storedJson';
import { rankNames } from '../core/nameSuggestions';

export { REBUILD_HINT };

/** SQLite's page cache per open library (PRAGMA cache_size, in KiB). */
export const PAGE_CACHE_KIB = 2048;

export interface OpenOptions {
  /** Path of a better-sqlite3 addon built for another runtime (Electron). */
  nativeBinding?: string;
}

export class Library {
  private searcher: Searcher | null = null;
  private readonly partnerPassages = new Map<string, Set<string>>();
  /** nameKey → partner id (null: none); a comparison asks for every heading it reads (issue 19). */
  private readonly partnerIds = new Map<string, string | null>();
  private folded: FoldedWords | undefined;
  /** The agreement documents and whom each is about (agreementsAbout), read on first use. */
  private agreements: { slug: string; title: string; about: string | undefined }[] | undefined;
  private readonly events: LibraryTimeline;
  private readonly candidates: LibraryCandidates;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly corpusHash: string,
  ) {
    this.candidates = new LibraryCandidates(db);
    this.events = new LibraryTimeline(db, { corpusHash, requirePartnerId: (n) => this.requirePartnerId(n), requireDocument: (slug) => this.getDocumentExists(slug) });
  }

  static open(path: string, options: OpenOptions = {}): Library {
    if (!existsSync(path)) {
      throw new DeskError('DB_MISSING', `The library database is missing (${path}).`, REBUILD_HINT);
    }
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    } catch (err) {
      throw new DeskError('DB_CORRUPT', `The library database cannot be opened (${path}): ${(err as Error).message}`, REBUILD_HINT);
    }
    try {
      // 2 MB of SQLite page cache, not better-sqlite3's 16 MB: the file is read-only and in the OS's
      // cache, and SQLite's own cache mostly held the pages of the index blobs it had just copied
      // out (issue 19: serving memory, −12 MB at 5,000 documents, search time unchanged).
      db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      const meta = readMeta(db);
      const schema = Number(meta.get('schema_version'));
      const ingest = Number(meta.get('ingest_version'));
      if (schema !== SCHEMA_VERSION || ingest !== INGEST_VERSION) {
        throw new DeskError(
          'DB_STALE',
          `The library database was built by another version of Relations Desk (schema ${schema}, ingest ${ingest}; this version needs schema ${SCHEMA_VERSION}, ingest ${INGEST_VERSION}).`,
          REBUILD_HINT,
        );
      }
      const corpusHash = meta.get('corpus_hash') ?? '';
      const indexRow = db.prepare('SELECT corpus_hash FROM search_index WHERE id = 1').get() as { corpus_hash: string } | undefined;
      if (!indexRow || indexRow.corpus_hash !== corpusHash) {
        throw new DeskError('DB_CORRUPT', 'The search index in the library database does not match its documents.', REBUILD_HINT);
      }
      return new Library(db, path, corpusHash);
    } catch (err) {
      db.close();
      if (err instanceof DeskError) throw err;
      throw new DeskError('DB_CORRUPT', `The file is not a readable Relations Desk library (${path}): ${(err as Error).message}`, REBUILD_HINT);
    }
  }

  close(): void {
    this.db.close();
  }

  /**
   * SQLite's page-level check (PRAGMA quick_check): null when every page reads, else what is wrong.
   * Reads the whole file: about 1 ms for the real corpus, 1.2–1.8 s for 5,000 documents (447 MB).
   */
  quickCheck(): string | null {
    try {
      const rows = this.db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
      return rows.length === 1 && rows[0]!.quick_check === 'ok' ? null : rows.map((r) => r.quick_check).join('; ');
    } catch (err) {
      return (err as Error).message;
    }
  }

  info(): LibraryInfo {
    const meta = readMeta(this.db);
    return {
      schemaVersion: Number(meta.get('schema_version')),
      corpusHash: this.corpusHash,
      builtAt: meta.get('built_at') ?? '',
      counts: parseStored<LibraryInfo['counts']>(meta.get('counts') ?? '{}', 'library counts'),
    };
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.db.prepare('SELECT slug, title, kind, partners, sections, passages FROM documents ORDER BY ord').all() as {
      slug: string;
      title: string;
      kind: DocumentSummary['kind'];
      partners: string;
      sections: number;
      passages: number;
    }[];
    return rows.map((r) => ({ ...r, partners: parseStored<string[]>(r.partners, `partners of document "${r.slug}"`) }));
  }

  /** The agreements and declarations about a partner (the first of their partners), in library order: the comparison reads these, not every document (issue 19). */
  agreementsAbout(partnerId: string): { slug: string; title: string }[] {
    // Read once (a scan of the documents): a comparison asks for each of its partners.
    this.agreements ??= (this.db.prepare("SELECT slug, title, partners FROM documents WHERE kind = 'agreement' ORDER BY ord").all() as { slug: string; title: string; partners: string }[]).map(
      ({ slug, title, partners }) => ({ slug, title, about: parseStored<string[]>(partners, `partners of document "${slug}"`)[0] }),
    );
    return this.agreements.filter((d) => d.about === partnerId).map(({ slug, title }) => ({ slug, title }));
  }

  getDocument(slug: string): DeskDocument {
    return { ...this.documentHead(slug), sections: this.sectionRows(slug, 0, -1) };
  }

  /** Where each document a user added came from, by slug (none in the bundled library): read without parsing documents. */
  addedDocuments(): Map<string, DocumentOrigin> {
    const rows = this.db.prepare("SELECT slug, json_extract(body, '$.added') AS added FROM documents WHERE json_extract(body, '$.added') IS NOT NULL ORDER BY ord").all() as { slug: string; added: string }[];
    return new Map(rows.map((r) => [r.slug, parseStored<DocumentOrigin>(r.added, `origin of document "${r.slug}"`)]));
  }

  /**
   * A part of a document: `count` sections from `from`, or the part (aligned to `count`) that
   * holds `anchor`; with how many sections the document has. A 100,001-section document is 28 MB
   * of JSON: the reader asks for what is on screen instead.
   */
  getDocumentPart(slug: string, opts: { from?: number; anchor?: string; count: number }): DocumentPart {
    const head = this.documentHead(slug);
    const sectionCount = (this.db.prepare('SELECT count(*) AS n FROM sections WHERE doc_slug = ?').get(slug) as { n: number }).n;
    let from = opts.from ?? 0;
    if (opts.anchor !== undefined) {
      const at = this.db.prepare('SELECT ord FROM sections WHERE doc_slug = ? AND anchor = ?').get(slug, opts.anchor) as { ord: number } | undefined;
      if (!at) throw new DeskError('NOT_FOUND', `No section "${opts.anchor}" in "${head.title}".`);
      from = Math.floor(at.ord / opts.count) * opts.count;
    }
    return { document: { ...head, sections: this.sectionRows(slug, from, opts.count) }, from, sectionCount };
  }

  /** Every section's anchor, heading and level, in order, without their text (a long document's contents). */
  documentOutline(slug: string): SectionHead[] {
    this.documentHead(slug);
    const rows = this.db.prepare('SELECT anchor, heading, level FROM sections WHERE doc_slug = ? ORDER BY ord').raw(true).all(slug) as [string, string, number][];
    return rows.map(([anchor, heading, level]) => ({ anchor, heading, level }));
  }

  private documentHead(slug: string): Omit<DeskDocument, 'sections'> {
    const row = this.db.prepare('SELECT body FROM documents WHERE slug = ?').get(slug) as { body: string } | undefined;
    if (!row) throw new DeskError('NOT_FOUND', `No document "${slug}" in this library.`);
    const { sections: _sections, ...head } = parseStored<DeskDocument>(row.body, `document "${slug}"`);
    return head;
  }

  /** Sections [from, from + count) of a document (count -1: to the end), blocks included. */
  private sectionRows(slug: string, from: number, count: number): Section[] {
    const rows = this.db
      .prepare('SELECT anchor, heading, level, path, blocks FROM sections WHERE doc_slug = ? AND ord >= ? ORDER BY ord LIMIT ?')
      .all(slug, from, count) as { anchor: string; heading: string; level: number; path: string; blocks: string }[];
    return rows.map((r) => ({
      anchor: r.anchor,
      heading: r.heading,
      level: r.level,
      path: parseStored<string[]>(r.path, `section "${r.anchor}" of "${slug}"`),
      blocks: parseStored<Section['blocks']>(r.blocks, `section "${r.anchor}" of "${slug}"`),
    }));
  }

  /** A section of a document, from the sections table (no document body parsed); null when either is not there. */
  findSection(slug: string, anchor: string): { docTitle: string; level: number; path: string[] } | null {
    const row = this.db
      .prepare('SELECT d.title, s.level, s.path FROM sections s JOIN documents d ON d.slug = s.doc_slug WHERE s.doc_slug = ? AND s.anchor = ?')
      .get(slug, anchor) as { title: string; level: number; path: string } | undefined;
    return row ? { docTitle: row.title, level: row.level, path: parseStored<string[]>(row.path, `section "${anchor}"`) } : null;
  }

  /** One section with its blocks, from its row alone; null when the document or the section is not there. */
  section(slug: string, anchor: string): Section | null {
    const row = this.prepared('SELECT anchor, heading, level, path, blocks FROM sections WHERE doc_slug = ? AND anchor = ?').get(slug, anchor) as
      | { anchor: string; heading: string; level: number; path: string; blocks: string }
      | undefined;
    if (!row) return null;
    return {
      anchor: row.anchor,
      heading: row.heading,
      level: row.level,
      path: parseStored<string[]>(row.path, `section "${anchor}" of "${slug}"`),
      blocks: parseStored<Section['blocks']>(row.blocks, `section "${anchor}" of "${slug}"`),
    };
  }

  /** The title of a document; null when there is none with this slug. */
  documentTitle(slug: string): string | null {
    const row = this.db.prepare('SELECT title FROM documents WHERE slug = ?').get(slug) as { title: string } | undefined;
    return row?.title ?? null;
  }

  listPartners(): PartnerSummary[] {
    const rows = this.db.prepare('SELECT body FROM partners ORDER BY name').all() as { body: string }[];
    return rows.map((r) => {
      const p = parseStored<Partner>(r.body, 'a partner');
      return { id: p.id, name: p.name, kind: p.kind, aliases: p.aliases, established: p.established, documents: p.documents, ...(p.relationSteps ? { relationSteps: p.relationSteps } : {}) };
    });
  }

  /** The partner id for an id, name or alias in any spelling; null if none. */
  resolvePartnerId(nameOrId: string): string | null {
    const key = nameKey(nameOrId);
    let id = this.partnerIds.get(key);
    if (id === undefined) {
      const lookup = this.db.prepare('SELECT partner_id FROM partner_keys WHERE key = ?');
      // "the EU", "the United States": a leading article is not part of the name.
      const row = (lookup.get(key) ?? lookup.get(key.replace(/^the /, ''))) as { partner_id: string } | undefined;
      id = row?.partner_id ?? null;
      this.partnerIds.set(key, id);
    }
    return id;
  }

  /** Partner id for a name, or a NOT_FOUND error that names the closest known partners. */
  requirePartnerId(nameOrId: string): string {
    const id = this.resolvePartnerId(nameOrId);
    if (id) return id;
    const close = this.suggestPartners(nameOrId);
    throw new DeskError(
      'NOT_FOUND',
      `No partner "${nameOrId}" in this library.` + (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''),
    );
  }

  getPartner(nameOrId: string): Partner {
    const id = this.requirePartnerId(nameOrId);
    const row = this.db.prepare('SELECT body FROM partners WHERE id = ?').get(id) as { body: string };
    return parseStored<Partner>(row.body, `partner "${id}"`);
  }

  suggestPartners(input: string, n = 3): string[] {
    const rows = this.db.prepare('SELECT key, (SELECT name FROM partners WHERE id = partner_id) AS name FROM partner_keys').all() as { key: string; name: string }[];
    return rankNames(input, rows.map((r) => ({ name: r.name, keys: [r.key] })), n);
  }

  /** Every matching event in full, oldest first: a partner's events for compare and briefings (the API pages: timelinePage). */
  timeline(params: TimelineParams): TimelineEvent[] {
    return this.events.timeline(params);
  }

  /**
   * Every event as a lean mark, column by column, in chronological order: what the timeline view
   * draws from. Encoded at build time (src/ingest/eventsTable.ts), so this is one row, not 177,000.
   */
  timelineMarks(): TimelineMarks {
    return this.events.marks();
  }

  /** Positions (in timelineMarks order) of the events that match: the view's word filter. */
  timelineMatch(params: TimelineParams): TimelineMatch {
    return this.events.match(params);
  }

  /** A page of the events that match (DeskApi.timeline): `limit` from `offset`, with how many match in all. */
  timelinePage(params: TimelineParams, offset: number, limit: number): TimelinePage {
    return { corpusHash: this.corpusHash, offset, ...this.events.page(params, offset, limit) };
  }

  /** Full events at these positions (in timelineMarks order, ascending). */
  timelineAt(positions: Int32Array): TimelineEvent[] {
    return this.events.atPositions(positions);
  }

  /** Full events by id, in the order asked (duplicates once); NOT_FOUND names the first unknown id. */
  timelineEvents(ids: readonly string[]): TimelineEvent[] {
    return this.events.byIds(ids);
  }

  /**
   * The documents a comparison column reads for a partner, in library order: those about it (not
   * an overview, the partner first), those with a section headed by it, and those with a passage
   * naming it (build-time tagging). Every other document has nothing for the partner's cells.
   */
  documentsConcerning(partnerId: string): DocumentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT slug, title, kind, partners, sections, passages FROM documents d
         WHERE (d.kind != 'overview' AND json_extract(d.partners, '$[0]') = @id)
            OR EXISTS (SELECT 1 FROM section_partners sp WHERE sp.partner_id = @id AND sp.doc_slug = d.slug)
            OR d.slug IN (SELECT p.doc_slug FROM passage_partners pp JOIN passages p ON p.id = pp.passage_id WHERE pp.partner_id = @id)
         ORDER BY d.ord`,
      )
      .all({ id: partnerId }) as { slug: string; title: string; kind: DocumentSummary['kind']; partners: string; sections: number; passages: number }[];
    return rows.map((r) => ({ ...r, partners: JSON.parse(r.partners) as string[] }));
  }

  /** Where the passages that name a partner are (build-time tagging), in document order. */
  passageBlocksNaming(partnerId: string): { docSlug: string; anchor: string; blockId: string }[] {
    return this.db
      .prepare(
        `SELECT p.doc_slug AS docSlug, p.anchor, p.block_id AS blockId FROM passages p
         JOIN passage_partners pp ON pp.passage_id = p.id JOIN documents d ON d.slug = p.doc_slug
         WHERE pp.partner_id = ? ORDER BY d.ord, p.ord`,
      )
      .all(partnerId) as { docSlug: string; anchor: string; blockId: string }[];
  }

  /** A partner's best comparison candidates for a facet (build-time table; libraryCandidates.ts). */
  partnerCandidates(partnerId: string, facet: CandidateFacet, limit: number): CandidateHit[] {
    return this.candidates.partnerCandidates(partnerId, facet, limit);
  }

  candidateKeyCount(partnerId: string, facet: CandidateFacet): number {
    return this.candidates.candidateKeyCount(partnerId, facet);
  }

  candidateKeys(partnerId: string, facet: CandidateFacet, keys?: readonly string[]): string[] {
    return this.candidates.candidateKeys(partnerId, facet, keys);
  }

  partnerEventCount(partnerId: string): number {
    return this.candidates.partnerEventCount(partnerId);
  }

  partnerEventsRanked(partnerId: string, by: 'importance' | 'score', limit: number): RankedEvent[] {
    return this.candidates.partnerEventsRanked(partnerId, by, limit);
  }

  partnerEventsQuoting(partnerId: string, keys: readonly string[]): Map<string, RankedEvent> {
    return this.candidates.partnerEventsQuoting(partnerId, keys);
  }

  partnerEventsAmong(partnerId: string, ids: readonly string[]): RankedEvent[] {
    return this.candidates.partnerEventsAmong(partnerId, ids);
  }

  /** A statement prepared once per library: a comparison asks the same few queries hundreds of times. */
  private prepared(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** `federation`: as one part of a search over several libraries (combinedLibrary.ts). */
  search(params: { query: string; limit?: number; docSlug?: string; partner?: string }, federation?: Federation): SearchResponse {
    if (params.docSlug !== undefined) this.getDocumentExists(params.docSlug);
    const partnerId = params.partner !== undefined ? this.requirePartnerId(params.partner) : undefined;
    try {
      return this.getSearcher().search({
        query: params.query,
        limit: params.limit ?? 20,
        ...(params.docSlug !== undefined ? { docSlug: params.docSlug } : {}),
        ...(partnerId !== undefined ? { partnerId } : {}),
      }, federation);
    } catch (err) {
      // The index is read in parts (header at first search, posting chunks and folded texts as
      // queries reach them): a damaged part surfaces here, as the damaged library it is.
      if (!(err instanceof CorruptIndexError)) throw err;
      throw new DeskError('DB_CORRUPT', `The search index in the library database is damaged: ${(err as Error).message}`, REBUILD_HINT);
    }
  }

  /** Loads the stored index on first use; it is never rebuilt at run time. */
  getSearcher(): Searcher {
    if (!this.searcher) {
      const row = this.db.prepare('SELECT lunr FROM search_index WHERE id = 1').get() as { lunr: Buffer };
      // Posting chunks are read as queries reach them, not at load (issue 7: load time).
      const chunk = this.db.prepare('SELECT docs, weights FROM search_postings WHERE chunk = ?');
      const readChunk = (k: number) => (chunk.get(k) as { docs: Buffer; weights: Buffer } | undefined) ?? null;
      // The suggestion vocabulary is read only when a search first finds nothing (issue 7: load time).
      const vocabulary = (): Map<string, string> => {
        const v = this.db.prepare('SELECT vocabulary FROM search_index WHERE id = 1').get() as { vocabulary: string };
        return new Map(Object.entries(parseStored<Record<string, string>>(v.vocabulary, 'search vocabulary')));
      };
      this.searcher = new Searcher({ header: row.lunr, readChunk }, this.passageSource(), vocabulary);
    }
    return this.searcher;
  }

  private passageSource(): PassageSource {
    return libraryPassages(this.db, {
      // Document titles are read on the first page of results, not at load (issue 7: load time).
      titles: () => new Map(this.listDocuments().map((d) => [d.slug, d.title])),
      // Asked on the first phrase query, not at load (issue 7: load time).
      folded: () => {
        if (this.folded === undefined) {
          const row = this.db.prepare('SELECT folded, folded_ends FROM search_index WHERE id = 1').get() as { folded: Buffer; folded_ends: Buffer };
          this.folded = new FoldedWords(row.folded, row.folded_ends);
        }
        return this.folded;
      },
      partnerPassages: this.partnerPassages,
    });
  }

  private getDocumentExists(slug: string): void {
    if (!this.db.prepare('SELECT 1 FROM documents WHERE slug = ?').get(slug)) {
      throw new DeskError('NOT_FOUND', `No document "${slug}" in this library.`);
    }
  }
}

function readMeta(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}
