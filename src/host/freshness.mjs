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
 * A bundle under out/ is fresh when it is at least as new as src/ (the renderer aside, which the
 * Node bundles do not import), package.json, package-lock.json (bundled dependencies) and the
 * scripts that build it. Where there is no src/ (an installed package holds only the bundles),
 * the bundle is all there is, and so it is fresh. A few hundred stat calls; no file is read.
 */
export function bundleIsFresh(root, bundle, builders = ['build-server.mjs']) {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  if (!fs.existsSync(path.join(root, 'src'))) return true;
  let sources = Math.max(
    newestMtime(path.join(root, 'src'), path.join(root, 'src', 'renderer')),
    newestMtime(path.join(root, 'package.json')),
    newestMtime(path.join(root, 'package-lock.json')),
  );
  for (const b of builders) sources = Math.max(sources, newestMtime(path.join(root, 'scripts', b)));
  return built >= sources;
}

/** The browser edition's bundle (scripts/build-server.mjs). */
export function serverBundleIsFresh(root) {
  return bundleIsFresh(root, serverBundlePath(root));
}
