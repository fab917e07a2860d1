import { DOC_KIND_LABELS } from '../src/shared/types';
import { expect, expectLibrary, test } from './harness';

test('the library lists the five documents, grouped by kind, with the partners', async ({ page, library }) => {
  const docs = library.listDocuments();
  expect(docs).toHaveLength(5);
  await expectLibrary(page);

  const documents = page.getByRole('region', { name: 'Documents' });
  for (const doc of docs) {
    await expect(documents.getByRole('link', { name: new RegExp(`^${escape(doc.title)}`) })).toBeVisible();
  }
  await expect(documents.getByRole('link')).toHaveCount(5);
  for (const kind of new Set(docs.map((d) => d.kind))) {
    await expect(documents.getByRole('heading', { name: DOC_KIND_LABELS[kind] })).toBeVisible();
  }
  const partners = page.getByRole('region', { name: 'Partners' });
  await expect(partners.getByRole('link', { name: 'Kosovo', exact: true }).first()).toBeVisible();
});

test('a document opens with its table of contents', async ({ page, library }) => {
  const summary = library.listDocuments().find((d) => d.slug === 'albania-nato-relations') ?? library.listDocuments()[0]!;
  const doc = library.getDocument(summary.slug);
  await expectLibrary(page);
  await page.getByRole('link', { name: new RegExp(`^${escape(doc.title)}`) }).click();

  await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc).toBeVisible();
  const headed = doc.sections.filter((s) => s.level > 0);
  await expect(toc.getByRole('link')).toHaveCount(doc.sections.length);
  for (const s of headed.slice(0, 5)) {
    await expect(toc.getByRole('link', { name: s.heading, exact: true }).first()).toBeVisible();
  }
  // A TOC entry takes the reader to that section and gives it a URL.
  const target = headed[Math.min(2, headed.length - 1)]!;
  await toc.getByRole('link', { name: target.heading, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${summary.slug}/${encodeURIComponent(target.anchor)}`));
  await expect(page.getByRole('heading', { name: target.heading, exact: true }).first()).toBeInViewport();
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
