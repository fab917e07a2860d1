/// <reference types="svelte" />
import type { DeskApi } from '../../shared/api';
import type { ImportEvent } from '../../shared/importApi';
import type { ImportReport } from '../../shared/userDocuments';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser edition. */
    desk?: DeskApi;
    /** Exposed by the Electron preload: adds a picked or dropped file by its path (issue 18). */
    deskImport?: {
      addFile(file: File, onEvent: (event: ImportEvent) => void, signal: AbortSignal): Promise<ImportReport>;
      addPath(path: string, onEvent: (event: ImportEvent) => void, signal: AbortSignal): Promise<ImportReport>;
      /** Calls back with the files chosen in File → Add documents…. */
      onMenuAdd(callback: (paths: string[]) => void): void;
    };
  }
}

export {};
