// The browser edition's module (src/web/serve.ts): its bundle out/web/serve.mjs (rebuilt first
// when stale), else the TypeScript through tsx. Used by scripts/serve.mjs and scripts/start.mjs.
// Fresh as src/host/freshness.mjs decides (the same check src/host/appBuild.ts makes).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serverBundleIsFresh as isFresh, serverBundlePath } from '../src/host/freshness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = serverBundlePath(ROOT);
export const serverBundleIsFresh = () => isFresh(ROOT);

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
