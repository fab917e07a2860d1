// The import's worker thread (importer.ts starts it): reads, parses and indexes the files it is
// given, one at a time, and posts each step back. Parsing a PDF and rewriting the library take
// from a fraction of a second to a few seconds of CPU; here they never block the thread that
// answers the interface.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { addDocument, refreshUserLibrary, removeDocument } from '../ingest/userLibrary';
import { ImportRefusal, MAX_IMPORT_BYTES, formatBytes } from '../ingest/readers';
import type { WorkerFile, WorkerMessage, WorkerRequest, WorkerSetup } from './importProtocol';

const setup = workerData as WorkerSetup;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'add') void run(msg.index, msg.file);
  else if (msg.type === 'remove') remove(msg.slug);
  else refresh();
});

function refresh(): void {
  try {
    post({ type: 'refreshed', rewritten: refreshUserLibrary(setup.libraryFile, setup) });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}

function remove(slug: string): void {
  try {
    post({ type: 'removed', result: removeDocument(setup.libraryFile, slug, setup) });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}
post({ type: 'ready' });

async function run(index: number, file: WorkerFile): Promise<void> {
  const name = basename(file.name);
  try {
    post({ type: 'progress', progress: { index, file: name, stage: 'reading' } });
    let bytes = file.bytes;
    let modifiedAt: string | undefined;
    if (!bytes && file.path) {
      const read = readSource(name, file.path);
      bytes = read.bytes;
      modifiedAt = read.modifiedAt;
    }
    const report = await addDocument(
      setup.libraryFile,
      { name, ...(file.path ? { path: file.path } : {}), bytes: bytes ?? new Uint8Array(0), ...(modifiedAt ? { modifiedAt } : {}) },
      { ...(setup.bundledDb ? { bundledDb: setup.bundledDb } : {}), ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}), onStage: (stage, fraction) => post({ type: 'progress', progress: { index, file: name, stage, ...(fraction !== undefined ? { fraction } : {}) } }) },
    );
    post({ type: 'report', index, report });
  } catch (err) {
    const refusal = err instanceof ImportRefusal ? err : new ImportRefusal(name, 'crashed', `it could not be added (${(err as Error).message})`);
    post({ type: 'report', index, report: { file: name, status: 'refused', code: refusal.code, message: refusal.message } });
  }
}

function readSource(name: string, path: string): { bytes: Uint8Array; modifiedAt: string } {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ImportRefusal(name, 'unreadable', 'it is not a file');
    if (stat.size > MAX_IMPORT_BYTES) throw new ImportRefusal(name, 'too-large', `${formatBytes(stat.size)} is more than the ${formatBytes(MAX_IMPORT_BYTES)} a document may have`);
    return { bytes: readFileSync(path), modifiedAt: stat.mtime.toISOString() };
  } catch (err) {
    if (err instanceof ImportRefusal) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportRefusal(name, 'unreadable', code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'the file cannot be read (permission denied)' : `the file cannot be read (${code ?? (err as Error).message})`);
  }
}
