// Builds the real corpus once for the whole test run; test files read it through inject('dbPath').
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDatabase } from '../ingest/build';
import { CORPUS_DIR as DEFAULT_CORPUS_DIR } from '../host/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    dbPath: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'relations-desk-test-'));
  const dbPath = join(dir, 'desk.db');
  buildDatabase({ corpusDir: DEFAULT_CORPUS_DIR, outFile: dbPath, builtAt: '2026-01-01T00:00:00.000Z' });
  project.provide('dbPath', dbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
