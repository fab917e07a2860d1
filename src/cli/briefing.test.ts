// The briefing PDF, end to end: the CLI renders real sheets through headless Chromium, and the
// PDFs are read back with poppler (pdfinfo, pdftotext, pdftoppm) as a reader would see them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BriefingSheet, PaperSize } from '../shared/types';
import { buildBriefing, FOOTER_NOTE, PDF_MARGINS } from '../services/briefing';
import { Library } from '../services/library';
import { ensureAppBuild } from '../host/appBuild';
import { findChromium } from '../host/browsers';
import { runCli } from './main';

const MM = 72 / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'relations-desk-briefing-'));
const norm = (s: string) => s.replace(/[\u00ad]/g, '').replace(/\s+/g, ' ').trim();
/** Text compared without spaces and hyphens: a line may wrap anywhere, and pdftotext joins "history--" + "independence" with one hyphen. */
const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, '');
const has = (text: string, s: string) => squash(text).includes(squash(s));
/** A row of a table: its cells on one line of `pdftotext -layout`. */
const row = (pdf: Pdf, re: RegExp) => pdf.layout.some((p) => p.split('\n').some((l) => re.test(l)));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', inject('dbPath')], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Pdf {
  file: string;
  pages: number;
  width: number;
  height: number;
  /** pdftotext -layout, one string per page. */
  layout: string[];
  /** pdftotext (reading order), one string per page, whitespace normalised. */
  text: string[];
  words: { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string }[];
}

function readPdf(file: string): Pdf {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  const page = (i: number, layout: boolean) =>
    execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(i), '-l', String(i), file, '-'], { encoding: 'utf8' });
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: Pdf['words'] = [];
  html.split(/<page /).slice(1).forEach((chunk, p) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: p + 1, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
    }
  });
  const n = Array.from({ length: pages }, (_, i) => i + 1);
  return { file, pages, width: +w!, height: +h!, layout: n.map((i) => page(i, true)), text: n.map((i) => norm(page(i, false))), words };
}

const made = new Map<string, { pdf: Pdf; sheet: BriefingSheet; millis: number; stdout: string }>();

