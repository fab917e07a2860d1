// `relations-desk add / remove / docs --mine` on a user-data folder of the test's own, with files
// the test makes: a corpus document as Markdown, as a saved web page and printed to PDF.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DocumentSummary, SearchResponse } from '../shared/types';
import type { ImportReport } from '../shared/userDocuments';
import { CORPUS_DIR } from '../host/paths';
import { parseDocument } from '../ingest/parse';
import { articleHtml, markdownOf, printableHtml, printPdf } from '../test/documents';
import { runCli } from './main';

let dir: string;
let userData: string;
const file = (name: string) => path.join(dir, name);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const mine = () => ['--db', inject('dbPath'), '--user-data', userData];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-cli-add-'));
  userData = path.join(dir, 'user data');
  const ukraine = fs.readdirSync(CORPUS_DIR).map((f) => parseDocument(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'), f)).find((d) => d.title === 'Albania–Ukraine relations')!;
  const renamed = { ...ukraine, title: 'Ukraine briefing notes' };
  fs.writeFileSync(file('ukraine.md'), markdownOf(renamed));
  fs.writeFileSync(file('ukraine.html'), articleHtml({ ...ukraine, title: 'Ukraine page' }));
  await printPdf(printableHtml({ ...ukraine, title: 'Ukraine report' }), file('ukraine.pdf'));
  fs.writeFileSync(file('memo.docx'), 'PK\u0003\u0004 a zipped Word file');
  fs.writeFileSync(file('empty.txt'), '');
  fs.writeFileSync(file('binary.txt'), Buffer.from([1, 0, 2, 0, 3]));
  fs.writeFileSync(file('latin1.md'), Buffer.from('Caf\xe9 society', 'latin1'));
  fs.writeFileSync(file('broken.pdf'), '%PDF-1.7\nnot a real PDF\n%%EOF');
  fs.writeFileSync(file('nothing.html'), '<html><body><script>alert(1)</script><nav>Home</nav></body></html>');
  fs.closeSync(fs.openSync(file('huge.pdf'), 'w'));
  fs.truncateSync(file('huge.pdf'), 51 * 1024 * 1024);
  fs.mkdirSync(file('folder.md'));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('relations-desk add, docs --mine, remove', () => {
  it('adds a PDF, a web page and a Markdown file, with a report for each', async () => {
    const r = await run('add', file('ukraine.md'), file('ukraine.html'), file('ukraine.pdf'), '--json', ...mine());
    expect(r.code, r.err).toBe(0);
    const reports = JSON.parse(r.out) as ImportReport[];
    expect(reports.map((x) => [x.status, x.format, x.title])).toEqual([
      ['added', 'markdown', 'Ukraine briefing notes'],
      ['added', 'html', 'Ukraine page'],
      ['added', 'pdf', 'Ukraine report'],
    ]);
    expect(reports[2]!.lost!.droppedLines).toBeGreaterThan(0);
    expect(reports.every((x) => x.counts!.passages > 0 && x.counts!.events > 0)).toBe(true);

    const text = await run('add', file('ukraine.md'), ...mine());
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Unchanged {2}ukraine\.md is already in your library, unchanged since \d{4}-\d{2}-\d{2}\. {2}\[my-ukraine-briefing-notes\]$/);
  }, 120_000);

  it('lists only the added documents with docs --mine, and searches them with the bundled library', async () => {
    const r = await run('docs', '--mine', '--json', ...mine());
    const docs = JSON.parse(r.out) as DocumentSummary[];
    expect(docs.map((d) => [d.slug, d.added!.sourcePath])).toEqual([
      ['my-ukraine-briefing-notes', file('ukraine.md')],
      ['my-ukraine-page', file('ukraine.html')],
      ['my-ukraine-report', file('ukraine.pdf')],
    ]);
    const table = await run('docs', '--mine', ...mine());
    expect(table.out).toMatch(/my-ukraine-report\s+Ukraine report\s+PDF\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+.*ukraine\.pdf/);

    const found = JSON.parse((await run('search', 'Zelenskyy', '--json', '--limit', '50', ...mine())).out) as SearchResponse;
    const slugs = new Set(found.results.map((h) => h.docSlug));
    for (const s of ['my-ukraine-briefing-notes', 'my-ukraine-page', 'my-ukraine-report', 'albania-ukraine-relations']) expect(slugs).toContain(s);
    // Without --user-data, --db means that library alone.
    const bundled = JSON.parse((await run('search', 'Zelenskyy', '--json', '--limit', '50', '--db', inject('dbPath'))).out) as SearchResponse;
    expect(bundled.results.every((h) => !h.docSlug.startsWith('my-'))).toBe(true);
  });

  it('removes a document, and refuses an unknown slug', async () => {
    const r = await run('remove', 'my-ukraine-page', ...mine());
    expect(r).toMatchObject({ code: 0, out: 'Removed "Ukraine page" [my-ukraine-page] from your documents.' });
    const again = await run('remove', 'my-ukraine-page', ...mine());
    expect(again).toMatchObject({ code: 1, err: 'relations-desk: No document "my-ukraine-page" among the documents you added.' });
    const docs = JSON.parse((await run('docs', '--mine', '--json', ...mine())).out) as DocumentSummary[];
    expect(docs.map((d) => d.slug)).toEqual(['my-ukraine-briefing-notes', 'my-ukraine-report']);
  });

  it('refuses every kind of bad file with its name and the reason, and adds nothing', async () => {
    const bad = ['memo.docx', 'empty.txt', 'binary.txt', 'latin1.md', 'broken.pdf', 'nothing.html', 'huge.pdf', 'folder.md', 'missing.pdf'];
    const r = await run('add', ...bad.map(file), ...mine());
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines).toEqual([
      'relations-desk: memo.docx: ".docx" files are not a kind Relations Desk reads (it reads PDF, HTML, Markdown and plain text)',
      'relations-desk: empty.txt: the file is empty',
      'relations-desk: binary.txt: binary content (NUL byte at offset 1)',
      expect.stringMatching(/^relations-desk: latin1\.md: not valid UTF-8 \(first invalid byte 0xe9 at offset 3\); re-save it as UTF-8$/),
      expect.stringMatching(/^relations-desk: broken\.pdf: the PDF is damaged or not a PDF/),
      'relations-desk: nothing.html: nothing readable was found in it',
      'relations-desk: huge.pdf: 51 MB is more than the 50 MB a document may have',
      'relations-desk: folder.md: it is not a file',
      'relations-desk: missing.pdf: the file does not exist',
    ]);
    expect(r.out).toContain('0 of 9 file(s) in your library; 9 refused.');
    const docs = JSON.parse((await run('docs', '--mine', '--json', ...mine())).out) as DocumentSummary[];
    expect(docs).toHaveLength(2);
  }, 60_000);

  it('says how to use add and remove when they are given nothing', async () => {
    expect(await run('add', ...mine())).toMatchObject({ code: 2, err: expect.stringContaining('Expected: relations-desk add FILE… (one or more files)') });
    expect(await run('remove', ...mine())).toMatchObject({ code: 2, err: expect.stringContaining('Expected: relations-desk remove <slug>') });
    expect(await run('remove', 'x', '--db', inject('dbPath'))).toMatchObject({ code: 2, err: expect.stringContaining('give --user-data DIR along with --db') });
  });
});
