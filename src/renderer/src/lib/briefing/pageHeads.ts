// The running header and footer of every printed page, drawn by the sheet itself with CSS @page
// margin boxes (Chromium ≥ 131: Debian's Chromium and Electron 45 alike), so the browser's print,
// Electron's Save as PDF and the CLI's page.pdf give the same paper:
//   top left  "Albania–Kosovo: briefing · 6 December 2025"      top right  "Relations Desk"
//   bottom left  "page 2 of 3"            bottom right  "prepared offline … · corpus 3f9a2c1b0d4e …"
// The title is the sheet's own, so the rule is built at run time and adopted as a constructed
// stylesheet (CSSOM, which the app's style-src 'self' allows), removed when the sheet goes.
import type { Attachment } from 'svelte/attachments';

export interface PageHeads {
  title: string;
  /** As printed: "6 December 2025". */
  date: string;
  /** The footer's right-hand note: "prepared offline from the Relations Desk library · corpus …". */
  note: string;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

const BOX = 'font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #444;';

/** The @page rule with the four margin boxes. */
export function pageHeadsCss(h: PageHeads): string {
  return `@page {
  @top-left { content: ${cssString(`${h.title} · ${h.date}`)}; ${BOX} vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #999; }
  @top-right { content: "Relations Desk"; ${BOX} vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #999; }
  @bottom-left { content: "page " counter(page) " of " counter(pages); ${BOX} vertical-align: top; padding-top: 2mm; }
  @bottom-right { content: ${cssString(h.note)}; ${BOX} vertical-align: top; padding-top: 2mm; }
}`;
}

/** Adopt the page heads for as long as the element is on the page (an attachment: `{@attach pageHeads(h)}`). */
export function pageHeads(h: PageHeads): Attachment<HTMLElement> {
  return () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageHeadsCss(h));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  };
}