beforeAll(async () => {
  if (!findChromium()) throw new Error('These tests need a Chromium: set CHROMIUM_PATH or install chromium. They never skip.');
  ensureAppBuild((l) => process.stderr.write(`${l}\n`));
  const lib = Library.open(inject('dbPath'));
  try {
    for (const [partner, paper] of [['Kosovo', 'a4'], ['Kosovo', 'letter'], ['NATO', 'a4'], ['NATO', 'letter']] as [string, PaperSize][]) {
      const file = join(dir, `${partner}-${paper}.pdf`);
      const t0 = performance.now();
      const r = await cli('briefing', partner, '--out', file, '--paper', paper);
      expect(r.code, r.err).toBe(0);
      made.set(`${partner}-${paper}`, { pdf: readPdf(file), sheet: buildBriefing(lib, { partners: [partner] }), millis: performance.now() - t0, stdout: r.out });
    }
  } finally {
    lib.close();
  }
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const all = () => [...made.entries()];
const whole = (k: string) => made.get(k)!.pdf.text.join(' ');

describe('relations-desk briefing → PDF', () => {
  it('prints the output path, the pages and the time taken', () => {
    const { stdout, pdf } = made.get('Kosovo-a4')!;
    expect(stdout).toContain(pdf.file);
    expect(stdout).toMatch(new RegExp(`Albania–Kosovo: briefing · ${pdf.pages} pages? · A4 · \\d+\\.\\d s`));
  });

  it('has 1–3 pages of the paper asked for', () => {
    for (const [key, { pdf }] of all()) {
      expect(pdf.pages, key).toBeGreaterThanOrEqual(1);
      expect(pdf.pages, key).toBeLessThanOrEqual(3);
      if (key.endsWith('a4')) expect([Math.round(pdf.width), Math.round(pdf.height)], key).toEqual([595, 842]);
      else expect([Math.round(pdf.width), Math.round(pdf.height)], key).toEqual([612, 792]);
    }
  });

  it('states Kosovo’s facts and quotes with their sources', () => {
    for (const key of ['Kosovo-a4', 'Kosovo-letter']) {
      const { pdf } = made.get(key)!;
      const t = whole(key);
      expect(t).toContain('Albania–Kosovo: briefing');
      // One fact, once, citing both sources (issue 13): the table row and "established the following day".
      expect(row(pdf, /Relations established\s+18 February 2008\s+“Formal Relations Began: 18 February 2008”\s+\[1, 2\]/), key).toBe(true);
      expect(row(pdf, /Relations established\s+18 February 2008\s+“Diplomatic relations were established the following day\.”/), key).toBe(false);
      // Every statement of the embassy is cited: "[4, 5]" (issue 13).
      expect(row(pdf, /Albania in Kosovo\s+—\s+“Albania has an embassy in Prishtina\.”\s+\[\d+(?:, \d+)+\]/), key).toBe(true);
      expect(row(pdf, /Kosovo in Albania\s+—\s+“Kosovo has an embassy in Tirana\.”/), key).toBe(true);
      expect(row(pdf, /Ambassador of Albania\s+—\s+“Qemal Minxhozi”/), key).toBe(true);
      // Passages quoted with their place, and the numbered sources with document, section and anchor.
      expect(has(t, '“As a full member of the North Atlantic Treaty Organization (NATO), Albania supports Kosovo in its NATO-integration path.” Albania–Kosovo relations, introduction [5]')).toBe(true);
      expect(has(t, '2. Albania–Kosovo relations › History › Independence #history--independence')).toBe(true);
      expect(has(t, 'Albania–Kosovo relations › Resident diplomatic missions #resident-diplomatic-missions')).toBe(true);
    }
  });

  it('states NATO’s membership, Partnership for Peace and representatives with their sources', () => {
    for (const key of ['NATO-a4', 'NATO-letter']) {
      const { pdf } = made.get(key)!;
      const t = whole(key);
      expect(t).toContain('Albania–NATO: briefing');
      expect(row(pdf, /Member of NATO\s+1 April 2009\s+“The country received an invitation to join at the/), key).toBe(true);
      expect(has(t, 'Sources differ: Another source gives May 2009 for Member of NATO.')).toBe(true);
      expect(has(t, '“The country received an invitation to join at the 2008 Bucharest Summit and became a full member on April 1, 2009.”')).toBe(true);
      expect(row(pdf, /Partnership for Peace\s+23 February 1994\s+“Albania signed the Partnership for Peace agreement/), key).toBe(true);
      for (const name of ['Visho Ajazi', 'Leonard Demi', 'Artur Kuko']) expect(row(pdf, new RegExp(`Representative of Albania\\s+.*“${name} — `)), name).toBe(true);
      expect(has(t, 'Albania–NATO relations › Representatives #representatives')).toBe(true);
      expect(has(t, 'Albania–NATO relations › Partnership for Peace #partnership-for-peace')).toBe(true);
    }
  });

  it('numbers every page “page N of M” and prints the running header and footer on each', () => {
    for (const [key, { pdf, sheet }] of all()) {
      pdf.layout.forEach((page, i) => {
        const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
        expect(lines[0], `${key} p${i + 1} header`).toMatch(new RegExp(`^${sheet.title}\\s+Relations Desk$`));
        const last = norm(lines.at(-1)!);
        expect(last, `${key} p${i + 1} footer`).toBe(`page ${i + 1} of ${pdf.pages} ${FOOTER_NOTE} · ${sheet.corpus.label}`);
      });
    }
  });

  it('keeps every word inside the page’s printable area: body within the margins, header and footer in theirs', () => {
    for (const [key, { pdf }] of all()) {
      const [top, bottom, side] = [parseFloat(PDF_MARGINS.top) * MM, parseFloat(PDF_MARGINS.bottom) * MM, parseFloat(PDF_MARGINS.left) * MM];
      const tol = 1.5;
      for (const w of pdf.words) {
        const where = `${key} p${w.page} “${w.text}” at ${w.xMin.toFixed(0)},${w.yMin.toFixed(0)}–${w.xMax.toFixed(0)},${w.yMax.toFixed(0)}`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(side - tol);
        expect(w.xMax, where).toBeLessThanOrEqual(pdf.width - side + tol);
        expect(w.yMin, where).toBeGreaterThanOrEqual(3 * MM);
        expect(w.yMax, where).toBeLessThanOrEqual(pdf.height - 3 * MM);
        const inHeader = w.yMax <= top + tol;
        const inFooter = w.yMin >= pdf.height - bottom - tol;
        // Body text never runs into the margins (that is where a line would be cut).
        if (!inHeader && !inFooter) {
          expect(w.yMin, where).toBeGreaterThanOrEqual(top - tol);
          expect(w.yMax, where).toBeLessThanOrEqual(pdf.height - bottom + tol);
        }
      }
    }
  });

  it('never splits a table row, a quote or a heading from its text across pages', () => {
    for (const [key, { pdf, sheet }] of all()) {
      const pid = sheet.partners[0]!.id;
      const quoted = [...sheet.facts.flatMap((r) => r.cells[pid] ?? []), ...sheet.facets.flatMap((r) => r.cells[pid] ?? [])].map((i) => `“${norm(i.text)}”`);
      const events = (sheet.timeline[pid] ?? []).map((i) => norm(i.text));
      for (const t of [...quoted, ...events]) {
        expect(pdf.text.some((p) => has(p, t)), `${key}: “${t.slice(0, 60)}…” is whole on one page`).toBe(true);
      }
      // A heading is never the last line of a page's body.
      pdf.layout.forEach((page, i) => {
        const body = page.split('\n').map((l) => l.trim()).filter(Boolean).slice(1, -1);
        const last = body.at(-1) ?? '';
        const headings = ['KEY FACTS', 'TIMELINE', 'KEY PASSAGES', 'SOURCES', ...sheet.facets.map((f) => f.label)];
        expect(headings.includes(last), `${key} p${i + 1} ends with the heading “${last}”`).toBe(false);
      });
    }
  });

  it('renders every page to an image (pdftoppm -r 50)', () => {
    for (const [key, { pdf }] of all()) {
      const prefix = join(dir, `png-${key}`);
      execFileSync('pdftoppm', ['-r', '50', '-png', pdf.file, prefix]);
      const pngs = readdirSync(dir).filter((f) => f.startsWith(`png-${key}-`) && f.endsWith('.png'));
      expect(pngs, key).toHaveLength(pdf.pages);
      for (const png of pngs) expect(statSync(join(dir, png)).size, png).toBeGreaterThan(8_000);
    }
  });
});

describe('relations-desk briefing: errors', () => {
  it('names the closest partners for an unknown one (exit 1)', async () => {
    const r = await cli('briefing', 'Kosvo', '--out', join(dir, 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No partner "Kosvo".*Did you mean: Kosovo/);
  });

  it('refuses an output path it cannot write (exit 1)', async () => {
    const r = await cli('briefing', 'Kosovo', '--out', join(dir, 'no-such-folder', 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Cannot write .*no-such-folder.*does not exist/);
    const d = await cli('briefing', 'Kosovo', '--out', dir);
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/it is a folder/);
  });

  it('says clearly when there is no Chromium (exit 1)', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, 'no-chromium-here');
    try {
      const r = await cli('briefing', 'Kosovo', '--out', join(dir, 'y.pdf'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/No Chromium found.*CHROMIUM_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('treats a missing --out, a bad paper or too many partners as usage errors (exit 2)', async () => {
    expect((await cli('briefing', 'Kosovo')).code).toBe(2);
    const paper = await cli('briefing', 'Kosovo', '--out', join(dir, 'z.pdf'), '--paper', 'A3');
    expect(paper.code).toBe(2);
    expect(paper.err).toMatch(/--paper must be a4 or letter/);
    expect((await cli('briefing', 'Kosovo', '--compare', 'NATO,EU,Greece,Italy', '--out', join(dir, 'z.pdf'))).code).toBe(2);
    expect((await cli('briefing', '--out', join(dir, 'z.pdf'))).code).toBe(2);
  });
});
