#!/usr/bin/env node
// Bundles the command line (src/cli/main.ts and what it imports) into out/cli/main.mjs, so
// `relations-desk` runs plain JavaScript: an installed copy needs neither tsx nor TypeScript.
// Same bundling as the server (scripts/build-server.mjs); Playwright stays external too (it
// starts Chromium for PDF briefings, is large, and is imported only by the briefing command).
//
//   node scripts/build-cli.mjs      (part of `npm run build:app`)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from './build-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildCli({ clean = true } = {}) {
  return bundleNode({
    // `add` runs the import in a worker thread (src/host/importer.ts starts it by name), `build`
    // its per-document work in worker threads (src/ingest/buildPool.ts, likewise).
    entryPoints: { main: 'src/cli/main.ts', importWorker: 'src/host/importWorker.ts', buildWorker: 'src/ingest/buildWorker.ts' },
    outDir: path.join(ROOT, 'out', 'cli'),
    external: ['playwright-core'],
    clean,
  });
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  buildCli().catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
