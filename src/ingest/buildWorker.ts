// A build worker thread (buildPool.ts starts it): runs the per-document jobs of buildJobs.ts and
// posts each result back; the main thread merges and writes them in corpus order.
import { parentPort } from 'node:worker_threads';
import { extractSource, rowsOfFile, type LibraryLinks } from './buildJobs';
import type { BuildJob, BuildJobReply } from './buildPool';

let links: { links: LibraryLinks; corpusDir: string } | null = null;
const headings = new Map<string, string | null>();
const post = (reply: BuildJobReply) => parentPort!.postMessage(reply);

parentPort!.on('message', (job: BuildJob) => {
  if (job.kind === 'links') {
    links = { links: job.links, corpusDir: job.corpusDir };
    return;
  }
  try {
    if (job.kind === 'extract') post({ id: job.id, ok: true, result: extractSource(job.text, job.file) });
    else if (!links) throw new Error('rows asked before the library links');
    else post({ id: job.id, ok: true, result: rowsOfFile(links.corpusDir, job.plan, links.links, headings) });
  } catch (err) {
    post({ id: job.id, ok: false, message: (err as Error).message });
  }
});
post({ ready: true });
