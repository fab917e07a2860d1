// Which installed packages the packaged app needs at run time. electron-builder copies every
// production dependency into app.asar; the Electron app loads fewer. Shared by
// electron-builder.js (what to leave out) and scripts/package.test.ts (what the asar must hold).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The packages out/main imports (electron-vite keeps dependencies external): better-sqlite3 in the
 * main process; the import worker (out/main/importWorker.js) reads PDFs (pdfjs-dist), HTML
 * (htmlparser2), Markdown (marked) and dates (chrono-node, required on first use).
 */
export const MAIN_IMPORTS = ['better-sqlite3', 'chrono-node', 'htmlparser2', 'marked', 'pdfjs-dist'];

/**
 * Left out although installed: prebuild-install runs at `npm install` only (better-sqlite3 fetches
 * or compiles its addon with it); @napi-rs/canvas is pdf.js's optional renderer (33 MB of native
 * code), which text extraction never loads.
 */
export const INSTALL_TIME_ONLY = ['prebuild-install', '@napi-rs/canvas'];

function manifest(name, root) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
}

/** Packages reachable from `names` through dependencies (and installed optional ones), minus `skip`. */
export function dependencyClosure(names, { root = ROOT, skip = [] } = {}) {
  const seen = new Set();
  const stack = [...names];
  while (stack.length) {
    const name = stack.pop();
    if (seen.has(name) || skip.includes(name)) continue;
    seen.add(name);
    const pkg = manifest(name, root);
    const optional = Object.keys(pkg.optionalDependencies ?? {}).filter((d) => fs.existsSync(path.join(root, 'node_modules', d)));
    stack.push(...Object.keys(pkg.dependencies ?? {}), ...optional);
  }
  return [...seen].sort();
}

/** Production dependencies that the app does not load: left out of app.asar. */
export function packagesLeftOut(root = ROOT) {
  const production = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {});
  const shipped = new Set(dependencyClosure(MAIN_IMPORTS, { root, skip: INSTALL_TIME_ONLY }));
  return dependencyClosure(production, { root }).filter((name) => !shipped.has(name));
}
