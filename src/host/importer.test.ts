import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../shared/userDocuments';
import { listEntries } from '../ingest/userLibrary';
import { printPdf } from '../test/documents';
import { importFiles } from './importer';

let dir: string;
let libraryFile: string;
const NOTE = '# Chad notes\n\nAlbania and Chad established relations in 1971.\n';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-importer-'));
  libraryFile = path.join(dir, 'user-library.db');
  await printPdf('<h1>A slow report</h1><p>Paragraph about Kosovo.</p>', path.join(dir, 'report.pdf'));
  fs.writeFileSync(path.join(dir, 'chad.md'), NOTE);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('importFiles (worker thread)', () => {
  it('reports each stage of each file, then the report', async () => {
    const steps: ImportProgress[] = [];
    const reports = await importFiles({ libraryFile, files: [{ name: 'chad.md', path: path.join(dir, 'chad.md') }], onProgress: (p) => steps.push(p) });
    expect(reports).toMatchObject([{ status: 'added', slug: 'my-chad-notes' }]);
    expect([...new Set(steps.map((s) => s.stage))]).toEqual(['reading', 'extracting', 'indexing']);
    expect(steps.every((s) => s.index === 0 && s.file === 'chad.md')).toBe(true);
  }, 60_000);

  it('stops a file that takes longer than the time limit, adds nothing of it, and goes on with the next', async () => {
    fs.rmSync(libraryFile, { force: true });
    const reports = await importFiles({
      libraryFile,
      timeLimitMs: 30,
      files: [{ name: 'report.pdf', path: path.join(dir, 'report.pdf') }],
    });
    expect(reports).toEqual([{ file: 'report.pdf', status: 'refused', code: 'timeout', message: 'report.pdf: reading it took longer than 30 ms; it was stopped and nothing of it was added.' }]);
    const next = await importFiles({ libraryFile, files: [{ name: 'chad.md', bytes: Buffer.from(NOTE) }] });
    expect(next).toMatchObject([{ status: 'added' }]);
    expect(listEntries(libraryFile).map((e) => e.slug)).toEqual(['my-chad-notes']);
  }, 60_000);

  it('cancels: the file being read and those after it are not added', async () => {
    fs.rmSync(libraryFile, { force: true });
    const abort = new AbortController();
    const reports = await importFiles({
      libraryFile,
      files: [
        { name: 'report.pdf', path: path.join(dir, 'report.pdf') },
        { name: 'chad.md', path: path.join(dir, 'chad.md') },
      ],
      onProgress: (p) => {
        if (p.stage === 'reading') abort.abort();
      },
      signal: abort.signal,
    });
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      ['report.pdf', 'cancelled'],
      ['chad.md', 'cancelled'],
    ]);
    expect(reports[0]!.message).toBe('report.pdf: the import was cancelled before it was added; nothing of it was kept.');
    expect(listEntries(libraryFile)).toEqual([]);
  }, 60_000);
});
