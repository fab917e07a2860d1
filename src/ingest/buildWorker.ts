// A build worker thread (buildPool.ts starts it): runs the per-document jobs of buildJobs.ts and
// posts each result back; the main thread merges and writes them in corpus order. A parsed
// document waits here for its slug (given in corpus order by the main thread), then is extracted.
import { parentPort } from 'node:worker_threads';
import { extractParsed, parseSource, rowsOfFile, type DocumentPlan, type LibraryLinks } from './buildJobs';
import { NEXT_DOCUMENT, STOPPED, WRITTEN, type BuildJob, type BuildJobReply, type ParseOutcome } from './buildPool';
import type { ParsedDocument } from './model';

let links: { links: LibraryLinks; corpusDir: string } | null = null;
const parsed = new Map<number, ParsedDocument>();
const headings = new Map<string, string | null>();
const post = (reply: BuildJobReply) => parentPort!.postMessage(reply);

parentPort!.on('message', (job: BuildJob) => {
  if (job.kind === 'links') {
    links = { links: job.links, corpusDir: job.corpusDir };
    return;
  }
  if (job.kind === 'rows') {
    rowsUntilDone(job.plans, job.progress, job.window);
    return;
  }
  try {
    post({ id: job.id, ok: true, result: run(job) });
  } catch (err) {
    post({ id: job.id, ok: false, message: (err as Error).message });
  }
});
post({ ready: true });

/**
 * The second pass: takes the next document not taken (NEXT_DOCUMENT) until none is left, waiting
 * while it is `window` documents ahead of the main thread's writing, and posts each one's rows.
 */
function rowsUntilDone(plans: DocumentPlan[], progress: Int32Array, window: number): void {
  for (let i = Atomics.add(progress, NEXT_DOCUMENT, 1); i < plans.length; i = Atomics.add(progress, NEXT_DOCUMENT, 1)) {
    // Timed, so that a worker asked to stop (terminate) is never left waiting.
    for (let written = Atomics.load(progress, WRITTEN); i - written >= window; written = Atomics.load(progress, WRITTEN)) Atomics.wait(progress, WRITTEN, written, 100);
    if (Atomics.load(progress, STOPPED)) return;
    try {
      if (!links) throw new Error('rows asked before the library links');
      post({ rowsOf: i, ok: true, result: rowsOfFile(links.corpusDir, plans[i]!, links.links, headings) });
    } catch (err) {
      post({ rowsOf: i, ok: false, message: (err as Error).message });
    }
  }
}

function run(job: Exclude<BuildJob, { kind: 'links' | 'rows' }>): unknown {
  if (job.kind === 'parse') {
    const source = parseSource(job.text, job.file);
    if (!source.ok) return source satisfies ParseOutcome;
    parsed.set(job.id, source.doc);
    return { ok: true, title: source.doc.title } satisfies ParseOutcome;
  }
  const doc = parsed.get(job.token);
  if (!doc) throw new Error(`no parsed document ${job.token}`);
  parsed.delete(job.token);
  return extractParsed(doc, job.slug);
}
