// Corpus directory → one SQLite file holding documents, passages, partners, events and the
// serialized Lunr index, all stamped with the corpus hash so they can never disagree.
import { availableParallelism } from 'node:os';
import type { IngestWarning, LibraryInfo } from '../shared/types';
import { extractParsed, parseSource, rowsOfFile, type ExtractedSource } from './buildJobs';
import { BuildPool } from './buildPool';
import { StreamedBuild } from './streamedBuild';

export { corpusHashOf, hashCorpus } from './corpusHash';
export { BuildError } from './streamedBuild';

export interface BuildOptions {
  corpusDir: string;
  outFile: string;
  /** Fixed build time, for reproducible output (defaults to SOURCE_DATE_EPOCH, then now). */
  builtAt?: string;
}

export interface BuildReport {
  outFile: string;
  corpusHash: string;
  counts: LibraryInfo['counts'] & { tablesWithGaps: number; recoveredNames: number; skippedFiles: number };
  warnings: IngestWarning[];
  millis: number;
  /** Worker threads that did the per-document work (0: all of it in this thread). */
  workers: number;
}

/**
 * The build in this thread. Streams: each file is read, parsed and extracted, and only what the
 * library keeps of it (titles, facts, staged events) stays; then each is parsed again and
 * written (issue 19: the whole corpus parsed and extracted at once was the build's peak memory).
 */
export function buildDatabase(options: BuildOptions): BuildReport {
  const build = new StreamedBuild(options);
  try {
    for (const entry of build.entries) {
      const source = build.read(entry);
      if (!source) continue;
      const parsed = parseSource(source.text, source.file);
      if (parsed.ok) build.addExtracted(extractParsed(parsed.doc, build.slugFor(source.file, parsed.doc.title)));
      else build.addSkipped(parsed.warnings);
    }
    const links = build.links();
    const headings = new Map<string, string | null>();
    for (const plan of build.plans) build.addRows(rowsOfFile(build.corpusDir, plan, links, headings));
    return build.finish();
  } catch (err) {
    build.abort();
    throw err;
  }
}

/**
 * `buildDatabase` with the per-document work (parsing, extraction, the rows) in worker threads
 * (buildPool.ts), the results merged and written here in corpus order: the same file. In this
 * thread when the corpus is small or no worker can be started.
 */
export async function buildDatabaseInParallel(options: BuildOptions & { workers?: number }): Promise<BuildReport> {
  const build = new StreamedBuild(options);
  const size = options.workers ?? Math.min(availableParallelism(), 4);
  const pool = build.entries.length >= MIN_FILES_FOR_WORKERS && size > 1 ? await BuildPool.start(size) : null;
  if (!pool) {
    build.abort();
    return buildDatabase(options);
  }
  try {
    // A document's slug depends on the titles before it: each is given in corpus order, between
    // the worker's parse and its extraction of the same document.
    let slugs: Promise<unknown> = Promise.resolve();
    const extract = (source: { file: string; text: string } | null): Promise<ExtractedSource | { skipped: IngestWarning[] }> | null => {
      if (!source) return null;
      const parsing = pool.parse(source.text, source.file);
      const slug = slugs.then(() => parsing).then((p) => (p.result.ok ? build.slugFor(source.file, p.result.title) : null));
      slugs = slug;
      return Promise.all([parsing, slug]).then(async ([p, s]) => (p.result.ok ? await pool.extract(p, s!) : { skipped: p.result.warnings }));
    };
    const reads = build.entries.map((entry) => () => build.read(entry));
    // Warnings and extractions are taken in corpus order (slugs may be given ahead of them).
    for await (const [, result] of inOrder(reads, extract, pool.window)) {
      if (result && 'skipped' in result) build.addSkipped(result.skipped);
      else if (result) build.addExtracted(result);
    }
    pool.setLinks(build.links(), build.corpusDir);
    for await (const rows of pool.rows(build.plans)) build.addRows(rows);
    // The rest is this thread's (events, index): the workers' memory is given back first.
    await pool.close();
    return { ...build.finish(), workers: pool.size };
  } catch (err) {
    build.abort();
    throw err;
  } finally {
    await pool.close();
  }
}

/** Below this many files, starting workers costs more than they save. */
const MIN_FILES_FOR_WORKERS = 40;

/**
 * `next()` of each item started at once, up to `window` ahead, and the results handed back in
 * order: the main thread reads and writes in corpus order while the workers run ahead.
 */
async function* inOrder<T, R>(items: (() => T)[], start: (item: T) => Promise<R> | null, window: number): AsyncGenerator<[T, R | null]> {
  const queue: [T, Promise<R> | null][] = [];
  let next = 0;
  const fill = () => {
    while (queue.length < window && next < items.length) {
      const item = items[next++]!();
      const promise = start(item);
      // Awaited in order below; a failure is seen there, not as an unhandled rejection meanwhile.
      promise?.catch(() => {});
      queue.push([item, promise]);
    }
  };
  fill();
  while (queue.length > 0) {
    const [item, promise] = queue.shift()!;
    const result = promise ? await promise : null;
    fill();
    yield [item, result];
  }
}
