// A build worker thread (buildPool.ts starts it): runs the per-document jobs of buildJobs.ts and
// posts each result back; the main thread merges and writes them in corpus order. A parsed
// document waits here for its slug (given in corpus order by the main thread), then is extracted.
import { parentPort } from 'node:worker_threads';
import { extractParsed, parseSource, rowsOfFile, type LibraryLinks } from './buildJobs';
import type { BuildJob, BuildJobReply, ParseOutcome } from './buildPool';
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
  try {
    post({ id: job.id, ok: true, result: run(job) });
  } catch (err) {
    post({ id: job.id, ok: false, message: (err as Error).message });
  }
});
post({ ready: true });

function run(job: Exclude<BuildJob, { kind: 'links' }>): unknown {
  if (job.kind === 'parse') {
    const source = parseSource(job.text, job.file);
    if (!source.ok) return source satisfies ParseOutcome;
    parsed.set(job.id, source.doc);
    return { ok: true, title: source.doc.title } satisfies ParseOutcome;
  }
  if (job.kind === 'extract') {
    const doc = parsed.get(job.token);
    if (!doc) throw new Error(`no parsed document ${job.token}`);
    parsed.delete(job.token);
    return extractParsed(doc, job.slug);
  }
  if (!links) throw new Error('rows asked before the library links');
  return rowsOfFile(links.corpusDir, job.plan, links.links, headings);
}
