// The browser edition's module (src/web/serve.ts): its bundle out/web/serve.mjs (rebuilt first
// when stale), else the TypeScript through tsx. Used by scripts/serve.mjs and scripts/start.mjs.
//
// Fresh = the bundle is at least as new as every file it is built from: src/ (the renderer aside,
// which the server does not import), package.json, package-lock.json (bundled dependencies) and
// scripts/build-server.mjs. A few hundred stat calls; no file is read.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(ROOT, 'out', 'web', 'serve.mjs');

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

export function serverBundleIsFresh() {
  let built;
  try {
    built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src'), path.join(ROOT, 'src', 'renderer')),
    newestMtime(path.join(ROOT, 'package.json')),
    newestMtime(path.join(ROOT, 'package-lock.json')),
    newestMtime(path.join(ROOT, 'scripts', 'build-server.mjs')),
  );
  return built >= sources;
}

/**
 * import() of the bundle, rebuilt first when stale (esbuild takes well under the time tsx spends
 * compiling the TypeScript); serve.ts through tsx when the bundle cannot be built (no esbuild) or
 * RELATIONS_DESK_NO_BUNDLE=1.
 */
export async function serverModule() {
  if (process.env.RELATIONS_DESK_NO_BUNDLE !== '1') {
    let fresh = serverBundleIsFresh();
    if (!fresh) {
      try {
        const { buildServer } = await import('./build-server.mjs');
        await buildServer({ clean: false });
        fresh = true;
      } catch {
        // No esbuild here, or the sources do not bundle: run them through tsx below.
      }
    }
    if (fresh) return import(pathToFileURL(SERVER_BUNDLE).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/web/serve.ts');
}
