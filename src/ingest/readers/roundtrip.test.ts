// Fidelity: each corpus document written out as a saved web page (Chromium's DOM after loading),
// as Markdown and as a Chromium-printed PDF, then read back, must give the same document: the
// same headings, the same paragraphs (a PDF's page breaks, running header and page numbers
// undone), the same tables and infobox, and none of the page's clutter.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../host/paths';
import type { ParsedDocument } from '../model';
import { parseDocument } from '../parse';
import { articleHtml, markdownOf, printableHtml, printPdf, savedByChromium } from '../../test/documents';
import { readDocumentBytes } from './index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-readers-'));
const corpus = fs.readdirSync(CORPUS_DIR).sort().map((f) => parseDocument(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'), f));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const headings = (d: ParsedDocument) => d.sections.map((s) => `${s.level} ${s.heading}`);
const paragraphs = (d: ParsedDocument) => d.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'paragraph' ? [`${b.number ? `${b.number}. ` : ''}${b.text}`] : [])));
const allText = (d: ParsedDocument) =>
  d.sections
    .flatMap((s) => [s.heading, ...s.blocks.map((b) => JSON.stringify(b))])
    .join('\n');
const tables = (d: ParsedDocument) => d.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? [`${b.header.join('|')}: ${b.rows.length}`] : [])));

describe('HTML saved by Chromium', () => {
  const read: { doc: ParsedDocument; back: ParsedDocument }[] = [];
  beforeAll(async () => {
    for (const doc of corpus) {
      const file = path.join(dir, `${doc.sourceFile}.html`);
      await savedByChromium(articleHtml(doc), file);
      read.push({ doc, back: (await readDocumentBytes(fs.readFileSync(file), path.basename(file))).doc });
    }
  }, 120_000);

  it('gives back the title, headings, paragraphs, tables and infobox of every corpus document', () => {
    for (const { doc, back } of read) {
      expect(back.format).toBe('html');
      expect(back.title).toBe(doc.title);
      expect(headings(back)).toEqual(headings(doc));
      expect(paragraphs(back)).toEqual(expect.arrayContaining(paragraphs(doc)));
      expect(tables(back)).toEqual(tables(doc));
      const infobox = doc.sections[0]!.blocks.find((b) => b.type === 'infobox');
      if (infobox) expect(back.sections[0]!.blocks.find((b) => b.type === 'infobox')).toMatchObject({ fields: infobox.type === 'infobox' ? infobox.fields : [] });
    }
  });

  it('drops scripts, styles, navigation, edit links and references', () => {
    for (const { back } of read) {
      const text = allText(back);
      for (const clutter of ['__ran', 'Main page', 'Jump to content', 'From Wikipedia', '[edit]', '[1]', 'must not be imported', 'last edited', 'For other uses', 'References']) {
        expect(text).not.toContain(clutter);
      }
    }
  });
});

describe('Markdown', () => {
  it('gives back the headings, paragraphs and tables of every corpus document', async () => {
    for (const doc of corpus) {
      const { doc: back, format } = await readDocumentBytes(Buffer.from(markdownOf(doc)), `${doc.sourceFile}.md`);
      expect(format).toBe('markdown');
      expect(back.title).toBe(doc.title);
      expect(headings(back)).toEqual(headings(doc));
      expect(paragraphs(back)).toEqual(expect.arrayContaining(paragraphs(doc)));
      expect(tables(back)).toEqual(tables(doc));
    }
  });
});

describe('PDF printed by Chromium', () => {
  const read: { doc: ParsedDocument; back: ParsedDocument }[] = [];
  beforeAll(async () => {
    for (const doc of corpus) {
      const file = path.join(dir, `${doc.sourceFile}.pdf`);
      await printPdf(printableHtml(doc), file, `${doc.title} — printed for a test`);
      read.push({ doc, back: (await readDocumentBytes(fs.readFileSync(file), path.basename(file))).doc });
    }
  }, 180_000);

  it('gives back the title and every heading at its level', () => {
    for (const { doc, back } of read) {
      expect(back.format).toBe('pdf');
      expect(back.title).toBe(doc.title);
      expect(headings(back)).toEqual(headings(doc));
    }
  });

  it('gives back the paragraphs whole, page breaks joined and numbered paragraphs numbered', () => {
    for (const { doc, back } of read) {
      const want = paragraphs(doc);
      const got = new Set(paragraphs(back));
      const exact = want.filter((p) => got.has(p));
      expect(exact.length / want.length, `${doc.title}: ${want.filter((p) => !got.has(p)).slice(0, 2).join(' /// ')}`).toBeGreaterThanOrEqual(0.95);
    }
    const partnership = read.find(({ doc }) => doc.title.startsWith('Security and Defence Partnership'))!;
    expect(paragraphs(partnership.back).filter((p) => /^\d+\. /.test(p)).length).toBe(paragraphs(partnership.doc).filter((p) => /^\d+\. /.test(p)).length);
  });

  it('drops the running header and the page numbers', () => {
    for (const { doc, back } of read) {
      const text = allText(back);
      expect(text).not.toContain('printed for a test');
      expect(text).not.toMatch(/Page \d+ of \d+/);
      expect(back.warnings.some((w) => w.code === 'running-lines-dropped'), doc.title).toBe(true);
    }
  });
});
