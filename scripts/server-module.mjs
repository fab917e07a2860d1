// The browser edition's module (src/web/serve.ts) and the command line's (src/cli/main.ts): their
// bundles out/web/serve.mjs and out/cli/main.mjs (rebuilt first when stale), else the TypeScript
// through tsx. Used by scripts/serve.mjs, scripts/start.mjs and bin/relations-desk.mjs.
// Fresh as src/host/freshness.mjs decides (the same check src/host/appBuild.ts makes).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(ROOT, 'out', 'web', 'serve.mjs');
export const CLI_BUNDLE = path.join(ROOT, 'out', 'cli', 'main.mjs');

/**
 * Whether a bundle under out/ is at least as new as its sources (src/host/freshness.mjs decides).
 * Where there is no src/ (an installed package holds only the bundles), the bundle is all there is.
 */
export async function bundleIsFresh(bundle, builders = ['build-server.mjs']) {
  if (!fs.existsSync(path.join(ROOT, 'src'))) return fs.existsSync(bundle);
  const { bundleIsFresh: isFresh } = await import('../src/host/freshness.mjs');
  return isFresh(ROOT, bundle, builders);
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
    let fresh = await bundleIsFresh(bundle, builders);
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
