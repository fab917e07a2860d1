// `relations-desk notes`: the notes made in the app, read from the user database by the CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDesk } from '../services/desk';
import { runCli } from './main';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let userData: string;
beforeEach(() => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-notes-'));
});
afterEach(() => fs.rmSync(userData, { recursive: true, force: true }));

/** Two notes made as the app makes them: through the desk, on real passages. */
async function makeNotes(): Promise<void> {
  const desk = createDesk({ dbPath: inject('dbPath'), userDbPath: path.join(userData, 'user.db') });
  try {
    const doc = await desk.api.getDocument({ slug: 'albania-nato-relations' });
    const section = doc.sections.find((s) => s.anchor === 'kucove-air-base')!;
    const block = section.blocks.find((b) => b.type === 'paragraph' && b.text.includes('air base'))!;
    await desk.api.addNote({ docSlug: doc.slug, anchor: section.anchor, blockId: block.id, quote: 'its first air base in the Western Balkans', body: 'Worth a line in the briefing.' });
    const lead = doc.sections[0]!;
    const first = lead.blocks.find((b) => b.type === 'paragraph')!;
    if (first.type !== 'paragraph') throw new Error('no lead paragraph');
    await desk.api.addNote({ docSlug: doc.slug, anchor: lead.anchor, blockId: first.id, quote: first.text.split(' ').slice(0, 4).join(' '), body: 'Opening line.' });
  } finally {
    desk.close();
  }
}

describe('relations-desk notes', () => {
  it('lists the notes made in the app, newest first, with where each is from', async () => {
    await makeNotes();
    const { code, out } = await run('notes', '--db', inject('dbPath'), '--user-data', userData);
    expect(code).toBe(0);
    expect(out).toMatch(/^2 notes, newest first/);
    expect(out.indexOf('Opening line.')).toBeLessThan(out.indexOf('Worth a line in the briefing.'));
    expect(out).toContain('Albania–NATO relations › Kuçovë Air Base  [albania-nato-relations#kucove-air-base]');
    expect(out).toContain('  > its first air base in the Western Balkans');
  });

  it('filters by document and words, and exports Markdown to stdout or a file', async () => {
    await makeNotes();
    const filtered = await run('notes', '--query', 'briefing', '--json', '--db', inject('dbPath'), '--user-data', userData);
    expect((JSON.parse(filtered.out) as { body: string }[]).map((n) => n.body)).toEqual(['Worth a line in the briefing.']);
    expect((await run('notes', '--doc', 'albania-kosovo-relations', '--db', inject('dbPath'), '--user-data', userData)).out).toBe('No notes match.');

    const md = await run('notes', '--markdown', '--db', inject('dbPath'), '--user-data', userData);
    expect(md.out).toContain('# My notes — Relations Desk');
    expect(md.out).toContain('> its first air base in the Western Balkans');
    expect(md.out).toContain('— Albania–NATO relations › Kuçovë Air Base (relations-desk: #/doc/albania-nato-relations/kucove-air-base)');

    const file = path.join(userData, 'notes.md');
    const saved = await run('notes', '--out', file, '--db', inject('dbPath'), '--user-data', userData);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('2 notes exported as Markdown');
    expect(fs.readFileSync(file, 'utf8')).toBe(`${md.out}\n`);
  });

  it('says there are no notes yet without creating a user database', async () => {
    const { code, out } = await run('notes', '--db', inject('dbPath'), '--user-data', userData);
    expect(code).toBe(0);
    expect(out).toMatch(/^No notes yet/);
    expect(fs.readdirSync(userData)).toEqual([]);
  });

  it('asks for --user-data when --db points away from the app', async () => {
    const { code, err } = await run('notes', '--db', inject('dbPath'));
    expect(code).toBe(2);
    expect(err).toContain('Your notes are in your user data: give --user-data DIR along with --db.');
  });
});
