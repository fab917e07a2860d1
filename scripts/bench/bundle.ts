// The serving worker as the app ships its code: worker.ts bundled by esbuild (bundleNode,
// scripts/build-server.mjs, as the server and the CLI are) into out/bench/worker.mjs, so the search
// row's memory is bundled JavaScript's, not that of tsx compiling TypeScript in the same process
// (26 MB more at 5,000 documents, issue 19). Same depth under out/ as worker.ts under scripts/, so
// paths computed from import.meta.url stay right.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/host/paths';

/** Bundles the worker (untimed, once a run); its path, or null when it cannot be built (then tsx runs it). */
export function bundleWorker(log: (line: string) => void): string | null {
  const outDir = join(ROOT, 'out', 'bench');
  const script = `import { bundleNode } from './scripts/build-server.mjs'; await bundleNode({ entryPoints: { worker: 'scripts/bench/worker.ts' }, outDir: ${JSON.stringify(outDir)} });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status === 0) return join(outDir, 'worker.mjs');
  log(`could not bundle scripts/bench/worker.ts (exit ${r.status ?? r.signal}): the serving rows run it through tsx`);
  return null;
}
