// The briefing PDF, end to end: the CLI renders real sheets through headless Chromium, and the
// PDFs are read back with poppler (pdfinfo, pdftotext, pdftoppm) as a reader would see them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BriefingSheet, PaperSize } from '../shared/types';
import { buildBriefing, FOOTER_NOTE, PDF_MARGINS } from '../services/briefing';
import { Library } from '../services/library';
import { ensureAppBuild } from '../host/appBuild';
import { findChromium } from '../host/browsers';
import { has, norm, readPdf, tableRows, type Pdf } from './briefingPdfReader';
import { runCli } from './main';
import { formatIso } from '../shared/dates';

const MM = 72 / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'relations-desk-briefing-'));
/** The sheet's body, between the running header and footer. */
const body = (pdf: Pdf) => [parseFloat(PDF_MARGINS.top) * MM - 1.5, pdf.height - parseFloat(PDF_MARGINS.bottom) * MM + 1.5] as const;
/**
 * A row of the key-facts table: the fact, its date and its quote in the same row, however its
 * cells wrap (what a reader relies on; the line breaks are the fonts' business).
 */
const factRow = (pdf: Pdf, fact: string | RegExp, date: string | RegExp, quote: string | RegExp) =>
  tableRows(pdf, ['Fact', 'Date', 'In the source’s words'], ...body(pdf)).some(
    ([f, d, q]) =>
      (typeof fact === 'string' ? f === fact : fact.test(f!)) &&
      (typeof date === 'string' ? d!.startsWith(date) : date.test(d!)) &&
      (typeof quote === 'string' ? has(q!, quote) : quote.test(q!)),
  );
