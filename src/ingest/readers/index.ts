// One file the user adds → a parsed document, or a refusal that names the file and the reason.
// The kind is told by the file's first bytes where it can be (a PDF is a PDF whatever its name),
// else by its extension; text kinds must be UTF-8 (read.ts's checks, as for the corpus).
import { basename, extname } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/userDocuments';
import type { ParsedDocument } from '../model';
import { decodeSource } from '../read';
import { parseDocument, titleFromFileName } from '../parse';
import { findWikiTitle } from '../parse-wiki';
import { findPdfTitle } from '../parse-pdfmd';
import { readHtml } from './html';
import { readMarkdown } from './markdown';
import { structurePdf } from './pdf';
import { PdfReadError, readPdfPages } from './pdfText';
import { isEmptyDocument } from './structure';
import { readPlainText } from './text';

export { MAX_IMPORT_BYTES };

export type ImportFormat = 'pdf' | 'html' | 'markdown' | 'text' | 'wiki';

export const IMPORT_EXTENSIONS: Record<string, ImportFormat> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

export type RefusalCode = 'unsupported' | 'too-large' | 'empty' | 'binary' | 'not-utf8' | 'encrypted' | 'damaged' | 'no-content' | 'unreadable' | 'timeout' | 'crashed' | 'cancelled';

/** A file that was not added: `message` names the file and says why, for a person. */
export class ImportRefusal extends Error {
  constructor(
    readonly file: string,
    readonly code: RefusalCode,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ImportRefusal';
  }
}

export interface ReadOptions {
  /** Called as a PDF's pages are read (the "extracting" stage). */
  onProgress?: (fraction: number) => void;
}

/** Reads one file's bytes; throws ImportRefusal. `name` is the file's name as the user knows it. */
export async function readDocumentBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<{ doc: ParsedDocument; format: ImportFormat }> {
  const file = basename(name);
  const refuse = (code: RefusalCode, reason: string) => new ImportRefusal(file, code, reason);
  if (bytes.length > MAX_IMPORT_BYTES) throw refuse('too-large', `${formatBytes(bytes.length)} is more than the ${formatBytes(MAX_IMPORT_BYTES)} a document may have`);
  if (bytes.length === 0) throw refuse('empty', 'the file is empty');

  const format = detectFormat(bytes, file);
  if (!format) {
    const ext = extname(file).toLowerCase();
    throw refuse('unsupported', `${ext ? `"${ext}" files are` : 'a file without an extension is'} not a kind Relations Desk reads (it reads PDF, HTML, Markdown and plain text)`);
  }
  const fallbackTitle = titleFromFileName(file);
  let doc: ParsedDocument;
  if (format === 'pdf') {
    try {
      const pages = await readPdfPages(bytes, (done, total) => options.onProgress?.(done / total));
      doc = structurePdf(pages, file, fallbackTitle);
    } catch (err) {
      if (err instanceof PdfReadError) throw refuse(err.code, err.message);
      throw refuse('damaged', `the PDF could not be read (${(err as Error).message})`);
    }
  } else {
    const decoded = decodeSource(file, bytes);
    if (decoded.text === null) {
      const w = decoded.warnings[0]!;
      throw refuse(w.code as RefusalCode, w.message.replace(`${file}: `, '').replace(/; file skipped\.$/, ''));
    }
    const text = decoded.text;
    if (format === 'html') doc = readHtml(text, file, fallbackTitle);
    else if (format === 'markdown') doc = readMarkdown(text, file, fallbackTitle);
    else if (format === 'wiki') doc = parseDocument(text, file);
    else doc = readPlainText(text, file, fallbackTitle);
  }
  if (isEmptyDocument(doc)) {
    throw refuse('no-content', format === 'pdf' ? 'the PDF has no text layer (a scanned image?); nothing could be read from it' : 'nothing readable was found in it');
  }
  return { doc, format };
}

/** The kind of a file: its first bytes first, then its extension; null when it is none we read. */
export function detectFormat(bytes: Uint8Array, file: string): ImportFormat | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  const ext = extname(file).toLowerCase();
  const byName = IMPORT_EXTENSIONS[ext];
  if (byName === 'pdf') return 'pdf'; // no %PDF- header: pdf.js says how it is damaged
  // Binary formats with a text-like name are caught by the UTF-8 check; these are named outright.
  if (/^(PK\u0003\u0004|\u00d0\u00cf\u0011\u00e0|\{\\rtf)/.test(head)) return null;
  const trimmed = head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
  if (byName === 'html' || (!byName && (trimmed.startsWith('<!doctype html') || trimmed.startsWith('<html')))) return 'html';
  if (byName === 'markdown') return 'markdown';
  if (byName === 'text') {
    const lines = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
    return findWikiTitle(lines) || findPdfTitle(lines) ? 'wiki' : 'text';
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
