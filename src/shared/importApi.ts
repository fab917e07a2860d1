// How a transport hands the renderer an import's progress (issue 18): the browser edition streams
// these as JSON lines from POST /api/import (src/web/importRoute.ts); Electron sends them over
// its import channel (src/main). A file is not a JSON parameter, so adding is not a DeskApi method.
import type { ImportProgress, ImportReport } from './userDocuments';

export const IMPORT_PATH = '/api/import';
/** The request header that names the uploaded file (URI-encoded). */
export const IMPORT_NAME_HEADER = 'x-file-name';

export type ImportEvent = { type: 'progress'; progress: ImportProgress } | { type: 'report'; report: ImportReport };

/** The kinds of file the import reads, for file pickers. */
export const IMPORT_ACCEPT = '.pdf,.html,.htm,.xhtml,.md,.markdown,.txt,.text';
