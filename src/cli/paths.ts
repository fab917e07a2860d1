// Where the CLI finds the bundled corpus and database: relative to the package, not the shell's
// working directory, so `npx relations-desk` works from anywhere inside the project.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const PACKAGE_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const DEFAULT_CORPUS_DIR = resolve(PACKAGE_ROOT, 'corpus');
export const DEFAULT_DB_PATH = process.env.RELATIONS_DESK_DB ?? resolve(PACKAGE_ROOT, 'resources', 'desk.db');
