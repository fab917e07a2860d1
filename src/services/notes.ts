// The reader's notes on passages (issue 16): kept in the user database beside bookmarks, in a
// table of their own made here, so the user store's schema and its recovery path are untouched.
// Every write is one statement on the store's WAL connection: a crash loses at most the note being
// written, never an older one. A note keeps the passage's text as it was when it was made; when a
// library update changes or removes the passage, the note is kept and says so.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DeskError, type NewNote, type Note } from '../shared/api';
import type { DeskDocument } from '../shared/types';
import { foldAccents } from '../shared/text';
import { blockText } from '../core/passages';

interface NoteRow {
  id: string;
  doc_slug: string;
  anchor: string;
  block_id: string;
  quote: string;
  body: string;
  doc_title: string;
  section_path: string;
  passage_text: string;
  created_at: string;
  updated_at: string;
}

export const MAX_NOTE_CHARS = 10_000;

/** What a note needs from the library: a document by slug (throws NOT_FOUND for an unknown one). */
export type DocumentSource = (slug: string) => DeskDocument;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const fold = (s: string): string => foldAccents(s).toLowerCase();

export class NoteStore {
  constructor(
    private db: Database.Database,
    private documents: DocumentSource,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notes (
        id           TEXT PRIMARY KEY,
        doc_slug     TEXT NOT NULL,
        anchor       TEXT NOT NULL,
        block_id     TEXT NOT NULL,
        quote        TEXT NOT NULL,
        body         TEXT NOT NULL,
        doc_title    TEXT NOT NULL,
        section_path TEXT NOT NULL,
        passage_text TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS notes_by_doc ON notes (doc_slug);
    `);
  }

  add(n: NewNote): Note {
    const doc = this.documents(n.docSlug);
    const section = doc.sections.find((s) => s.anchor === n.anchor);
    const block = section?.blocks.find((b) => b.id === n.blockId);
    if (!section || !block) throw new DeskError('NOT_FOUND', `No passage "${n.blockId}" in section "${n.anchor}" of "${doc.title}".`);
    const passage = blockText(block) || (block.type === 'term' ? block.text : '');
    const quote = squash(n.quote);
    if (!quote) throw new DeskError('BAD_REQUEST', 'A note needs the words it is about: select some text of the passage.');
    if (!squash(passage).includes(quote)) throw new DeskError('BAD_REQUEST', 'The quoted words are not in that passage; select them again.', 'Select text within one paragraph or list.');
    const now = new Date().toISOString();
    const row: NoteRow = {
      id: randomUUID(),
      doc_slug: doc.slug,
      anchor: section.anchor,
      block_id: block.id,
      quote,
      body: n.body.trim(),
      doc_title: doc.title,
      section_path: JSON.stringify(section.path),
      passage_text: passage,
      created_at: now,
      updated_at: now,
    };
    this.db
      .prepare(
        `INSERT INTO notes (id, doc_slug, anchor, block_id, quote, body, doc_title, section_path, passage_text, created_at, updated_at)
         VALUES (@id, @doc_slug, @anchor, @block_id, @quote, @body, @doc_title, @section_path, @passage_text, @created_at, @updated_at)`,
      )
      .run(row);
    return this.#withStatus([row])[0]!;
  }

  update(id: string, body: string): Note {
    const row = this.db
      .prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ? RETURNING *')
      .get(body.trim(), new Date().toISOString(), id) as NoteRow | undefined;
    if (!row) throw new DeskError('NOT_FOUND', 'That note no longer exists.');
    return this.#withStatus([row])[0]!;
  }

  remove(id: string): { removed: boolean } {
    return { removed: this.db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes > 0 };
  }

  /** Newest first; `query`: every word (accents and case ignored) in the quote, the note or the citation. */
  list(opts: { docSlug?: string; query?: string } = {}): Note[] {
    const rows = (
      opts.docSlug
        ? this.db.prepare('SELECT * FROM notes WHERE doc_slug = ? ORDER BY created_at DESC, rowid DESC').all(opts.docSlug)
        : this.db.prepare('SELECT * FROM notes ORDER BY created_at DESC, rowid DESC').all()
    ) as NoteRow[];
    const words = fold(opts.query ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const matching = words.length
      ? rows.filter((r) => {
          const text = fold(`${r.quote} ${r.body} ${r.doc_title} ${r.section_path}`);
          return words.every((w) => text.includes(w));
        })
      : rows;
    return this.#withStatus(matching);
  }

  /** Notes by id, in the order asked; unknown ids are left out. */
  byIds(ids: readonly string[]): Note[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT * FROM notes WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as NoteRow[];
    const found = new Map(this.#withStatus(rows).map((n) => [n.id, n]));
    return ids.map((id) => found.get(id)).filter((n): n is Note => n !== undefined);
  }

  /** Compared with the library as it is now: each document is read once per call. */
  #withStatus(rows: NoteRow[]): Note[] {
    const docs = new Map<string, DeskDocument | null>();
    const docOf = (slug: string): DeskDocument | null => {
      if (!docs.has(slug)) {
        try {
          docs.set(slug, this.documents(slug));
        } catch (err) {
          if (!(err instanceof DeskError && err.code === 'NOT_FOUND')) throw err;
          docs.set(slug, null);
        }
      }
      return docs.get(slug)!;
    };
    return rows.map((r) => {
      const block = docOf(r.doc_slug)?.sections.find((s) => s.anchor === r.anchor)?.blocks.find((b) => b.id === r.block_id);
      const now = block ? blockText(block) || (block.type === 'term' ? block.text : '') : null;
      const note: Note = {
        id: r.id,
        docSlug: r.doc_slug,
        anchor: r.anchor,
        blockId: r.block_id,
        quote: r.quote,
        body: r.body,
        docTitle: r.doc_title,
        sectionPath: JSON.parse(r.section_path) as string[],
        passageText: r.passage_text,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        status: now === null ? 'missing' : squash(now) === squash(r.passage_text) ? 'current' : 'changed',
      };
      if (now !== null && note.status === 'changed') note.currentText = now;
      return note;
    });
  }
}
