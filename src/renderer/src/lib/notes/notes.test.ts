// The notes list over a fake desk: every change goes to the user database, then the list reloads;
// an answer to an older filter never replaces a newer one.
import { describe, expect, it } from 'vitest';
import type { NewNote, Note } from '../../../../shared/api';
import { NoteList } from './notes.svelte';

const note = (id: string, body: string): Note => ({ id, body, docSlug: 'kosovo', anchor: 'a', blockId: 'b', quote: 'q', docTitle: 'Kosovo', sectionPath: [], passageText: 'q', createdAt: '', updatedAt: '', status: 'current' });

function fakeDesk() {
  const stored: Note[] = [];
  const desk = {
    listNotes: async (p: { query?: string } = {}) => stored.filter((n) => !p.query || n.body.includes(p.query)),
    addNote: async (n: NewNote) => {
      const made = { ...note(`n${stored.length + 1}`, n.body), ...n };
      stored.unshift(made);
      return made;
    },
    updateNote: async ({ id, body }: { id: string; body: string }) => {
      const n = stored.find((x) => x.id === id);
      if (!n) throw { code: 'NOT_FOUND', message: `No note ${id}.` };
      n.body = body;
      return n;
    },
    removeNote: async ({ id }: { id: string }) => {
      stored.splice(stored.findIndex((x) => x.id === id), 1);
      return { removed: true };
    },
  };
  return { desk, stored };
}

describe('NoteList over a fake desk', () => {
  it('adds, edits and removes through the desk, reloading the filtered list each time', async () => {
    const { desk } = fakeDesk();
    let query = '';
    const list = new NoteList(desk, () => ({ query }));
    await list.add({ docSlug: 'kosovo', anchor: 'a', blockId: 'b', quote: 'q', body: 'visa regime' });
    await list.add({ docSlug: 'kosovo', anchor: 'a', blockId: 'c', quote: 'q', body: 'border' });
    expect(list.notes.map((n) => n.body)).toEqual(['border', 'visa regime']);
    query = 'visa';
    await list.update('n2', 'visa-free border');
    expect(list.notes.map((n) => n.body)).toEqual(['visa-free border', 'visa regime']);
    await list.remove('n1');
    expect(list.notes.map((n) => n.id)).toEqual(['n2']);
    await expect(list.update('n9', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the answer to the newest filter when an older one comes back last', async () => {
    const { desk, stored } = fakeDesk();
    stored.push(note('n1', 'visa'), note('n2', 'trade'));
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let query = 'visa';
    const slowFirst = {
      ...desk,
      listNotes: async (p: { query?: string } = {}) => {
        if (p.query === 'visa') await gate;
        return desk.listNotes(p);
      },
    };
    const list = new NoteList(slowFirst, () => ({ query }));
    const older = list.load();
    query = 'trade';
    await list.load();
    release();
    await older;
    expect(list.notes.map((n) => n.body)).toEqual(['trade']);
    expect(list.loaded).toBe(true);
  });

  it('keeps a failure to list as a DeskError', async () => {
    const { desk } = fakeDesk();
    const list = new NoteList({ ...desk, listNotes: async () => Promise.reject({ code: 'DB_CORRUPT', message: 'The user database is damaged.' }) }, () => ({}));
    await list.load();
    expect(list.error?.code).toBe('DB_CORRUPT');
    expect(list.loaded).toBe(true);
  });
});
