// The browser edition's module (src/web/serve.ts) and the command line's (src/cli/main.ts): their
// bundles out/web/serve.mjs and out/cli/main.mjs (rebuilt first when stale), else the TypeScript
// through tsx. Used by scripts/serve.mjs, scripts/start.mjs and bin/relations-desk.mjs.
//
// Fresh = the bundle is at least as new as every file it is built from: src/ (the renderer aside,
// which the server does not import), package.json, package-lock.json (bundled dependencies) and
// scripts/build-server.mjs. A few hundred stat calls; no file is read.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(ROOT, 'out', 'web', 'serve.mjs');
export const CLI_BUNDLE = path.join(ROOT, 'out', 'cli', 'main.mjs');

function newestMtime(target, skip) {
  let newest = 0;
  const stack = [target];
  while (stack.length) {
    const p = stack.pop();
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) {
        const child = path.join(p, e);
        if (e !== 'node_modules' && child !== skip) stack.push(child);
      }
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  }
  return newest;
}

/**
 * Whether a bundle under out/ is at least as new as its sources. Where there is no src/ (an
 * installed package holds only the bundles), the bundle is all there is, and so it is fresh.
 */
export function bundleIsFresh(bundle, builders = ['build-server.mjs']) {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  if (!fs.existsSync(path.join(ROOT, 'src'))) return true;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src'), path.join(ROOT, 'src', 'renderer')),
    newestMtime(path.join(ROOT, 'package.json')),
    newestMtime(path.join(ROOT, 'package-lock.json')),
    ...builders.map((b) => newestMtime(path.join(ROOT, 'scripts', b))),
  );
  return built >= sources;
}

export function serverBundleIsFresh() {
  return bundleIsFresh(SERVER_BUNDLE);
}

/**
 * import() of a bundle, rebuilt first when stale (esbuild takes well under the time tsx spends
 * compiling the TypeScript); its TypeScript entry through tsx (a development dependency) when the
 * bundle cannot be built (no esbuild) or RELATIONS_DESK_NO_BUNDLE=1.
 */
async function bundledModule({ bundle, builders, rebuild, source }) {
  if (process.env.RELATIONS_DESK_NO_BUNDLE !== '1') {
    let fresh = bundleIsFresh(bundle, builders);
    if (!fresh) {
      try {
        await rebuild();
        fresh = true;
      } catch {
        // No esbuild here, or the sources do not bundle: run them through tsx below.
      }
    }
    if (fresh) return import(pathToFileURL(bundle).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(ROOT, source)).href);
}

export function serverModule() {
  return bundledModule({
    bundle: SERVER_BUNDLE,
    builders: ['build-server.mjs'],
    rebuild: async () => (await import('./build-server.mjs')).buildServer({ clean: false }),
    source: 'src/web/serve.ts',
  });
}

/** The command line (src/cli/main.ts): out/cli/main.mjs, rebuilt when stale. */
export function cliModule() {
  return bundledModule({
    bundle: CLI_BUNDLE,
    builders: ['build-server.mjs', 'build-cli.mjs'],
    rebuild: async () => (await import('./build-cli.mjs')).buildCli({ clean: false }),
    source: 'src/cli/main.ts',
  });
}
