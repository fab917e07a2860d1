// Builds the real corpus once for the whole test run; test files read it through inject('dbPath').
// Also brings the app's bundles (out/) and the bundled library (resources/desk.db) up to date
// before any test file starts, so no test rebuilds them under another (the packaging test packs them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDatabase } from '../ingest/build';
import { CORPUS_DIR as DEFAULT_CORPUS_DIR, DEFAULT_DB } from '../host/paths';
import { ensureAppBuild } from '../host/appBuild';
import { ensureDatabase } from '../host/libraryFile';

declare module 'vitest' {
  export interface ProvidedContext {
    dbPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  await ensureDatabase(DEFAULT_DB, () => {});
  ensureAppBuild(() => {});
  const dir = mkdtempSync(join(tmpdir(), 'relations-desk-test-'));
  const dbPath = join(dir, 'desk.db');
  buildDatabase({ corpusDir: DEFAULT_CORPUS_DIR, outFile: dbPath, builtAt: '2026-01-01T00:00:00.000Z' });
  project.provide('dbPath', dbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
