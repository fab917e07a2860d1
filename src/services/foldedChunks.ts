// The library's folded passage texts (search_folded), read a chunk at a time as phrase checks
// reach them (issue 19: the whole 44 MB at 5,000 documents, plus SQLite's copy while reading it,
// was the largest part of the serving process's peak memory).
import type Database from 'better-sqlite3';
import { ChunkedTexts } from '../search/chunkedTexts';
import { CorruptIndexError } from '../search/scorer';

/**
 * Chunks kept after a query: a phrase common across the library touches every chunk, and
 * reading them again costs little next to scoring (measured in docs/BENCHMARKS.md, issue 19).
 */
const CACHE_BYTES = 8 << 20;

export function foldedChunks(db: Database.Database): ChunkedTexts {
  // The chunks' firsts and the last one's count: length() reads no blob.
  const rows = db.prepare('SELECT chunk, first, length(ends) / 4 AS count FROM search_folded ORDER BY chunk').all() as { chunk: number; first: number; count: number }[];
  if (rows.some((r, k) => r.chunk !== k)) throw new CorruptIndexError('folded passage texts: a chunk missing');
  const firsts = Int32Array.from(rows, (r) => r.first);
  const last = rows[rows.length - 1];
  const size = last ? last.first + last.count : 0;
  const read = db.prepare('SELECT texts, ends FROM search_folded WHERE chunk = ?');
  return new ChunkedTexts(
    firsts,
    size,
    (k) => {
      const row = read.get(k) as { texts: Buffer; ends: Buffer } | undefined;
      return row ? { bytes: row.texts, ends: row.ends } : null;
    },
    CACHE_BYTES,
    'folded passage texts',
  );
}
