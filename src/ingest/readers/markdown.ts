// Markdown (CommonMark/GFM) through marked's lexer: headings, paragraphs, lists, pipe tables and
// block quotes become the document's structure; code blocks are kept as text; raw HTML is read
// as text only (never rendered, never run). The first level-1 heading, or a front-matter
// `title:`, is the title.
import { marked, type Token, type Tokens } from 'marked';
import type { ParsedDocument } from '../model';
import { htmlToText } from './htmlText';
import { StructureWriter } from './structure';

/**
 * An ordered list is numbered paragraphs ("12. The Parties …"), not a list, when its items are this
 * long — or, set apart by blank lines, some of them are.
 */
const NUMBERED_PARAGRAPH_CHARS = 200;

export function readMarkdown(text: string, sourceFile: string, fallbackTitle: string): ParsedDocument {
  const out = new StructureWriter(sourceFile, 'markdown', fallbackTitle);
  let body = text;
  let lineOffset = 0;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1]!);
    if (title) out.setTitle(title[1]!);
    lineOffset = front[0].split('\n').length - 1;
    body = body.slice(front[0].length);
  }

  const tokens = marked.lexer(body, { gfm: true });
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
  // The title: a level-1 heading before any content, when the front matter gave none.
  const first = tokens.find((t) => t.type !== 'space');
  let titleToken: Token | undefined;
  if (!out.hasTitle && first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    titleToken = first;
    out.setTitle(inlineText((first as Tokens.Heading).tokens));
  }
  const sectionDepths = headings.filter((h) => h !== titleToken).map((h) => h.depth);
  const top = sectionDepths.length > 0 ? Math.min(...sectionDepths) : 1;

  let line = 1 + lineOffset;
  const walk = (list: Token[]): void => {
    for (const token of list) {
      const at = line;
      if (token !== titleToken) emit(token, at);
      // Blockquote children are walked inside emit; their raw text is part of the quote's.
      line += (token.raw.match(/\n/g) ?? []).length;
    }
  };
  const emit = (token: Token, at: number): void => {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        out.heading(inlineText(h.tokens), h.depth - top + 2, at);
        return;
      }
      case 'paragraph':
        out.paragraph(inlineText((token as Tokens.Paragraph).tokens), at);
        return;
      case 'text':
        out.paragraph(inlineText((token as Tokens.Text).tokens ?? []) || (token as Tokens.Text).text, at);
        return;
      case 'list': {
        const l = token as Tokens.List;
        const items = l.items.map((i) => blockText(i.tokens));
        if (l.ordered && (l.loose ? items.some : items.every).call(items, (i: string) => i.length >= NUMBERED_PARAGRAPH_CHARS)) {
          const start = typeof l.start === 'number' ? l.start : 1;
          items.forEach((item, k) => out.paragraph(item, at, String(start + k)));
        } else {
          out.list(items, l.ordered ? 'numbered' : 'bullet', at);
        }
        return;
      }
      case 'table': {
        const t = token as Tokens.Table;
        out.table([t.header.map((c) => inlineText(c.tokens)), ...t.rows.map((r) => r.map((c) => inlineText(c.tokens)))], at);
        return;
      }
      case 'blockquote':
        for (const child of (token as Tokens.Blockquote).tokens) emit(child, at);
        return;
      case 'code':
        out.paragraph((token as Tokens.Code).text, at);
        return;
      case 'html':
        out.paragraph(htmlToText((token as Tokens.HTML).text), at);
        return;
      default:
        // space, hr, def (link definitions): nothing to read.
        return;
    }
  };
  walk(tokens);
  return out.finish();
}

/** Plain text of inline tokens: emphasis and links keep their words, images their alt text. */
export function inlineText(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        s += inlineText((t as Tokens.Strong).tokens);
        break;
      case 'image':
        s += (t as Tokens.Image).text;
        break;
      case 'br':
        s += ' ';
        break;
      case 'html':
        s += htmlToText((t as Tokens.HTML).text);
        break;
      case 'text': {
        const text = t as Tokens.Text;
        s += text.tokens ? inlineText(text.tokens) : htmlToText(text.text);
        break;
      }
      default:
        s += htmlToText((t as Tokens.Generic).text ?? '');
    }
  }
  return s;
}

/** A list item's text: its inline text, nested lists and paragraphs joined by spaces. */
function blockText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === 'list') return (t as Tokens.List).items.map((i) => blockText(i.tokens)).join('; ');
      const inner = (t as Tokens.Generic).tokens as Token[] | undefined;
      return inner ? inlineText(inner) : htmlToText((t as Tokens.Generic).text ?? '');
    })
    .join(' ');
}
