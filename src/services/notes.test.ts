// Notes over the real library: made on a passage or part of it, searchable, exported as Markdown
// with quotes and citations, pinned onto a briefing, kept (with the text they were made on) when a
// library update changes or removes their passage, and surviving a closed and reopened store.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../shared/api';
import type { DeskDocument } from '../shared/types';
import { createDesk, type Desk } from './desk';
import { DEFAULT_DB } from '../host/paths';
import { Library } from './library';
import { UserStore } from './userStore';
import { notesMarkdown } from './notesMarkdown';

let lib: Library;
let dir: string;
let file: string;
beforeAll(() => {
  lib = Library.open(DEFAULT_DB);
});
afterAll(() => lib.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-notes-'));
  file = path.join(dir, 'user.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const KUCOVE = { docSlug: 'albania-nato-relations', anchor: 'kucove-air-base' };

function kucoveBlock(): { blockId: string; text: string } {
  const section = lib.getDocument(KUCOVE.docSlug).sections.find((s) => s.anchor === KUCOVE.anchor)!;
  const block = section.blocks.find((b) => b.type === 'paragraph')!;
  return { blockId: block.id, text: block.type === 'paragraph' ? block.text : '' };
}

describe('notes', () => {
  it('are made on part of a passage, listed, searched, edited and removed; they survive reopening', () => {
    const { blockId } = kucoveBlock();
    let store = new UserStore(file);
    const notes = store.notes((s) => lib.getDocument(s));
    const a = notes.add({ ...KUCOVE, blockId, quote: 'its first air base', body: 'Check the cost  against the 2024 budget.' });
    expect(a).toMatchObject({ docTitle: 'Albania–NATO relations', sectionPath: ['Kuçovë Air Base'], status: 'current', body: 'Check the cost  against the 2024 budget.'.trim() });
    store.close();

    store = new UserStore(file);
    const again = store.notes((s) => lib.getDocument(s));
    expect(again.list().map((n) => n.id)).toEqual([a.id]);
    expect(again.list({ query: 'BUDGET kucove' }).length).toBe(1); // the note, and the section's name without its accents
    expect(again.list({ query: 'budget embassy' })).toEqual([]);
    expect(again.list({ docSlug: 'albania-kosovo-relations' })).toEqual([]);
    expect(again.update(a.id, 'Cost: 50 million euros').body).toBe('Cost: 50 million euros');
    expect(again.remove(a.id)).toEqual({ removed: true });
    expect(again.list()).toEqual([]);
    store.close();
  });

  it('refuse a quote that is not in the passage, and an unknown passage', () => {
    const store = new UserStore(file);
    const notes = store.notes((s) => lib.getDocument(s));
    const { blockId } = kucoveBlock();
    expect(() => notes.add({ ...KUCOVE, blockId, quote: 'words nowhere in it', body: '' })).toThrow(/not in that passage/);
    expect(() => notes.add({ ...KUCOVE, blockId: 'nope', quote: 'x', body: '' })).toThrow(DeskError);
    store.close();
  });

  it('keep the text they were made on when the passage changes or goes', () => {
    const { blockId } = kucoveBlock();
    const store = new UserStore(file);
    const made = store.notes((s) => lib.getDocument(s)).add({ ...KUCOVE, blockId, quote: 'its first air base', body: 'n' });
    store.close();
    // The same user DB read against an updated library: the paragraph reworded, then removed.
    const reworded = (slug: string): DeskDocument => {
      const doc = structuredClone(lib.getDocument(slug));
      for (const s of doc.sections) for (const b of s.blocks) if (b.id === blockId && b.type === 'paragraph') b.text = 'The air base opened in 2024.';
      return doc;
    };
    const s2 = new UserStore(file);
    const changed = s2.notes(reworded).list()[0]!;
    expect(changed).toMatchObject({ id: made.id, status: 'changed', quote: 'its first air base', currentText: 'The air base opened in 2024.' });
    expect(changed.passageText).toContain('its first air base');
    expect(notesMarkdown([changed])).toContain('The passage has changed since this note was made');
    s2.close();
    const s3 = new UserStore(file);
    const gone = (slug: string): DeskDocument => {
      const doc = structuredClone(lib.getDocument(slug));
      for (const s of doc.sections) s.blocks = s.blocks.filter((b) => b.id !== blockId);
      return doc;
    };
    expect(s3.notes(gone).list()[0]).toMatchObject({ status: 'missing', quote: 'its first air base' });
    s3.close();
  });

  it('survive the process being killed right after a write (no close, no checkpoint)', () => {
    const { blockId } = kucoveBlock();
    const here = path.dirname(fileURLToPath(import.meta.url));
    const code = `
      const { UserStore } = await import(${JSON.stringify(pathToFileURL(path.join(here, 'userStore.ts')).href)});
      const { Library } = await import(${JSON.stringify(pathToFileURL(path.join(here, 'library.ts')).href)});
      const lib = Library.open(${JSON.stringify(DEFAULT_DB)});
      new UserStore(${JSON.stringify(file)}).notes((s) => lib.getDocument(s)).add(${JSON.stringify({ ...KUCOVE, blockId, quote: 'its first air base', body: 'Written before SIGKILL' })});
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const store = new UserStore(file);
    expect(store.notes((s) => lib.getDocument(s)).list().map((n) => n.body)).toEqual(['Written before SIGKILL']);
    store.close();
  });
});

describe('notes through the desk', () => {
  let desk: Desk;
  beforeEach(() => {
    desk = createDesk({ dbPath: DEFAULT_DB, userDbPath: file });
  });
  afterEach(() => desk.close());

  it('validate params, export Markdown with quotes and citations, and pin onto a briefing', async () => {
    const { blockId } = kucoveBlock();
    expect(await desk.dispatch('addNote', { ...KUCOVE, blockId, quote: '', body: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await desk.dispatch('addNote', { ...KUCOVE, blockId, quote: 'a', body: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const note = await desk.api.addNote({ ...KUCOVE, blockId, quote: 'its first air base in the Western Balkans', body: 'Worth a line in the briefing.' });
    expect(await desk.api.listNotes()).toHaveLength(1);

    const { filename, markdown } = await desk.api.exportNotes({});
    expect(filename).toMatch(/^notes-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown).toContain('## Albania–NATO relations');
    expect(markdown).toContain('> its first air base in the Western Balkans');
    expect(markdown).toContain('Worth a line in the briefing.');
    expect(markdown).toContain('— Albania–NATO relations › Kuçovë Air Base (relations-desk: #/doc/albania-nato-relations/kucove-air-base)');

    const sheet = await desk.api.briefing({ partners: ['NATO'], pinned: [`note:${note.id}`, 'note:gone'] });
    expect(sheet.notes).toEqual([{ id: note.id, quote: 'its first air base in the Western Balkans', body: 'Worth a line in the briefing.', citation: 'Albania–NATO relations › Kuçovë Air Base' }]);
    expect(sheet.unknownIds).toContain('note:gone');
    const plain = await desk.api.briefing({ partners: ['NATO'] });
    expect(plain.notes).toBeUndefined();
  });
});
