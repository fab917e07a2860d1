// Build freshness by file times: is a build output at least as new as every file it is built
// from? Plain JavaScript, because scripts/server-module.mjs asks it before any TypeScript can load;
// src/host/appBuild.ts asks the same questions through it.
import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time under `target` (a file or folder; node_modules and `skip` left out). */
export function newestMtime(target, skip) {
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
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  }
  return newest;
}

export const serverBundlePath = (root) => path.join(root, 'out', 'web', 'serve.mjs');

/**
 * The browser edition's bundle is fresh when it is at least as new as src/ (the renderer aside,
 * which the server does not import), package.json, package-lock.json (bundled dependencies) and
 * scripts/build-server.mjs. A few hundred stat calls; no file is read.
 */
export function serverBundleIsFresh(root) {
  let built;
  try {
    built = fs.statSync(serverBundlePath(root)).mtimeMs;
  } catch {
    return false;
  }
  const sources = Math.max(
    newestMtime(path.join(root, 'src'), path.join(root, 'src', 'renderer')),
    newestMtime(path.join(root, 'package.json')),
    newestMtime(path.join(root, 'package-lock.json')),
    newestMtime(path.join(root, 'scripts', 'build-server.mjs')),
  );
  return built >= sources;
}
