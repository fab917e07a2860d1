// The reference engine: the same passages in SQLite FTS5 (unicode61 remove_diacritics 2 + porter),
// the same fields and boosts as the Lunr index, queried with the same parsed words and phrases.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parseQuery } from '../../src/search/query';
import { INDEX_FIELDS } from '../../src/search/analyzer';

const FIELDS = Object.keys(INDEX_FIELDS) as (keyof typeof INDEX_FIELDS)[];
const WEIGHTS = FIELDS.map((f) => INDEX_FIELDS[f].boost).join(', ');

/**
 * Build a contentless FTS5 index (like the Lunr index, it stores no text: passages stay in the
 * library DB) over the library's passages. Returns build time and the index's size on disk.
 */
export function buildFts(libraryDb: string, ftsDb: string): { ms: number; bytes: number } {
  const t0 = performance.now();
  const db = new Database(ftsDb);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS refs;
    CREATE VIRTUAL TABLE fts USING fts5(${FIELDS.join(', ')}, content='', tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE TABLE refs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL);`);
  const src = new Database(libraryDb, { readonly: true });
  db.transaction(() => {
    const rows = src
      .prepare(
        `SELECT p.rowid AS rowid, p.id, p.text, p.path, d.title,
          (SELECT group_concat(pa.name, ' ') FROM passage_partners pp JOIN partners pa ON pa.id = pp.partner_id WHERE pp.passage_id = p.id) AS partners
         FROM passages p JOIN documents d ON d.slug = p.doc_slug`,
      )
      .iterate() as Iterable<{ rowid: number; id: string; text: string; path: string; title: string; partners: string | null }>;
    const ins = db.prepare(`INSERT INTO fts (rowid, ${FIELDS.join(', ')}) VALUES (?, ?, ?, ?, ?)`);
    const ref = db.prepare('INSERT INTO refs (rowid, id) VALUES (?, ?)');
    for (const r of rows) {
      ins.run(r.rowid, r.text, (JSON.parse(r.path) as string[]).join(' '), r.title, r.partners ?? '');
      ref.run(r.rowid, r.id);
    }
  })();
  src.close();
  db.exec(`INSERT INTO fts (fts) VALUES ('optimize')`);
  let bytes: number;
  try {
    bytes = (db.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'fts%'`).get() as { n: number }).n;
  } catch {
    bytes = statSync(ftsDb).size;
  }
  db.close();
  return { ms: performance.now() - t0, bytes };
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 MATCH expressions for what a person typed, through the app's own query parser:
 * every word required (then any word, as the app falls back), the last word a prefix while
 * typing, quoted phrases as FTS5 phrases; FTS5 syntax in user text is quoted away.
 */
export function toFtsQueries(input: string): { all: string; any: string | null } | null {
  const parsed = parseQuery(input);
  if (parsed.words.length === 0) return null;
  const parts = parsed.phrases.map(quote);
  for (const w of parsed.words) {
    if (w.inPhrase) continue;
    parts.push(w.prefix ? `${quote(w.raw.replace(/\*+$/, ''))}*` : quote(w.raw));
  }
  if (parts.length === 0) return null;
  return { all: parts.join(' AND '), any: parts.length > 1 && parsed.phrases.length === 0 ? parts.join(' OR ') : null };
}

export class FtsSearcher {
  private readonly db: Database.Database;
  private readonly top: Database.Statement;
  private readonly count: Database.Statement;
  private readonly texts: Database.Statement;

  constructor(ftsDb: string, libraryDb: string) {
    this.db = new Database(ftsDb, { readonly: true });
    this.db.exec(`ATTACH DATABASE '${libraryDb.replace(/'/g, "''")}' AS lib`);
    this.top = this.db.prepare(`SELECT r.id FROM fts JOIN refs r ON r.rowid = fts.rowid WHERE fts MATCH ? ORDER BY bm25(fts, ${WEIGHTS}) LIMIT ?`).pluck();
    this.count = this.db.prepare('SELECT count(*) FROM fts WHERE fts MATCH ?').pluck();
    this.texts = this.db.prepare('SELECT text FROM lib.passages WHERE id = ?').pluck();
  }

  /** Top `limit` passage ids by BM25, the total, and the texts of the shown hits (as the app fetches them). */
  search(input: string, limit: number): { ids: string[]; total: number } {
    const q = toFtsQueries(input);
    if (!q) return { ids: [], total: 0 };
    let match = q.all;
    let ids = this.top.all(match, limit) as string[];
    if (ids.length === 0 && q.any) {
      match = q.any;
      ids = this.top.all(match, limit) as string[];
    }
    const total = ids.length === 0 ? 0 : (this.count.get(match) as number);
    for (const id of ids) this.texts.get(id);
    return { ids, total };
  }

  close(): void {
    this.db.close();
  }
}
