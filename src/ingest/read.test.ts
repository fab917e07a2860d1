import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8Offset, readCorpusDir, readSourceFile } from './read';

const here = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = join(here, '../../corpus');
const FIXTURES = join(here, '__fixtures__');
const fixture = (name: string) => readSourceFile(join(FIXTURES, name), FIXTURES);

describe('readCorpusDir on the real corpus', () => {
  const files = readCorpusDir(CORPUS);

  it('reads all five documents, sorted by file name, with no warnings', () => {
    expect(files.map((f) => f.file)).toEqual([
      '000_01b1839852d7f5aa.txt',
      '001_1c21bd04d7b0840f.txt',
      '002_92903de88c140cbd.txt',
      '003_ecfe15411586faa7.txt',
      '004_fc5a463e6e1c56f6.txt',
    ]);
    for (const f of files) {
      expect(f.warnings).toEqual([]);
      expect(f.text).not.toBeNull();
    }
  });

  it('keeps the text exactly: accents, en dashes, curly quotes', () => {
    const [nato, , , eu, kosovo] = files;
    expect(nato!.text!.startsWith('= Albania–NATO relations =\n')).toBe(true);
    expect(nato!.text).toContain('==Kuçovë Air Base==');
    expect(eu!.text).toContain('Cluster 1 “Fundamentals”');
    expect(kosovo!.text).toContain('Albania’s 2026 budget');
    expect(kosovo!.text).not.toContain('\r');
  });
});

describe('readSourceFile on malformed fixtures', () => {
  it('skips an empty file', () => {
    const f = fixture('empty.txt');
    expect(f.text).toBeNull();
    expect(f.warnings).toEqual([expect.objectContaining({ file: 'empty.txt', line: 1, code: 'empty' })]);
  });

  it('skips a whitespace-only file', () => {
    const f = fixture('whitespace-only.txt');
    expect(f.text).toBeNull();
    expect(f.warnings[0]).toMatchObject({ file: 'whitespace-only.txt', code: 'empty' });
    expect(f.warnings[0]!.message).toMatch(/only whitespace/);
  });

  it('skips a binary file (NUL bytes), naming the line of the first NUL', () => {
    const f = fixture('binary.bin');
    expect(f.text).toBeNull();
    expect(f.warnings[0]).toMatchObject({ file: 'binary.bin', code: 'binary', line: 3 });
  });

  it('skips a file that is mostly control characters', () => {
    const f = fixture('control-chars.txt');
    expect(f.text).toBeNull();
    expect(f.warnings[0]).toMatchObject({ code: 'binary' });
  });

  it('skips Latin-1 text that is not UTF-8, with the line and byte of the first bad byte', () => {
    const f = fixture('latin1.txt');
    expect(f.text).toBeNull();
    expect(f.warnings[0]).toMatchObject({ file: 'latin1.txt', code: 'not-utf8', line: 3 });
    expect(f.warnings[0]!.message).toContain('0xe7');
  });

  it('strips the BOM, normalises CRLF and CR to LF, and NFC-normalises', () => {
    const f = fixture('bom-crlf.txt');
    expect(f.warnings).toEqual([]);
    expect(f.text).toBe('= Kuçovë Air Base =\n\nFirst line.\nSecond line.\nThird line.\n');
    // Decomposed "c + cedilla" became the single code point.
    expect(f.text!.includes('c\u0327')).toBe(false);
  });

  it('reports a missing file instead of throwing', () => {
    const f = readSourceFile(join(FIXTURES, 'does-not-exist.txt'), FIXTURES);
    expect(f.text).toBeNull();
    expect(f.warnings[0]).toMatchObject({ code: 'unreadable', file: 'does-not-exist.txt' });
  });

  it('names UTF-16 as the problem rather than "binary"', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x3d, 0x00, 0x20, 0x00]);
    expect(decodeSource('utf16.txt', bytes).warnings[0]).toMatchObject({ code: 'not-utf8' });
  });
});

describe('readCorpusDir filtering', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes regular files only, ignores dotfiles and folders, sorts by name, keeps skipped files', () => {
    writeFileSync(join(dir, 'b.txt'), '= B =\n');
    writeFileSync(join(dir, 'a.txt'), '= A =\n');
    writeFileSync(join(dir, 'C.txt'), '= C =\n');
    writeFileSync(join(dir, '.hidden.txt'), '= Hidden =\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'nested.txt'), '= Nested =\n');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));

    const files = readCorpusDir(dir);
    expect(files.map((f) => f.file)).toEqual(['C.txt', 'a.txt', 'b.txt', 'empty.txt', 'link.txt']);
    expect(files.find((f) => f.file === 'empty.txt')).toMatchObject({ text: null });
  });

  it('reports symbolic links, broken links and link loops by name instead of skipping them silently', () => {
    const links = mkdtempSync(join(tmpdir(), 'desk-links-'));
    writeFileSync(join(links, 'real.txt'), '= Real =\n\nText.\n');
    symlinkSync(join(links, 'real.txt'), join(links, 'link.txt'));
    symlinkSync(join(links, 'gone.txt'), join(links, 'broken.txt'));
    symlinkSync(join(links, 'loop-b.txt'), join(links, 'loop-a.txt'));
    symlinkSync(join(links, 'loop-a.txt'), join(links, 'loop-b.txt'));
    const files = readCorpusDir(links);
    rmSync(links, { recursive: true, force: true });
    const message = (f: string) => files.find((s) => s.file === f)?.warnings[0]?.message;
    expect(files.find((f) => f.file === 'real.txt')?.text).toContain('Text.');
    expect(files.filter((f) => f.text === null).map((f) => [f.file, f.warnings[0]?.code])).toEqual([
      ['broken.txt', 'symlink'],
      ['link.txt', 'symlink'],
      ['loop-a.txt', 'symlink'],
      ['loop-b.txt', 'symlink'],
    ]);
    expect(message('link.txt')).toMatch(/^link\.txt: is a symbolic link to .*real\.txt; links are not followed, copy the file into the corpus folder instead; file skipped\.$/);
    expect(message('broken.txt')).toMatch(/^broken\.txt: is a symbolic link to .*gone\.txt, which does not exist; file skipped\.$/);
    expect(message('loop-a.txt')).toMatch(/^loop-a\.txt: is a symbolic link that loops/);
  });

  it('throws a clear error when the directory itself is missing', () => {
    expect(() => readCorpusDir(join(dir, 'nope'))).toThrow(/Cannot read corpus directory/);
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts valid UTF-8 and finds overlong, truncated and surrogate sequences', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('Kuçovë – “ok” 😀'))).toBe(-1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xe2, 0x80]))).toBe(2); // truncated
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});
