// Text of an HTML fragment (entities decoded, tags dropped), for the bits of markup Markdown and
// plain text may carry. Parsed, never rendered: nothing in it can run or load.
import { DomUtils, parseDocument } from 'htmlparser2';

const DROPPED = new Set(['script', 'style', 'noscript', 'template']);

export function htmlToText(fragment: string): string {
  if (!fragment.includes('<') && !fragment.includes('&')) return fragment;
  const dom = parseDocument(fragment, { decodeEntities: true });
  DomUtils.findAll((e) => DROPPED.has(e.name), dom.children).forEach((e) => DomUtils.removeElement(e));
  return DomUtils.textContent(dom);
}
