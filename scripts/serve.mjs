#!/usr/bin/env node
// `npm run serve`: the browser edition (src/web/serve.ts). Runs the bundle out/web/serve.mjs
// (`npm run build:app` writes it; rebuilt here first when older than its sources), or the
// TypeScript itself through tsx when it cannot be bundled. Same options, output and exit codes.
import { serverModule } from './server-module.mjs';

const serve = await serverModule();
serve.main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
