// Messages between importer.ts and its worker thread (importWorker.ts).
import type { ImportProgress, ImportReport } from '../shared/userDocuments';

export interface WorkerSetup {
  libraryFile: string;
  bundledDb?: string;
  /** better-sqlite3 built for Electron, when the worker runs in Electron's main process. */
  nativeBinding?: string;
}

/** A file to add: its path on disk, or its bytes (a browser upload) with the name it had. */
export interface WorkerFile {
  name: string;
  path?: string;
  bytes?: Uint8Array;
}

/** What the importer asks of the worker. */
export type WorkerRequest = { type: 'add'; index: number; file: WorkerFile } | { type: 'remove'; slug: string } | { type: 'refresh' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'report'; index: number; report: ImportReport }
  | { type: 'removed'; result: { removed: boolean; title?: string } }
  | { type: 'refreshed'; rewritten: boolean }
  | { type: 'failed'; message: string };
