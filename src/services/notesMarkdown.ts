// The reader's notes as Markdown (issue 16): grouped by document, each with its quote as a block
// quote, the note, and a citation (document › section, the library's link, the date written).
// One function, used by the desk's exportNotes (browser and Electron download) and the CLI.
import type { Note } from '../shared/api';

/** "notes-2026-01-31.md", or "notes-albania-kosovo-relations-2026-01-31.md" for one document. */
export function notesFilename(docSlug: string | undefined, date = new Date()): string {
  return `notes-${docSlug ? `${docSlug}-` : ''}${date.toISOString().slice(0, 10)}.md`;
}

const quoteLines = (text: string): string => text.split('\n').map((l) => `> ${l}`).join('\n');

export function notesMarkdown(notes: readonly Note[], date = new Date()): string {
  const out: string[] = [`# My notes — Relations Desk`, '', `${notes.length} ${notes.length === 1 ? 'note' : 'notes'}, exported ${date.toISOString().slice(0, 10)}.`, ''];
  const byDoc = new Map<string, Note[]>();
  for (const n of notes) byDoc.set(n.docSlug, [...(byDoc.get(n.docSlug) ?? []), n]);
  for (const [slug, group] of byDoc) {
    out.push(`## ${group[0]!.docTitle}`, '');
    for (const n of [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      const where = [n.docTitle, ...n.sectionPath].join(' › ');
      out.push(quoteLines(n.quote), '');
      if (n.body) out.push(n.body, '');
      out.push(`— ${where} (relations-desk: #/doc/${slug}/${n.anchor}), noted ${n.createdAt.slice(0, 10)}`);
      if (n.status === 'changed') out.push('', `*The passage has changed since this note was made; the quote is the text it was made on. It now reads:*`, '', quoteLines(n.currentText ?? ''));
      if (n.status === 'missing') out.push('', '*This passage is no longer in the library; the quote is the text the note was made on.*');
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
