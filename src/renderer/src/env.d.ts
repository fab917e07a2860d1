/// <reference types="svelte" />
import type { DeskApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser edition. */
    desk?: DeskApi;
  }
}

export {};
