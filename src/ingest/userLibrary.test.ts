import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { Library } from '../services/library';
import Database from 'better-sqlite3';
import { addDocument, listEntries, refreshUserLibrary, removeDocument } from './userLibrary';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-mine-'));
  file = path.join(dir, 'user-library.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const CHAD = `# Albania–Chad relations

Albania and Chad established diplomatic relations on 12 May 1971. Neither country has a resident embassy.

## Trade

| Year | Exports |
|---|---|
| 2019 | 2 million |
| 2020 | |

## See also

- Foreign relations of Albania
`;

function titles(): string[] {
  const lib = Library.open(file);
  try {
    return lib.listDocuments().map((d) => d.title);
  } finally {
    lib.close();
  }
}

describe('the user library', () => {
  it('adds a document, with a report like the build\'s and where it came from', async () => {
    const report = await addDocument(file, { name: 'chad.md', path: '/home/a/chad.md', bytes: Buffer.from(CHAD) }, { bundledDb: inject('dbPath'), now: () => new Date('2026-12-01T10:00:00Z') });
    expect(report).toMatchObject({ file: 'chad.md', status: 'added', slug: 'my-albania-chad-relations', title: 'Albania–Chad relations', format: 'markdown' });
    expect(report.counts).toMatchObject({ sections: 3, paragraphs: 1, tables: 1, partners: 1 });
    expect(report.counts!.events).toBeGreaterThan(0);
    expect(report.lost).toEqual({ gapCells: 0, tablesWithGaps: 0, droppedLines: 0 });

    const lib = Library.open(file);
    const doc = lib.getDocument('my-albania-chad-relations');
    lib.close();
    expect(doc.added).toEqual({ sourceName: 'chad.md', sourcePath: '/home/a/chad.md', format: 'markdown', bytes: Buffer.byteLength(CHAD), addedAt: '2026-12-01T10:00:00.000Z' });
    expect(doc.kind).toBe('bilateral');
    expect(doc.partners).toEqual(['chad']);
    // "See also" names a bundled document: linked to it.
    const seeAlso = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'seeAlso');
    expect(seeAlso).toMatchObject({ items: [{ title: 'Foreign relations of Albania', slug: 'foreign-relations-of-albania' }] });
  });

  it('keeps one copy per file: the same bytes again change nothing, a newer copy replaces it', async () => {
    await addDocument(file, { name: 'chad.md', path: '/a/chad.md', bytes: Buffer.from(CHAD) });
    const again = await addDocument(file, { name: 'chad.md', path: '/a/chad.md', bytes: Buffer.from(CHAD) });
    expect(again).toMatchObject({ status: 'unchanged', slug: 'my-albania-chad-relations' });
    expect(again.message).toMatch(/^chad\.md is already in your library, unchanged since \d{4}-\d{2}-\d{2}\.$/);
    const newer = await addDocument(file, { name: 'chad.md', path: '/a/chad.md', bytes: Buffer.from(CHAD.replace('Trade', 'Trade and aid')) });
    expect(newer).toMatchObject({ status: 'replaced', slug: 'my-albania-chad-relations' });
    expect(titles()).toEqual(['Albania–Chad relations']);
    // Another file with the same title is another document.
    const other = await addDocument(file, { name: 'chad-copy.md', path: '/b/chad.md', bytes: Buffer.from(CHAD) });
    expect(other).toMatchObject({ status: 'added', slug: 'my-albania-chad-relations-2' });
    expect(listEntries(file).map((e) => [e.slug, e.added.sourcePath])).toEqual([
      ['my-albania-chad-relations', '/a/chad.md'],
      ['my-albania-chad-relations-2', '/b/chad.md'],
    ]);
  });

  it('removes a document, and says when there is none', async () => {
    await addDocument(file, { name: 'chad.md', bytes: Buffer.from(CHAD) });
    await addDocument(file, { name: 'notes.txt', bytes: Buffer.from('Meeting notes\n\nThe delegation met in Tirana.\n') });
    expect(removeDocument(file, 'my-albania-chad-relations')).toEqual({ removed: true, title: 'Albania–Chad relations' });
    expect(removeDocument(file, 'my-albania-chad-relations')).toEqual({ removed: false });
    expect(titles()).toEqual(['Meeting notes']);
  });

  it('reports a refused file and leaves the library as it was', async () => {
    await addDocument(file, { name: 'chad.md', bytes: Buffer.from(CHAD) });
    const before = fs.readFileSync(file);
    const report = await addDocument(file, { name: 'scan.docx', bytes: Buffer.from('PK\u0003\u0004...') });
    expect(report).toMatchObject({ file: 'scan.docx', status: 'refused', code: 'unsupported', message: expect.stringMatching(/^scan\.docx: "\.docx" files are not a kind/) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('an update of the app', () => {
  it('keeps the documents: a library made by another version is rewritten from what it stores', async () => {
    await addDocument(file, { name: 'chad.md', bytes: Buffer.from(CHAD) });
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    db.close();
    expect(() => Library.open(file)).toThrow(/another version of Relations Desk/);
    expect(refreshUserLibrary(file)).toBe(true);
    expect(titles()).toEqual(['Albania–Chad relations']);
    expect(refreshUserLibrary(file)).toBe(false);
  });
});

describe('an import killed at any moment (kill -9)', () => {
  it('leaves the library as it was before or after that document, never broken', async () => {
    await addDocument(file, { name: 'chad.md', bytes: Buffer.from(CHAD) });
    // A document big enough that writing the library takes a while, so kills land inside it.
    const big = `# Long report on Albania\n\n${Array.from({ length: 600 }, (_, i) => `## Part ${i}\n\nParagraph ${i} about Kosovo, Greece and the European Union, established in ${1900 + (i % 120)}.\n`).join('\n')}`;
    const moduleUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'userLibrary.ts')).href;
    const code = `
      const { addDocument } = await import(${JSON.stringify(moduleUrl)});
      process.stdout.write('ready\\n');
      await addDocument(${JSON.stringify(file)}, { name: 'report.md', bytes: Buffer.from(${JSON.stringify(big)}) });
      process.stdout.write('done\\n');
    `;
    const outcomes = new Set<string>();
    for (const delay of [0, 40, 120, 250, 400, 600, 900, 1300]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('ready') && !child.killed) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.on('exit', () => resolve());
      });
      const docs = titles();
      expect([['Albania–Chad relations'], ['Albania–Chad relations', 'Long report on Albania']]).toContainEqual(docs);
      // The index agrees with the documents: the report is found exactly when it is there.
      const lib = Library.open(file);
      const hits = lib.search({ query: 'Paragraph 599' }).results.filter((r) => r.docSlug === 'my-long-report-on-albania');
      lib.close();
      expect(hits.length > 0).toBe(docs.length === 2);
      outcomes.add(out.includes('done') ? 'finished' : docs.length === 2 ? 'killed after the rename' : 'killed before the rename');
      if (docs.length === 2) removeDocument(file, 'my-long-report-on-albania');
    }
    // Kills landed before the rename at least once (otherwise the test proved nothing).
    expect(outcomes.has('killed before the rename')).toBe(true);
    // Temp files of killed writers are cleared by the next change.
    removeDocument(file, 'my-albania-chad-relations');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 120_000);
});
