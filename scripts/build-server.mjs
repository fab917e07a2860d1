#!/usr/bin/env node
// Bundles the browser edition's server (src/web/serve.ts and what it imports) into
// out/web/serve.mjs, so `npm run serve` and `npm start` run plain JavaScript instead of compiling
// TypeScript through tsx at every start. Pure-JS packages (zod, lunr) are bundled too: resolving
// and reading zod's many small modules cost more than compiling them. better-sqlite3 (a native
// addon) and chrono-node stay external. What serve.ts imports lazily (the handlers with zod and
// the services, loaded just after the server listens; the builder and the corpus hash, loaded
// only to build) become their own chunks in out/web/ (same depth as src/web/, so paths computed
// from import.meta.url stay right).
//
// Minified, and with zod's error messages in English only (the app never switches locale; the
// other forty-odd locales were two thirds of the bundle): less for Node to compile at each start.
//
//   node scripts/build-server.mjs      (part of `npm run build:app`)
//
// scripts/serve.mjs runs the bundle when it is newer than every source it is built from, and
// src/web/serve.ts through tsx otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'out', 'web');

/**
 * zod re-exports every locale (`z.locales`, `z.core.locales`) from its locales/index.js; here
 * that module exports English alone, the locale zod installs by default.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: path.resolve(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-english-only' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from './en.js';\n",
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Bundle Node entry points with what they import into outDir (same depth under out/ as their
 * sources under src/, so paths computed from import.meta.url stay right). Each file is written to
 * a temp name and renamed (the entries last), so a process starting meanwhile never reads a
 * half-written file; chunk names carry a content hash, so two builds at once write the same files. `clean` also removes the chunks of earlier builds (not the
 * whole directory first: a running server may still import its lazy chunks).
 */
export async function bundleNode({ entryPoints, outDir, external = [], clean = true }) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A native addon, and a date parser that src/ingest/dates.ts loads on first use only.
    // pdf.js loads its own worker script by path: it stays a package.
    external: ['better-sqlite3', 'chrono-node', 'pdfjs-dist', ...external],
    plugins: [zodEnglishOnly],
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    write: false,
  });
  fs.mkdirSync(outDir, { recursive: true });
  const entries = new Set(Object.keys(entryPoints).map((name) => path.join(outDir, `${name}.mjs`)));
  const files = [...result.outputFiles].sort((a, b) => entries.has(a.path) - entries.has(b.path));
  for (const f of files) {
    const tmp = `${f.path}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
  if (clean) {
    const written = new Set(files.map((f) => f.path));
    for (const f of fs.readdirSync(outDir)) {
      const full = path.join(outDir, f);
      if ((f.endsWith('.mjs') || f.endsWith('.mjs.map')) && !written.has(full)) fs.rmSync(full, { force: true });
    }
  }
}

/** The browser edition's server: out/web/serve.mjs. */
export function buildServer({ clean = true } = {}) {
  // The import's and the build's worker threads are scripts of their own (src/host/importer.ts and
  // src/ingest/buildPool.ts start them by name).
  return bundleNode({ entryPoints: { serve: 'src/web/serve.ts', importWorker: 'src/host/importWorker.ts', buildWorker: 'src/ingest/buildWorker.ts' }, outDir: OUT_DIR, clean });
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  buildServer().catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
