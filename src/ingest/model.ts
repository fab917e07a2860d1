// What each ingest stage hands to the next: read → parse → extract → store.
import type { IngestWarning, Section } from '../shared/types';

/** Result of reading one corpus file from disk (src/ingest/read.ts). */
export interface SourceFile {
  /** File name relative to the corpus directory, e.g. "004_fc5a463e6e1c56f6.txt". */
  file: string;
  /** Decoded text, or null when the file was skipped (empty, binary, not UTF-8). */
  text: string | null;
  warnings: IngestWarning[];
}

/** Result of parsing one source text (src/ingest/parse.ts). */
export interface ParsedDocument {
  sourceFile: string;
  /** Clean title, e.g. "Albania–Kosovo relations"; PDF all-caps titles are re-cased. */
  title: string;
  /** 'wiki' and 'pdf-markdown': the corpus's text formats; the rest: documents a reader adds (src/ingest/readers). */
  format: 'wiki' | 'pdf-markdown' | 'pdf' | 'html' | 'markdown' | 'text';
  /** Sections in reading order; the first one is the lead (level 0, heading = title, path []). */
  sections: Section[];
  warnings: IngestWarning[];
  /** Source line number (1-based) where each block starts, by block id. */
  blockLines: Record<string, number>;
}
