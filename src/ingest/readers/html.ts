// HTML: an article saved from a browser (a Wikipedia page, a ministry's press release). Parsed by
// htmlparser2 into a tree that is only read: no script runs, no image, font, frame or style is
// loaded, nothing is rendered. The article is found (Wikipedia's content column, <main>,
// <article>, else <body>); scripts, styles, navigation, edit links, reference markers and the
// reference lists are dropped; headings, paragraphs, lists, tables and the infobox are kept.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { nameKey } from '../../shared/text';
import type { ParsedDocument } from '../model';
import { collapseSpace, StructureWriter } from './structure';

/** Elements that are never content. */
const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'canvas', 'video', 'audio', 'img', 'picture', 'source', 'track', 'map', 'form', 'input', 'button', 'select', 'textarea',
  'nav', 'header', 'footer', 'link', 'meta', 'base', 'head', 'figure', 'dialog', 'menu', 'aside',
]);
/** Classes and ids of page furniture and reference clutter (Wikipedia's and common ones). */
const DROPPED_CLASSES = [
  'mw-editsection', 'reference', 'reflist', 'references', 'mw-references-wrap', 'navbox', 'vertical-navbox', 'metadata',
  'noprint', 'toc', 'mw-jump-link', 'catlinks', 'hatnote', 'shortdescription', 'sistersitebox', 'mw-empty-elt', 'thumb',
  'sidebar', 'navigation', 'breadcrumb', 'cookie', 'advert', 'share', 'mw-cite-backlink', 'printfooter',
];
const DROPPED_IDS = new Set(['toc', 'catlinks', 'footer', 'mw-navigation', 'mw-panel', 'mw-head', 'siteSub', 'contentSub', 'jump-to-nav']);
/** Sections that only list sources or links out. */
const REFERENCE_SECTIONS = new Set(['references', 'notes', 'citations', 'footnotes', 'sources', 'external links', 'further reading', 'bibliography', 'notes and references']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'html', 'center', 'blockquote', 'details', 'dl']);

export function readHtml(html: string, sourceFile: string, fallbackTitle: string): ParsedDocument {
  const out = new StructureWriter(sourceFile, 'html', fallbackTitle);
  const dom = parseDocument(html, { decodeEntities: true });
  const all = dom.children;

  const h1 = DomUtils.findOne((e) => e.name === 'h1' && e.attribs.id === 'firstHeading', all) ?? DomUtils.findOne((e) => e.name === 'h1', all);
  const titleEl = DomUtils.findOne((e) => e.name === 'title', all);
  if (h1) out.setTitle(textOf(h1));
  else if (titleEl) out.setTitle(textOf(titleEl).replace(/\s+[-–—|]\s+(?:Wikipedia|[^-–—|]{1,40})$/, ''));

  const root =
    DomUtils.findOne((e) => hasClass(e, 'mw-parser-output'), all) ??
    DomUtils.findOne((e) => e.name === 'main' || e.attribs.role === 'main', all) ??
    DomUtils.findOne((e) => e.name === 'article', all) ??
    DomUtils.findOne((e) => e.name === 'body', all);
  const children = root ? root.children : all;

  let at = 0;
  let skipping = false; // inside a reference section
  const inline: string[] = [];
  const flushInline = () => {
    const text = collapseSpace(inline.join(''));
    inline.length = 0;
    if (text && !skipping) out.paragraph(text, at);
  };

  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        inline.push(node.data);
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      if (isDropped(el) || el === h1) continue;
      const name = el.name;
      if (!isBlock(name)) {
        inline.push(name === 'br' ? ' ' : textOf(el));
        continue;
      }
      flushInline();
      at++;
      const heading = /^h([1-6])$/.exec(name);
      if (heading) {
        const text = textOf(el);
        const level = Math.max(2, Math.min(4, Number(heading[1])));
        if (level === 2) skipping = REFERENCE_SECTIONS.has(nameKey(text));
        if (!skipping) out.heading(text, level, at);
        continue;
      }
      if (skipping) continue;
      if (name === 'p' || name === 'pre' || name === 'address' || name === 'caption') out.paragraph(textOf(el), at);
      else if (name === 'ul' || name === 'ol') out.list(listItems(el), name === 'ol' ? 'numbered' : 'bullet', at);
      else if (name === 'table') readTable(el, out, at);
      else if (name === 'dt' || name === 'dd' || name === 'li') out.paragraph(textOf(el), at);
      else if (name === 'hr') continue;
      else walk(el.children);
      flushInline();
    }
  };
  walk(children);
  flushInline();
  return out.finish();
}

function readTable(table: Element, out: StructureWriter, at: number): void {
  const rows = DomUtils.findAll((e) => e.name === 'tr', table.children).filter((tr) => closestTable(tr) === table);
  const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
  if (hasClass(table, 'infobox') || hasClass(table, 'vcard')) {
    const fields: { key: string; value: string }[] = [];
    for (const tr of rows) {
      const cells = cellsOf(tr);
      if (cells.length >= 2) fields.push({ key: textOf(cells[0]!), value: cells.slice(1).map(textOf).join(' ') });
      else if (cells.length === 1 && fields.length === 0 && cells[0]!.name === 'th') fields.push({ key: 'Title', value: textOf(cells[0]!) });
    }
    out.infobox(fields, at);
    return;
  }
  const matrix = rows.map((tr) => cellsOf(tr).flatMap((c) => [textOf(c), ...Array<string>(Math.max(0, Math.min(20, Number(c.attribs.colspan ?? 1) - 1))).fill('')]));
  // A one-column "table" is layout, not data.
  if (matrix.every((r) => r.length <= 1)) {
    for (const r of matrix) if (r[0]) out.paragraph(r[0], at);
    return;
  }
  out.table(matrix, at);
}

function listItems(list: Element): string[] {
  const items: string[] = [];
  for (const li of list.children) {
    if (li.type !== 'tag' || li.name !== 'li' || isDropped(li)) continue;
    const nested = li.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'ul' || c.name === 'ol'));
    items.push(collapseSpace(li.children.filter((c) => !nested.includes(c as Element)).map((c) => textOfNode(c)).join('')));
    for (const n of nested) items.push(...listItems(n));
  }
  return items;
}

function closestTable(el: Element): Element | null {
  let p = el.parent;
  while (p && (p as Element).name !== 'table') p = p.parent;
  return (p as Element | null) ?? null;
}

function isBlock(name: string): boolean {
  return /^h[1-6]$/.test(name) || CONTAINERS.has(name) || ['p', 'ul', 'ol', 'table', 'pre', 'address', 'caption', 'dt', 'dd', 'li', 'hr'].includes(name);
}

function hasClass(el: Element, cls: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(cls);
}

function isDropped(el: Element): boolean {
  if (DROPPED_TAGS.has(el.name)) return true;
  if (el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(el.attribs.style ?? '')) return true;
  if (el.attribs.id !== undefined && DROPPED_IDS.has(el.attribs.id)) return true;
  const classes = (el.attribs.class ?? '').split(/\s+/);
  return DROPPED_CLASSES.some((c) => classes.includes(c)) || el.attribs.role === 'navigation';
}

function textOf(el: Element): string {
  return collapseSpace(el.children.map(textOfNode).join(''));
}

function textOfNode(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  const el = node as Element;
  if (isDropped(el)) return '';
  if (el.name === 'br') return ' ';
  const inner = el.children.map(textOfNode).join('');
  // Block children inside inline text (a <p> in a <td>) still separate words.
  return isBlock(el.name) ? ` ${inner} ` : inner;
}
