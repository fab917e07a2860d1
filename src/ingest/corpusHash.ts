// The corpus hash, in a module of its own: deciding whether a database is stale must not load
// the parser and the date library (the app's start-up checks it on every launch).
import { createHash } from 'node:crypto';
import type { SourceFile } from './model';
import { readCorpusDir } from './read';
import { INGEST_VERSION, SCHEMA_VERSION } from '../core/schema';

/** sha256 over file names and bytes, in name order; versions are mixed in so code changes count. */
export function hashCorpus(files: SourceFile[]): string {
  const hasher = new CorpusHasher();
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) hasher.add(f);
  return hasher.digest();
}

/** `hashCorpus` for files given one at a time, already in name order (the build streams them). */
export class CorpusHasher {
  private readonly h = createHash('sha256').update(`schema:${SCHEMA_VERSION};ingest:${INGEST_VERSION}\n`);

  add(f: SourceFile): void {
    this.h.update(`${f.file}\0${f.text ?? '<skipped>'}\0`);
  }

  digest(): string {
    return this.h.digest('hex');
  }
}

/** Hash of what a corpus directory would build into, to tell whether a database is stale. */
export function corpusHashOf(corpusDir: string): string {
  return hashCorpus(readCorpusDir(corpusDir));
}
