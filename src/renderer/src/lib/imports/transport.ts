// How the renderer sends one file to be added: the browser edition uploads it to POST /api/import
// and reads the progress lines back; in Electron the preload's `window.deskImport` hands the
// file's path to the main process. Either way the caller gets progress events and one report.
import { IMPORT_NAME_HEADER, IMPORT_PATH, type ImportEvent } from '../../../../shared/importApi';
import type { ImportReport } from '../../../../shared/userDocuments';

export type OnEvent = (event: ImportEvent) => void;

/** A file from a picker or a drop, or (Electron's File menu) a path. */
export async function sendFile(source: File | string, onEvent: OnEvent, signal: AbortSignal): Promise<ImportReport> {
  const bridge = typeof window !== 'undefined' ? window.deskImport : undefined;
  if (typeof source === 'string') {
    if (!bridge) return { file: source, status: 'refused', message: `${source}: files are added by upload here.` };
    return bridge.addPath(source, onEvent, signal);
  }
  if (bridge) return bridge.addFile(source, onEvent, signal);
  return upload(source, onEvent, signal);
}

async function upload(file: File, onEvent: OnEvent, signal: AbortSignal): Promise<ImportReport> {
  const refused = (message: string): ImportReport => ({ file: file.name, status: 'refused', message: `${file.name}: ${message}` });
  let res: Response;
  try {
    res = await fetch(IMPORT_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [IMPORT_NAME_HEADER]: encodeURIComponent(file.name) },
      body: file,
      signal,
    });
  } catch {
    if (signal.aborted) return { file: file.name, status: 'cancelled', message: `${file.name}: the import was cancelled; nothing of it was kept.` };
    return refused('the library server could not be reached.');
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { file: file.name, status: 'refused', message: body?.error?.message ?? `${file.name}: the server answered ${res.status}.` };
  }
  let report: ImportReport | null = null;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) !== -1) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        const event = JSON.parse(line) as ImportEvent;
        if (event.type === 'report') report = event.report;
        onEvent(event);
      }
    }
  } catch {
    if (signal.aborted) return { file: file.name, status: 'cancelled', message: `${file.name}: the import was cancelled; nothing of it was kept.` };
  }
  return report ?? refused('the import ended without a report.');
}
