// The library's folded passage texts (search_folded, a row per passage), for phrase checks and
// "words not found": SQLite checks a batch of candidates with instr() and hands back only the
// ordinals that pass, so the serving process holds none of the texts (issue 19: held as one
// buffer, they were 44 MB of the search process's memory at 5,000 documents, plus SQLite's copy
// while reading it). Folded texts and phrases are both foldForMatch() output, so instr() on them
// answers as a byte search would.
import type Database from 'better-sqlite3';
import { CorruptIndexError } from '../search/scorer';
import type { FoldedTexts } from '../search/textBuffer';

/** Candidates per statement: under SQLite's bound-parameter limit with the phrases. */
const BATCH = 500;

export function foldedRows(db: Database.Database): FoldedTexts {
  let size: number;
  try {
    size = db.prepare('SELECT coalesce(max(ord) + 1, 0) FROM search_folded').pluck().get() as number;
  } catch {
    throw new CorruptIndexError('folded passage texts missing');
  }
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql).raw()));
    return st;
  };
  const marks = (n: number) => Array(n).fill('?').join(',');
  /** `each` for every row among `ordinals`, a batch at a time; `at` maps an ordinal to its positions. */
  const batches = (ordinals: readonly number[], sql: (marks: string) => string, extra: readonly string[], each: (ord: number, row: unknown[]) => void): void => {
    for (let b = 0; b < ordinals.length; b += BATCH) {
      const batch = ordinals.slice(b, b + BATCH);
      for (const row of prepared(sql(marks(batch.length))).all(...batch, ...extra) as unknown[][]) each(row[0] as number, row);
    }
  };
  const positions = (ordinals: readonly number[]): Map<number, number[]> => {
    const at = new Map<number, number[]>();
    ordinals.forEach((ord, k) => at.set(ord, [...(at.get(ord) ?? []), k]));
    return at;
  };
  return {
    size,
    containing: (ordinals, phrases) => {
      const hits = new Uint8Array(ordinals.length);
      const at = positions(ordinals);
      const test = phrases.map(() => ' AND instr(text, ?) > 0').join('');
      batches(ordinals, (m) => `SELECT ord FROM search_folded WHERE ord IN (${m})${test}`, phrases, (ord) => {
        for (const k of at.get(ord) ?? []) hits[k] = 1;
      });
      return hits;
    },
    texts: (ordinals) => {
      const out = new Array<string>(ordinals.length).fill('');
      const at = positions(ordinals);
      batches(ordinals, (m) => `SELECT ord, text FROM search_folded WHERE ord IN (${m})`, [], (ord, row) => {
        for (const k of at.get(ord) ?? []) out[k] = row[1] as string;
      });
      return out;
    },
  };
}
