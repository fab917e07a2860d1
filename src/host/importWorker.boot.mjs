// Starts the import worker from the TypeScript sources (a source checkout, the tests): tsx is
// registered in this thread first. The bundled server starts out/web/importWorker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
