// Read corpus files from disk into clean text, or skip them with a reason.
//
// Every file comes back as a SourceFile: `text` is the decoded, normalised content, or null when
// the file cannot be a document (empty, binary, not UTF-8, unreadable). Nothing here throws for
// bad file *content*; the build reports the warnings and carries on with the other files.
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { SourceFile } from './model';

/** Files larger than this are not documents of this corpus; they are skipped, not parsed. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/**
 * Share of control characters (other than tab, LF, CR, FF) above which decoded text is treated
 * as binary. Real prose has none; 10% is far beyond anything a text export produces.
 */
const CONTROL_CHAR_RATIO = 0.1;

/**
 * Read one corpus file. `file` in the result is the path relative to `corpusDir` (with `/`
 * separators) when given, else the base name.
 */
export function readSourceFile(path: string, corpusDir?: string): SourceFile {
  const file = corpusDir ? relative(corpusDir, path).split(sep).join('/') : basename(path);
  const skip = (code: string, message: string): SourceFile => skipped(file, code, message);

  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return skip('unreadable', 'not a regular file');
    if (stat.size > MAX_SOURCE_BYTES) {
      return skip('too-large', `${stat.size} bytes is more than the ${MAX_SOURCE_BYTES}-byte limit`);
    }
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return skip('unreadable', `cannot be read (${code})`);
  }
  return decodeSource(file, bytes);
}

/**
 * Decode and normalise raw bytes (exported for tests and for callers that already hold bytes):
 * BOM stripped, CRLF/CR → LF, NFC. Skips empty, binary and non-UTF-8 content with a warning.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceFile {
  const skip = (code: string, message: string, line = 1): SourceFile => skipped(file, code, message, line);

  if (bytes.length === 0) return skip('empty', 'the file is empty');

  // UTF-16 files are full of NUL bytes; name the real problem instead of calling them binary.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return skip('not-utf8', 'the file is UTF-16 encoded (byte-order mark), not UTF-8');
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return skip('binary', `binary content (NUL byte at offset ${nul})`, lineAtOffset(bytes, nul));
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    const at = bad === -1 ? '' : ` (first invalid byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`;
    return skip('not-utf8', `not valid UTF-8${at}; re-save it as UTF-8`, bad === -1 ? 1 : lineAtOffset(bytes, bad));
  }

  // TextDecoder already drops a leading BOM; this also covers a BOM left by concatenation.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');

  if (text.trim() === '') return skip('empty', 'the file contains only whitespace');

  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  if (control / text.length > CONTROL_CHAR_RATIO) {
    return skip('binary', `binary content (${control} control characters in ${text.length})`);
  }

  return { file, text, warnings: [] };
}

/**
 * Read every document in a corpus directory: regular files only, dotfiles ignored, sorted by
 * file name (code-unit order, so the result is the same on every machine). Skipped files are
 * included with `text: null` and their warnings, so the build can report them; symbolic links
 * among them (never followed: a corpus is the files in its folder).
 * Throws only when the directory itself cannot be listed.
 */
export function readCorpusDir(dir: string): SourceFile[] {
  return listCorpusDir(dir).map((entry) => readCorpusEntry(dir, entry));
}

/** A file of a corpus folder, not yet read (listCorpusDir). */
export interface CorpusEntry {
  name: string;
  symlink: boolean;
}

/** readCorpusDir's files, in its order, without reading them: the build reads one at a time. */
export function listCorpusDir(dir: string): CorpusEntry[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`Cannot read corpus directory ${dir} (${code})`);
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => ({ name: e.name, symlink: e.isSymbolicLink() }));
}

export function readCorpusEntry(dir: string, entry: CorpusEntry): SourceFile {
  return entry.symlink ? symlinkSkipped(dir, entry.name) : readSourceFile(join(dir, entry.name), dir);
}

/** A symbolic link in the corpus folder: reported, named with where it points, and skipped. */
function symlinkSkipped(dir: string, name: string): SourceFile {
  const path = join(dir, name);
  let target = '?';
  try {
    target = readlinkSync(path);
  } catch {
    // Unreadable link: said below without its target.
  }
  let why: string;
  try {
    statSync(path);
    why = `is a symbolic link to ${target}; links are not followed, copy the file into the corpus folder instead`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    why = code === 'ELOOP' ? `is a symbolic link that loops (${target} leads back to itself)` : `is a symbolic link to ${target}, which does not exist`;
  }
  return skipped(name, 'symlink', why);
}

function skipped(file: string, code: string, message: string, line = 1): SourceFile {
  return { file, text: null, warnings: [{ file, line, code, message: `${file}: ${message}; file skipped.` }] };
}

/** 1-based line number of a byte offset. */
function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 decoding, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
