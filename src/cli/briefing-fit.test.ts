// A sheet whose entries run long (many conflicting, long-quoted facts, as in a big synthetic
// library) is shortened to fit three pages, says so, and still cites every quote it keeps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperSize } from '../shared/types';
import { generateCorpus, writeCorpus } from '../../scripts/synth-corpus';
import { buildDatabase } from '../ingest/build';
import { ensureAppBuild } from '../host/appBuild';
import { findChromium } from '../host/browsers';
import { readPdf, type Pdf } from './briefingPdfReader';
import { runCli } from './main';

const dir = mkdtempSync(join(tmpdir(), 'relations-desk-briefing-fit-'));
const db = join(dir, 'synth.db');
const pdfs = new Map<PaperSize, Pdf>();

beforeAll(async () => {
  if (!findChromium()) throw new Error('These tests need a Chromium: set CHROMIUM_PATH or install chromium. They never skip.');
  ensureAppBuild((l) => process.stderr.write(`${l}\n`));
  // 300 documents, seed 3: NATO's sheet at the service's caps runs onto a fourth page.
  writeCorpus(join(dir, 'corpus'), generateCorpus({ docs: 300, seed: 3 }));
  buildDatabase({ corpusDir: join(dir, 'corpus'), outFile: db, builtAt: '2026-01-01T00:00:00.000Z' });
  for (const paper of ['a4', 'letter'] as const) {
    const out = join(dir, `nato-${paper}.pdf`);
    const err: string[] = [];
    const code = await runCli(['briefing', 'NATO', '--out', out, '--paper', paper, '--db', db], { out: () => {}, err: (t) => err.push(t) });
    expect(code, err.join('\n')).toBe(0);
    pdfs.set(paper, readPdf(out));
  }
}, 300_000);

afterAll(() => (process.env.KEEP_FIT ? undefined : rmSync(dir, { recursive: true, force: true })));

describe('a long briefing sheet, shortened to fit', () => {
  it('prints on at most 3 pages of either paper, and says what it left off', () => {
    for (const [paper, pdf] of pdfs) {
      expect(pdf.pages, paper).toBeLessThanOrEqual(3);
      expect(pdf.text.join(' '), paper).toMatch(/Shortened to fit 3 pages: \d+ less important (?:entry|entries) left off\. The comparison view shows every entry\./);
    }
  });

  it('lists exactly the sources its quotes cite, numbered 1 to n', () => {
    for (const [paper, pdf] of pdfs) {
      const text = pdf.text.join(' ');
      const sources = text.slice(text.lastIndexOf('SOURCES') >= 0 ? text.lastIndexOf('SOURCES') : text.lastIndexOf('Sources'));
      const listed = [...sources.matchAll(/(?:^|\s)(\d+)\.\s/g)].map((m) => Number(m[1]));
      const body = text.slice(0, text.length - sources.length);
      // "[9, 10, 11, 12 and 1 more source]": the count's words may be read out of order from a table cell.
      const cited = new Set([...body.matchAll(/\[(\d+(?:, \d+)*)(?=\]| and \d+ more)/g)].flatMap((m) => m[1]!.split(',').map((x) => Number(x.trim()))));
      const n = Math.max(...listed);
      expect(new Set(listed), paper).toEqual(new Set(Array.from({ length: n }, (_, i) => i + 1)));
      expect(cited, paper).toEqual(new Set(listed));
    }
  });
});
