// The library's folded passage texts (search_folded), read a chunk at a time as phrase checks
// reach them (issue 19: the whole 44 MB at 5,000 documents, plus SQLite's copy while reading it,
// was the largest part of the serving process's peak memory).
import type Database from 'better-sqlite3';
import { ChunkedTexts } from '../search/chunkedTexts';
import { CorruptIndexError } from '../search/scorer';

export function foldedChunks(db: Database.Database): ChunkedTexts {
  // The chunks' firsts and the last one's count: length() reads no blob.
  const rows = db.prepare('SELECT chunk, first, length(ends) AS endBytes FROM search_folded ORDER BY chunk').all() as { chunk: number; first: number; endBytes: number }[];
  if (rows.some((r, k) => r.chunk !== k || r.endBytes % 4 !== 0)) throw new CorruptIndexError('folded passage texts');
  const firsts = Int32Array.from(rows, (r) => r.first);
  const last = rows[rows.length - 1];
  const size = last ? last.first + last.endBytes / 4 : 0;
  const read = db.prepare('SELECT texts, ends FROM search_folded WHERE chunk = ?');
  return new ChunkedTexts(
    firsts,
    size,
    (k) => {
      const row = read.get(k) as { texts: Buffer; ends: Buffer } | undefined;
      return row ? { bytes: row.texts, ends: row.ends } : null;
    },
    'folded passage texts',
  );
}
