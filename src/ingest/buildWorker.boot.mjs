// Starts a build worker from the TypeScript sources (a source checkout, the tests): tsx is
// registered in this thread first. Bundles start their own buildWorker.mjs/.js instead (buildPool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./buildWorker.ts');