/** The faces the renderer bundles (src/renderer/src/styles/fonts.css), as a PDF names them. */
const BUNDLED_FONT = /^(SourceSerif4|SourceSans3|SourceCodePro|NotoSansMath)/;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', inject('dbPath')], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
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
      expect(factRow(pdf, 'Relations established', '18 February 2008', '“Formal Relations Began: 18 February 2008” [1, 2]'), key).toBe(true);
      expect(factRow(pdf, 'Relations established', '18 February 2008', '“Diplomatic relations were established the following day.”'), key).toBe(false);
      // Every statement of the embassy is cited: "[4, 5]" (issue 13).
      expect(factRow(pdf, 'Albania in Kosovo', '—', /^“Albania has an embassy in Prishtina\.” \[\d+(?:, \d+)+\]$/), key).toBe(true);
      expect(factRow(pdf, 'Kosovo in Albania', '—', '“Kosovo has an embassy in Tirana.”'), key).toBe(true);
      expect(factRow(pdf, 'Ambassador of Albania', '—', '“Qemal Minxhozi”'), key).toBe(true);
      // Passages quoted with their place, and the numbered sources with document, section and anchor.
      expect(has(t, '“As a full member of the North Atlantic Treaty Organization (NATO), Albania supports Kosovo in its NATO-integration path.” Albania–Kosovo relations, introduction [5]')).toBe(true);
      expect(has(t, '2. Albania–Kosovo relations › History › Independence')).toBe(true);
      expect(has(t, 'Albania–Kosovo relations › Resident diplomatic missions')).toBe(true);
      // A person's section path, never the raw anchor.
      expect(t).not.toMatch(/#[a-z0-9]+(?:-[a-z0-9]+)+/);
    }
  });

  it('states NATO’s membership, Partnership for Peace and representatives with their sources', () => {
    for (const key of ['NATO-a4', 'NATO-letter']) {
      const { pdf } = made.get(key)!;
      const t = whole(key);
      expect(t).toContain('Albania–NATO: briefing');
      expect(factRow(pdf, 'Member of NATO', '1 April 2009', '“The country received an invitation to join at the 2008 Bucharest Summit'), key).toBe(true);
      expect(has(t, 'Sources differ: Another source gives May 2009 for Member of NATO.')).toBe(true);
      expect(has(t, '“The country received an invitation to join at the 2008 Bucharest Summit and became a full member on April 1, 2009.”')).toBe(true);
      expect(factRow(pdf, 'Partnership for Peace', '23 February 1994', '“Albania signed the Partnership for Peace agreement 23 February 1994.”'), key).toBe(true);
      for (const name of ['Visho Ajazi', 'Leonard Demi', 'Artur Kuko']) expect(factRow(pdf, /^Representative of Albania\b/, /\d{4}/, `“${name} — `), name).toBe(true);
      expect(has(t, 'Albania–NATO relations › Representatives')).toBe(true);
      expect(has(t, 'Albania–NATO relations › Partnership for Peace')).toBe(true);
    }
  });

  it('sets the sheet in the app’s bundled faces, embedded in the PDF, never in the machine’s fonts', () => {
    for (const [key, { pdf }] of all()) {
      const embedded = execFileSync('pdffonts', [pdf.file], { encoding: 'utf8' });
      // Static TrueType faces, named (a variable font would be embedded as nameless Type 3 glyphs).
      expect(embedded, key).toMatch(/\+SourceSerif4-Bold\s+CID TrueType\s/);
      expect(embedded, key).toMatch(/\+SourceSans3\S*-Regular\s+CID TrueType\s/);
      expect(embedded, key).not.toMatch(/Type 3/);
      // Every run of the body's text; the running header and footer are Chromium's templates,
      // which cannot load a font (src/services/briefing.ts), so they are left out.
      const [top, bottom] = body(pdf);
      const foreign = pdf.runs.filter((r) => r.top >= top && r.bottom <= bottom && !BUNDLED_FONT.test(r.font));
      expect(foreign.map((r) => `p${r.page} ${r.font}: ${r.text}`), key).toEqual([]);
      expect(pdf.runs.filter((r) => r.top >= top && r.bottom <= bottom).length, key).toBeGreaterThan(50);
    }
  });

  it('numbers every page “page N of M” and prints the running header and footer on each', () => {
    for (const [key, { pdf, sheet }] of all()) {
      pdf.layout.forEach((page, i) => {
        const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
        expect(lines[0], `${key} p${i + 1} header`).toMatch(new RegExp(`^${sheet.title} · ${formatIso(sheet.date)}\\s+Relations Desk$`));
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
          // A word's box starts at its font's ascent, which in the bundled Source faces stands
          // well above the capitals: a heading first on a page has the top tenth of its box in
          // the margin with no ink there.
          expect(w.yMin, where).toBeGreaterThanOrEqual(top - tol - 0.1 * (w.yMax - w.yMin));
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

  it('lays the sheet out word for word the same when the machine’s fonts are different ones', async () => {
    // Another machine, without installing anything: a fontconfig that answers every font request
    // Chromium makes with DejaVu Sans Mono (in fonts-dejavu-core, as DejaVu Sans is), whose
    // letters are far wider.
    // With the app's stacks falling through to system fonts, this changed where lines broke.
    const conf = join(dir, 'other-fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><cachedir>${join(dir, 'fc-cache')}</cachedir>
<match target="pattern"><edit name="family" mode="prepend" binding="strong"><string>DejaVu Sans Mono</string></edit></match>
</fontconfig>`,
    );
    const file = join(dir, 'Kosovo-a4-other-fonts.pdf');
    const saved = process.env.FONTCONFIG_FILE;
    process.env.FONTCONFIG_FILE = conf;
    try {
      const r = await cli('briefing', 'Kosovo', '--out', file);
      expect(r.code, r.err).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = saved;
    }
    const other = readPdf(file);
    // The machine's fonts really were different: the running header, which cannot use the app's faces, shows it.
    expect(other.runs.map((r) => r.font)).toContain('DejaVuSansMono');
    const { pdf } = made.get('Kosovo-a4')!;
    const [top, bottom] = body(pdf);
    // Every word of the body but the "Prepared <today> · …" line (two renders may straddle midnight).
    const words = (p: Pdf) => {
      const prepared = p.words.find((w) => w.text === 'Prepared')!;
      return p.words
        .filter((w) => w.yMin >= top && w.yMax <= bottom && !(w.page === prepared.page && Math.abs(w.yMin - prepared.yMin) < 1))
        .map((w) => `p${w.page} ${w.xMin.toFixed(1)},${w.yMin.toFixed(1)} ${w.text}`)
        .sort(); // positions are what a reader sees; the order runs are written in may differ
    };
    expect(other.pages).toBe(pdf.pages);
    expect(words(other)).toEqual(words(pdf));
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
