// Worker threads for the build's per-document work (buildJobs.ts): parsing and extraction take
// ~70 % of a build's CPU and read nothing of the other documents, so they run on every core while
// the main thread reads, merges and writes in corpus order (build.ts). The worker is the bundle's
// buildWorker.mjs/.js beside this module (out/cli, out/web, out/main), else the TypeScript through
// tsx (a source checkout); with neither, `start` answers null and the build runs in one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IngestWarning } from '../shared/types';
import type { DocumentPlan, ExtractedSource, LibraryLinks } from './buildJobs';
import type { DocumentRows } from './documentRows';

export type BuildJob =
  | { id: number; kind: 'parse'; text: string; file: string }
  | { id: number; kind: 'extract'; token: number; slug: string }
  | { id: number; kind: 'links'; links: LibraryLinks; corpusDir: string }
  | { id: number; kind: 'rows'; plans: DocumentPlan[]; progress: Int32Array; window: number };

/**
 * The second pass's shared counters (an Int32Array on a SharedArrayBuffer): the next document a
 * worker may take, and how many the main thread has taken to write. A worker takes the next document
 * itself and waits while it would be more than `window` ahead of the writing (memory), so the main
 * thread sends nothing per document (issue 19: a message per document cost the main thread ~3 s of
 * CPU at 5,000 documents and woke an idle worker each time).
 */
export const NEXT_DOCUMENT = 0;
export const WRITTEN = 1;
/** Set when the main thread stops early (a failure): the workers take no more documents. */
export const STOPPED = 2;

/** A parse's answer: the title (the worker keeps the document for `extract`) or why it is skipped. */
export type ParseOutcome = { ok: false; warnings: IngestWarning[] } | { ok: true; title: string };

/** A document parsed in worker `worker`, kept there under `token`. */
export interface ParsedInWorker {
  worker: number;
  token: number;
  result: ParseOutcome;
}
export type BuildJobReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  | { rowsOf: number; ok: true; result: DocumentRows }
  | { rowsOf: number; ok: false; message: string }
  | { ready: true };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export class BuildPool {
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[];
  private nextId = 0;
  private failure: Error | null = null;
  /** The second pass's rows as they come (index in the plans → rows or why there are none). */
  private readonly rowsDone = new Map<number, { ok: true; result: DocumentRows } | { ok: false; message: string }>();
  private rowsArrived: (() => void) | null = null;

  private constructor(private readonly workers: Worker[]) {
    this.load = workers.map(() => 0);
    workers.forEach((w) => {
      w.on('message', (reply: BuildJobReply) => {
        if ('ready' in reply) return;
        if ('rowsOf' in reply) {
          this.rowsDone.set(reply.rowsOf, reply);
          this.rowsArrived?.();
          return;
        }
        const job = this.pending.get(reply.id);
        if (!job) return;
        this.pending.delete(reply.id);
        if (reply.ok) job.resolve(reply.result);
        else job.reject(new Error(reply.message));
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a build worker stopped (exit code ${code})`));
      });
    });
  }

  /** `size` workers, each ready to take jobs; null when none can be started here. */
  static async start(size: number): Promise<BuildPool | null> {
    const entry = workerEntry();
    if (!entry) return null;
    const workers: Worker[] = [];
    try {
      for (let k = 0; k < size; k++) workers.push(new Worker(entry, { resourceLimits: WORKER_HEAP }));
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              w.once('message', () => resolve());
              w.once('error', reject);
              w.once('exit', (code) => reject(new Error(`exit code ${code}`)));
            }),
        ),
      );
      return new BuildPool(workers);
    } catch {
      await Promise.all(workers.map((w) => w.terminate()));
      return null;
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** How many documents may be in flight: enough to keep every worker busy, few enough to hold little. */
  get window(): number {
    return this.workers.length * 4;
  }

  /** Parses in the least busy worker, which keeps the document for `extract`. */
  async parse(text: string, file: string): Promise<ParsedInWorker> {
    const worker = this.leastBusy();
    this.load[worker]!++;
    const id = this.nextId;
    const result = (await this.run(worker, { kind: 'parse', text, file })) as ParseOutcome;
    if (!result.ok) this.load[worker]!--;
    return { worker, token: id, result };
  }

  async extract(parsed: ParsedInWorker, slug: string): Promise<ExtractedSource> {
    try {
      return (await this.run(parsed.worker, { kind: 'extract', token: parsed.token, slug })) as ExtractedSource;
    } finally {
      this.load[parsed.worker]!--;
    }
  }

  /** Sends every worker what the second pass needs of the whole library. */
  setLinks(links: LibraryLinks, corpusDir: string): void {
    for (const w of this.workers) w.postMessage({ id: -1, kind: 'links', links, corpusDir } satisfies BuildJob);
  }

  /** The second pass: each plan's rows, in order, made by whichever worker is free (see NEXT_DOCUMENT). */
  async *rows(plans: DocumentPlan[]): AsyncGenerator<DocumentRows> {
    const progress = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    for (const w of this.workers) w.postMessage({ id: -1, kind: 'rows', plans, progress, window: this.window } satisfies BuildJob);
    try {
      for (let next = 0; next < plans.length; next++) {
        let done = this.rowsDone.get(next);
        while (!done) {
          if (this.failure) throw this.failure;
          await new Promise<void>((resolve) => (this.rowsArrived = resolve));
          done = this.rowsDone.get(next);
        }
        this.rowsDone.delete(next);
        if (!done.ok) throw new Error(done.message);
        Atomics.store(progress, WRITTEN, next + 1);
        Atomics.notify(progress, WRITTEN);
        yield done.result;
      }
    } finally {
      Atomics.store(progress, STOPPED, 1);
      Atomics.store(progress, NEXT_DOCUMENT, plans.length);
      Atomics.store(progress, WRITTEN, plans.length);
      Atomics.notify(progress, WRITTEN);
      this.rowsArrived = null;
      this.rowsDone.clear();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** The worker with the fewest documents in hand (parsed and not yet extracted). */
  private leastBusy(): number {
    let k = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[k]!) k = i;
    return k;
  }

  private run(worker: number, job: DistributiveOmit<Exclude<BuildJob, { kind: 'links' | 'rows' }>, 'id'>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[worker]!.postMessage({ id, ...job } as BuildJob);
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const job of this.pending.values()) job.reject(err);
    this.pending.clear();
    this.rowsArrived?.();
  }
}

/**
 * A worker holds a few documents at a time; the rest of its heap is garbage. V8 lets a heap whose
 * limit is the default (several GB) grow to about four times what survives before it collects
 * again; under a 1 GB limit it collects at under twice. Two workers at the default were a third
 * of the build's peak memory at 5,000 documents (issue 19). 1 GB still parses the largest file
 * read.ts accepts (MAX_SOURCE_BYTES).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 24 };

function workerEntry(): URL | null {
  for (const name of ['./buildWorker.mjs', './buildWorker.js', './buildWorker.boot.mjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
