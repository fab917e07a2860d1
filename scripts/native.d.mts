// Types for scripts/native.mjs (imported by the e2e harness).
export declare const CACHE_DIR: string;
export declare const MANIFEST: string;
export declare function findNodeGyp(): string | null;
export declare function ensureNativeBinding(options: {
  runtime?: 'electron' | 'node';
  target: string;
  arch?: string;
  platform?: string;
  log?: (line: string) => void;
  writeManifest?: boolean;
}): string;
