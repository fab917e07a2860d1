#!/usr/bin/env node
// The command line, from compiled JavaScript: out/cli/main.mjs (`npm run build:app` writes it).
// In a checkout it is rebuilt first when older than src/ (esbuild, well under a second), so
// `npx relations-desk` works right after `npm install`; only where it cannot be bundled does the
// TypeScript run through tsx, a development dependency. Without src/ the bundle is used as is.
import { cliModule } from '../scripts/server-module.mjs';

// `relations-desk timeline | head`: a reader that stops reading ends the command quietly, not with a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { runCli } = await cliModule();
process.exitCode = await runCli(process.argv.slice(2));
