// The files being added and what became of them: one at a time, in the order given, each with its
// stage (reading, extracting, indexing), a fraction where one is known, a cancel, and its report.
// When a file changes the library, the library's lists are loaded again, so the new document is
// in "Your documents", in search and on the partner pages at once.
import type { ImportReport, ImportStage } from '../../../../shared/userDocuments';
import { library } from '../state/library.svelte';
import { sendFile } from './transport';

export interface ImportJob {
  id: number;
  name: string;
  size: number;
  stage: ImportStage | 'waiting' | 'done';
  fraction: number | null;
  report: ImportReport | null;
}

class Imports {
  jobs = $state<ImportJob[]>([]);
  open = $state(false);
  busy = $derived(this.jobs.some((j) => j.stage !== 'done'));
  #files = new Map<number, File | string>();
  #controllers = new Map<number, AbortController>();
  #next = 1;
  #running = false;

  /** Files picked or dropped, or (Electron's File menu) paths. */
  add(files: Iterable<File | string>): void {
    for (const file of files) {
      const id = this.#next++;
      this.#files.set(id, file);
      const name = typeof file === 'string' ? (file.split(/[\\/]/).pop() ?? file) : file.name;
      this.jobs.push({ id, name, size: typeof file === 'string' ? 0 : file.size, stage: 'waiting', fraction: null, report: null });
    }
    this.open = true;
    void this.#pump();
  }

  cancel(id: number): void {
    const job = this.jobs.find((j) => j.id === id);
    if (!job || job.stage === 'done') return;
    const running = this.#controllers.get(id);
    if (running) running.abort();
    else this.#finish(job, { file: job.name, status: 'cancelled', message: `${job.name}: cancelled before it was read; nothing of it was kept.` });
  }

  /** Hides the panel and forgets the finished files. */
  close(): void {
    this.jobs = this.jobs.filter((j) => j.stage !== 'done');
    this.open = this.jobs.length > 0;
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let job = this.#waiting(); job; job = this.#waiting()) {
        const file = this.#files.get(job.id)!;
        const controller = new AbortController();
        this.#controllers.set(job.id, controller);
        job.stage = 'reading';
        const report = await sendFile(
          file,
          (e) => {
            if (e.type === 'progress' && job!.stage !== 'done') {
              job!.stage = e.progress.stage;
              job!.fraction = e.progress.fraction ?? null;
            }
          },
          controller.signal,
        );
        this.#controllers.delete(job.id);
        this.#finish(job, report);
        if (report.status === 'added' || report.status === 'replaced') await reloadLibrary();
      }
    } finally {
      this.#running = false;
    }
  }

  #waiting(): ImportJob | undefined {
    return this.jobs.find((j) => j.stage === 'waiting');
  }

  #finish(job: ImportJob, report: ImportReport): void {
    job.stage = 'done';
    job.fraction = null;
    job.report = report;
    this.#files.delete(job.id);
  }
}

/** The library's lists as they now are (after a file was added or a document removed). */
export async function reloadLibrary(): Promise<void> {
  await Promise.all([library.info.load(undefined, true), library.documents.load(undefined, true), library.partners.load(undefined, true)]);
}

export const imports = new Imports();
