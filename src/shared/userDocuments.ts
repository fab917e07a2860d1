// Documents the user adds (issue 18): where each came from, what an import reports, and the
// progress an import sends while it runs. Plain JSON, shared by ingest, services, every
// transport and the renderer.

export type AddedFormat = 'pdf' | 'html' | 'markdown' | 'text' | 'wiki';

export const ADDED_FORMAT_LABELS: Record<AddedFormat, string> = {
  pdf: 'PDF',
  html: 'Web page',
  markdown: 'Markdown',
  text: 'Plain text',
  wiki: 'Wiki export',
};

/** Where an added document came from; absent on the bundled library's documents. */
export interface DocumentOrigin {
  /** The file's name, e.g. "EU-Albania SDP.pdf". */
  sourceName: string;
  /** Its full path when it was added from disk (not for a browser upload). */
  sourcePath?: string;
  format: AddedFormat;
  bytes: number;
  /** ISO time it was added (or last replaced by a newer copy). */
  addedAt: string;
  /** ISO time the file was last modified, when known. */
  modifiedAt?: string;
}

export type ImportStage = 'reading' | 'extracting' | 'indexing';

/** One progress step of one file of an import. */
export interface ImportProgress {
  /** Position of the file in the import (0-based). */
  index: number;
  file: string;
  stage: ImportStage;
  /** 0..1 within the stage, when it can be told (a PDF's pages). */
  fraction?: number;
}

export type ImportStatus = 'added' | 'replaced' | 'unchanged' | 'refused' | 'cancelled';

/** What became of one file, like the build's report: what was recovered, what the source had lost. */
export interface ImportReport {
  file: string;
  status: ImportStatus;
  /** For refused or cancelled files: why, naming the file. */
  message?: string;
  /** Refusal code (unsupported, too-large, damaged, timeout, …). */
  code?: string;
  slug?: string;
  title?: string;
  format?: AddedFormat;
  counts?: {
    sections: number;
    paragraphs: number;
    lists: number;
    tables: number;
    passages: number;
    events: number;
    partners: number;
  };
  /** Table cells the source had lost (kept as marked gaps), and lines left out (running headers, page numbers). */
  lost?: { gapCells: number; tablesWithGaps: number; droppedLines: number };
  /** The reader's and extractor's warnings, as the build reports them (at most 50). */
  warnings?: { line?: number; code: string; message: string }[];
  millis?: number;
}

export const MAX_REPORT_WARNINGS = 50;

/** The slug prefix of added documents: they never collide with the bundled library's. */
export const ADDED_SLUG_PREFIX = 'my-';

/** Largest file accepted: far above any real article or report, far below what would exhaust memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The user's library file, in the user-data folder beside the bookmarks. */
export const USER_LIBRARY_FILE = 'user-library.db';
