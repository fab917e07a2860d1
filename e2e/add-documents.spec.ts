// Adding your own documents (issue 18), through the interface: a PDF by "Add documents…", a saved
// web page and a Markdown file dropped on the window; progress is shown per file, each is found
// by search (and by the "Your documents" filter), opens in the reader with where it came from,
// appears in compare and on the timeline, and is removed again. The files are made here from
// the corpus itself: printed to PDF and saved as a web page by Chromium, written out as Markdown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CORPUS_DIR } from '../src/host/paths';
import { parseDocument } from '../src/ingest/parse';
import { articleHtml, markdownOf, printableHtml, printPdf } from '../src/test/documents';
import { expect, goto, test } from './harness';

test.slow();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-add-'));
const shots = process.env.RELATIONS_DESK_SHOTS;
const EVENT = 'On 14 March 2031 Albania and Ukraine opened a joint consulate in Odesa.';

test.beforeAll(async () => {
  const ukraine = fs.readdirSync(CORPUS_DIR).map((f) => parseDocument(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'), f)).find((d) => d.title === 'Albania–Ukraine relations')!;
  await printPdf(printableHtml({ ...ukraine, title: 'Ukraine desk report' }), path.join(dir, 'ukraine-report.pdf'), 'Ukraine desk report — internal');
  fs.writeFileSync(path.join(dir, 'ukraine-page.html'), articleHtml({ ...ukraine, title: 'Ukraine saved page' }));
  fs.writeFileSync(path.join(dir, 'ukraine-notes.md'), `${markdownOf({ ...ukraine, title: 'Ukraine desk notes' })}\n## Consulate\n\n${EVENT}\n`);
});
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Drops files on the window as a file manager would. */
async function drop(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), type: f.endsWith('.html') ? 'text/html' : 'text/markdown', base64: fs.readFileSync(f).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, payload);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop to add to')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

test('add a PDF, a web page and a Markdown file; find, read, compare, see them on the timeline; remove them', async ({ launcher }) => {
  const app = await launcher.start(); // a private server and user-data folder: this test changes the library
  const { page } = app;
  await goto(app, '#/');
  const mine = page.getByTestId('your-documents');
  await expect(mine.getByText(/Add your own PDFs/)).toBeVisible();

  // "Add documents…": the file picker, then a progress bar while the PDF is read.
  const chooser = page.waitForEvent('filechooser');
  await mine.getByRole('button', { name: 'Add documents…' }).click();
  await (await chooser).setFiles(path.join(dir, 'ukraine-report.pdf'));
  const panel = page.getByTestId('import-panel');
  await expect(panel.getByRole('heading', { name: 'Adding 1 file…' })).toBeVisible();
  await expect(panel.getByTestId('import-stage')).toHaveText(/^(Reading|Extracting text|Indexing)/);
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await shot(page, 'import-progress');
  await expect(panel.getByTestId('import-result')).toHaveText(/^Added: Ukraine desk report \(PDF\)/, { timeout: 60_000 });
  await expect(panel.getByText(/Left out: \d+ running headers, footers and page numbers/)).toBeVisible();

  // Two files dropped on the window.
  await drop(page, [path.join(dir, 'ukraine-page.html'), path.join(dir, 'ukraine-notes.md')]);
  await expect(panel.getByTestId('import-result')).toHaveCount(3, { timeout: 60_000 });
  await expect(panel.getByTestId('import-result').nth(1)).toHaveText(/^Added: Ukraine saved page \(Web page\)/);
  await expect(panel.getByTestId('import-result').nth(2)).toHaveText(/^Added: Ukraine desk notes \(Markdown\)/);
  await shot(page, 'import-report');
  await panel.getByRole('button', { name: 'Close the list of added files' }).click();

  // "Your documents" on the library screen.
  for (const title of ['Ukraine desk report', 'Ukraine saved page', 'Ukraine desk notes']) await expect(mine.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await shot(page, 'your-documents');

  // Search: one list with the bundled library, and the "Your documents" filter.
  await goto(app, '#/search?q=Zelenskyy');
  const results = page.locator('main');
  for (const title of ['Albania–Ukraine relations', 'Ukraine desk report', 'Ukraine saved page', 'Ukraine desk notes']) {
    await expect(results.getByRole('heading', { name: title })).toBeVisible();
  }
  await page.getByLabel('Document').selectOption({ label: 'Your documents' });
  await expect(results.getByRole('heading', { name: 'Albania–Ukraine relations' })).toHaveCount(0);
  await expect(results.getByRole('heading', { name: 'Ukraine desk notes' })).toBeVisible();
  await shot(page, 'search-mine');

  // The reader: the document, where it came from and when.
  await goto(app, '#/doc/my-ukraine-desk-report');
  await expect(page.getByRole('heading', { level: 1, name: 'Ukraine desk report' })).toBeVisible();
  await expect(page.getByTestId('added-source')).toContainText(/PDF from .*ukraine-report\.pdf, added \d{1,2} \w+ \d{4}/);
  await expect(page.getByRole('heading', { name: 'Opposition to Russian activity' })).toBeVisible();
  await shot(page, 'reader-added');

  // Compare and the timeline.
  await goto(app, '#/compare?p=ukraine,kosovo&mode=grid');
  await expect(page.locator('a[href^="#/doc/my-ukraine-"]').first()).toBeAttached();
  await goto(app, '#/timeline?view=list&lanes=ukraine&other=0&win=2030-01-01~2032-12-31');
  await expect(page.getByText(/joint consulate in Odesa/).first()).toBeVisible();
  await shot(page, 'timeline-added');

  // Remove each, from the reader.
  for (const slug of ['my-ukraine-desk-report', 'my-ukraine-saved-page', 'my-ukraine-desk-notes']) {
    await goto(app, `#/doc/${slug}`);
    await page.getByRole('button', { name: 'Remove from your documents…' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page).toHaveURL(/#\/$/);
  }
  await expect(mine.getByText(/Add your own PDFs/)).toBeVisible();
  const after = await (await page.request.post(`${app.origin}/api/search`, { data: { query: 'Zelenskyy', mine: true } })).json();
  expect(after).toMatchObject({ ok: true, value: { total: 0 } });

});

test('a file of another kind is refused with its name and the reason; nothing else is affected', async ({ launcher }) => {
  const app = await launcher.start();
  const { page } = app;
  await goto(app, '#/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('your-documents').getByRole('button', { name: 'Add documents…' }).click();
  await (await chooser).setFiles({ name: 'minutes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not a document Relations Desk reads') });
  await expect(page.getByTestId('import-result')).toHaveText('Not added: minutes.docx: ".docx" files are not a kind Relations Desk reads (it reads PDF, HTML, Markdown and plain text)');
  await expect(page.getByTestId('your-documents').getByText(/Add your own PDFs/)).toBeVisible();

});
