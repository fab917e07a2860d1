// Adds files to the user's library in a worker thread (importWorker.ts), one file at a time, with
// a time limit per file and cancellation: what the app's import and `relations-desk add` share.
// A parser that hangs or crashes on one file is stopped with the worker; that file is reported
// as refused, a new worker takes the next file, and the library is as it was before that file
// (the worker writes it by rename only). Progress and reports are passed on as they come.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { USER_LIBRARY_FILE, type ImportProgress, type ImportReport } from '../shared/userDocuments';
import type { WorkerFile, WorkerMessage, WorkerRequest, WorkerSetup } from './importProtocol';


/** Longest a single file may take to read, parse and index. */
export const IMPORT_TIME_LIMIT_MS = 120_000;
/** Heap a worker may use: a hostile file cannot take the app's memory with it. */
const WORKER_HEAP_MB = 1536;

export interface ImportOptions extends WorkerSetup {
  files: WorkerFile[];
  /** A worker kept between imports (the app's); without it, one is started for this import. */
  workers?: ImportWorkers;
  timeLimitMs?: number;
  onProgress?: (progress: ImportProgress) => void;
  onReport?: (index: number, report: ImportReport) => void;
  signal?: AbortSignal;
}

/** The user's library file in a user-data folder (where the app keeps bookmarks too). */
export function userLibraryIn(userDataDir: string): string {
  return join(userDataDir, USER_LIBRARY_FILE);
}

function startWorker(setup: WorkerSetup): Worker {
  return new Worker(workerEntry(), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: false, stderr: false });
}

/** Removes an added document, rewriting the library in a worker (off the thread that answers). */
export async function removeAdded(setup: WorkerSetup, slug: string): Promise<{ removed: boolean; title?: string }> {
  const m = await once(setup, { type: 'remove', slug });
  if (m.type !== 'removed') throw new Error('unexpected reply from the import worker');
  return m.result;
}

/** Rewrites the user's library if another version of the app made it (at start; in a worker). */
export async function refreshAdded(setup: WorkerSetup): Promise<boolean> {
  const m = await once(setup, { type: 'refresh' });
  return m.type === 'refreshed' && m.rewritten;
}

async function once(setup: WorkerSetup, request: WorkerRequest): Promise<WorkerMessage> {
  const worker = startWorker(setup);
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'failed') reject(new Error(m.message));
        else if (m.type !== 'ready') resolve(m);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the worker stopped (exit code ${code})`)));
      worker.postMessage(request);
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * The import worker of an app session, kept between imports so the readers and the date library
 * stay loaded (a cold worker spends about a second loading them), and closed when it has been
 * idle for a while. A worker that was stopped (time limit, cancel, crash) is replaced.
 */
export class ImportWorkers {
  private worker: Worker | null = null;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly setup: WorkerSetup,
    private readonly idleMs = 5 * 60_000,
  ) {}

  take(): Worker {
    clearTimeout(this.idle);
    this.worker ??= startWorker(this.setup);
    return this.worker;
  }

  /** After a file: keep the worker for the next one, or (it was stopped mid-file) drop it. */
  async release(keep: boolean): Promise<void> {
    if (!keep) return this.close();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), this.idleMs);
    this.idle.unref?.();
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}

/** The bundle's worker (out/web/importWorker.mjs, out/main/importWorker.js) beside this module, else the TypeScript through tsx. */
function workerEntry(): URL {
  for (const name of ['./importWorker.mjs', './importWorker.js']) {
    const bundled = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(bundled))) return bundled;
  }
  return new URL('./importWorker.boot.mjs', import.meta.url);
}

export async function importFiles(options: ImportOptions): Promise<ImportReport[]> {
  const { files, signal } = options;
  const limit = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  const reports: ImportReport[] = [];
  const setup: WorkerSetup = {
    libraryFile: options.libraryFile,
    ...(options.bundledDb ? { bundledDb: options.bundledDb } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const workers = options.workers ?? new ImportWorkers(setup);

  const finish = (index: number, report: ImportReport) => {
    reports[index] = report;
    options.onReport?.(index, report);
  };
  const cancelled = (index: number): ImportReport => {
    const file = basename(files[index]!.name);
    return { file, status: 'cancelled', code: 'cancelled', message: `${file}: the import was cancelled before it was added; nothing of it was kept.` };
  };

  try {
    for (let index = 0; index < files.length; index++) {
      if (signal?.aborted) {
        finish(index, cancelled(index));
        continue;
      }
      const w = workers.take();
      const name = basename(files[index]!.name);
      const outcome = await new Promise<{ report: ImportReport; keepWorker: boolean }>((resolve) => {
        let done = false;
        const settle = (report: ImportReport, keepWorker: boolean) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          resolve({ report, keepWorker });
        };
        const timer = setTimeout(
          () => settle({ file: name, status: 'refused', code: 'timeout', message: `${name}: reading it took longer than ${limit >= 1000 ? `${Math.round(limit / 1000)} s` : `${limit} ms`}; it was stopped and nothing of it was added.` }, false),
          limit,
        );
        const onAbort = () => settle(cancelled(index), false);
        const onMessage = (m: WorkerMessage) => {
          if (m.type === 'progress') options.onProgress?.({ ...m.progress, index });
          else if (m.type === 'report') settle(m.report, true);
        };
        const onError = (err: Error) => settle({ file: name, status: 'refused', code: 'crashed', message: `${name}: the reader failed on it (${err.message}); nothing of it was added.` }, false);
        const onExit = (code: number) => settle({ file: name, status: 'refused', code: 'crashed', message: `${name}: the reader stopped (exit code ${code}); nothing of it was added.` }, false);
        signal?.addEventListener('abort', onAbort, { once: true });
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        const file = files[index]!;
        w.postMessage({ type: 'add', index, file } satisfies WorkerRequest);
      });
      await workers.release(outcome.keepWorker);
      finish(index, outcome.report);
    }
  } finally {
    if (!options.workers) await workers.close();
  }
  return reports;
}
