// Test documents made from the corpus itself: a parsed corpus document written out as the kind of
// page a browser saves (a Wikipedia-like article with its clutter: scripts, styles, navigation,
// edit links, reference markers and lists, an external image), as Markdown, and printed to PDF
// by headless Chromium (running header and "Page N of M" footer) — so reading them back can be
// checked against the text they were made from.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Block, DeskDocument, Section } from '../shared/types';
import type { ParsedDocument } from '../ingest/model';
import { findChromium } from '../host/browsers';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Doc = Pick<ParsedDocument | DeskDocument, 'title' | 'sections'>;

function blockHtml(b: Block, clutter: boolean): string {
  const ref = clutter ? '<sup class="reference"><a href="#cite-1">[1]</a></sup>' : '';
  switch (b.type) {
    case 'paragraph':
      return `<p>${b.number ? `${b.number}. ` : ''}${esc(b.text)}${ref}</p>`;
    case 'list':
      return `<${b.style === 'numbered' ? 'ol' : 'ul'}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${b.style === 'numbered' ? 'ol' : 'ul'}>`;
    case 'table':
      return `<table class="wikitable"><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${b.rows
        .map((r) => `<tr>${r.cells.map((c) => `<td>${c.gap ? '' : esc(c.text)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
    case 'infobox':
      return `<table class="infobox">${b.fields.map((f) => `<tr><th>${esc(f.key)}</th><td>${esc(f.value)}</td></tr>`).join('')}</table>`;
    case 'seeAlso':
      return `<ul>${b.items.map((i) => `<li><a href="/wiki/x">${esc(i.title)}</a></li>`).join('')}</ul>`;
    case 'term':
      return `<p><b>${esc(b.text)}</b></p>`;
  }
}

function sectionHtml(s: Section, clutter: boolean): string {
  const heading = s.level === 0 ? '' : `<h${s.level}>${esc(s.heading)}${clutter ? '<span class="mw-editsection">[<a href="/edit">edit</a>]</span>' : ''}</h${s.level}>`;
  return heading + s.blocks.map((b) => blockHtml(b, clutter)).join('\n');
}

/** A saved Wikipedia-like page of the document, with the clutter a reader must drop. */
export function articleHtml(doc: Doc): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.title)} - Wikipedia</title>
<style>body{font-family:"DejaVu Serif",serif} .infobox{float:right}</style>
<script>window.__ran = true; fetch('https://example.invalid/track');</script>
<link rel="stylesheet" href="https://example.invalid/style.css"></head>
<body><nav id="mw-navigation"><ul><li>Main page</li><li>Contents</li><li>Random article</li></ul></nav>
<header><a class="mw-jump-link" href="#content">Jump to content</a></header>
<main id="content"><h1 id="firstHeading">${esc(doc.title)}</h1>
<div id="siteSub">From Wikipedia, the free encyclopedia</div>
<div class="mw-parser-output">
<div class="hatnote">For other uses, see elsewhere.</div>
<img src="https://example.invalid/flag.png" alt="flag">
${doc.sections.map((s) => sectionHtml(s, true)).join('\n')}
<h2>References</h2><ol class="references"><li id="cite-1">A source that must not be imported, 2001.</li></ol>
<div class="navbox">Navigation box text that must not be imported</div>
</div></main>
<footer>This page was last edited today.</footer>
<iframe src="https://example.invalid/frame"></iframe>
</body></html>`;
}

/** The same document as a plain page for printing (no clutter: a PDF holds what was printed). */
export function printableHtml(doc: Doc): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>body{font-family:"DejaVu Serif",serif;font-size:11pt} h1{font-size:22pt} h2{font-size:16pt} h3{font-size:13.5pt} h4{font-size:12pt}
table{border-collapse:collapse} td,th{padding:2pt 14pt;text-align:left;vertical-align:top}</style></head>
<body><h1>${esc(doc.title)}</h1>${doc.sections.map((s) => sectionHtml(s, false)).join('\n')}</body></html>`;
}

export function markdownOf(doc: Doc): string {
  const out = [`# ${doc.title}`, ''];
  for (const s of doc.sections) {
    if (s.level > 0) out.push(`${'#'.repeat(s.level)} ${s.heading}`, '');
    for (const b of s.blocks) {
      if (b.type === 'paragraph') out.push(b.number ? `${b.number}. ${b.text}` : b.text, '');
      else if (b.type === 'list') out.push(...b.items.map((i, k) => (b.style === 'numbered' ? `${k + 1}. ${i}` : `- ${i}`)), '');
      else if (b.type === 'seeAlso') out.push(...b.items.map((i) => `- ${i.title}`), '');
      else if (b.type === 'table') {
        out.push(`| ${b.header.join(' | ')} |`, `|${b.header.map(() => '---').join('|')}|`);
        for (const r of b.rows) out.push(`| ${r.cells.map((c) => (c.gap ? '' : c.text.replace(/\|/g, '\\|'))).join(' | ')} |`);
        out.push('');
      }
    }
  }
  return out.join('\n');
}

/** Chromium's PDF of an HTML page, with a running header and "Page N of M" footer on every page. */
export async function printPdf(html: string, outFile: string, header: string | null = 'Relations Desk test print'): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH or install chromium): the PDF fixtures are printed by it.');
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({
      path: outFile,
      format: 'A4',
      displayHeaderFooter: header !== null,
      headerTemplate: `<div style="font-size:8px;width:100%;text-align:center">${esc(header ?? '')}</div>`,
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
    });
  } finally {
    await browser.close();
  }
}

/** The page as Chromium saves it: the DOM after loading, with scripts blocked from the network. */
export async function savedByChromium(html: string, outFile: string): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH or install chromium).');
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
    fs.writeFileSync(outFile, await page.content());
  } finally {
    await browser.close();
  }
}
