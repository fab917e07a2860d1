// The bundled library with documents the user added, read as one: the real corpus plus two added
// documents, through the same handlers every transport uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expandMarks } from '../shared/timelineMarks';
import type { Comparison, DocumentSummary, SearchResponse, TimelineEvent } from '../shared/types';
import { MAX_TIMELINE_PAGE, type TimelinePage } from '../shared/api';
import { addDocument, removeDocument } from '../ingest/userLibrary';
import { createDesk, type Desk } from './desk';
import { Library } from './library';
import { CombinedLibrary } from './combinedLibrary';
import { buildComparison } from './compare';
import { UserLibrary } from './userLibrary';
import { legacyBuildComparison } from '../test/legacyCompare';

const CHAD = `# Albania–Chad relations

Albania and Chad established diplomatic relations on 12 May 1971. The two countries cooperate on desert locust control.
`;
const KOSOVO = `Customs notes on Albania and Kosovo

Albania and Kosovo signed a customs agreement on 3 March 2023 to remove border checks for goods.
`;

let dir: string;
let userLibraryPath: string;
let desk: Desk;
let bundled: Library;

async function call<T>(method: string, params: unknown = {}): Promise<T> {
  const env = await desk.dispatch(method, params);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-combined-'));
  userLibraryPath = path.join(dir, 'user-library.db');
  await addDocument(userLibraryPath, { name: 'chad.md', bytes: Buffer.from(CHAD) });
  await addDocument(userLibraryPath, { name: 'customs.txt', bytes: Buffer.from(KOSOVO) });
  desk = createDesk({ dbPath: inject('dbPath'), userLibraryPath, removeUserDocument: (slug) => removeDocument(userLibraryPath, slug) });
  bundled = Library.open(inject('dbPath'));
}, 60_000);

afterAll(() => {
  desk.close();
  bundled.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('documents the user added, with the bundled library', () => {
  it('are listed after the bundled documents, with where they came from', async () => {
    const docs = await call<DocumentSummary[]>('listDocuments');
    expect(docs.length).toBe(bundled.listDocuments().length + 2);
    const mine = docs.filter((d) => d.added);
    expect(mine.map((d) => [d.slug, d.added!.sourceName, d.added!.format])).toEqual([
      ['my-albania-chad-relations', 'chad.md', 'markdown'],
      ['my-customs-notes-on-albania-and-kosovo', 'customs.txt', 'text'],
    ]);
    const info = await call<{ counts: { documents: number } }>('info');
    expect(info.counts.documents).toBe(docs.length);
    // The origins are read from the documents' rows without opening each document: the same as the document says.
    for (const d of mine) expect((await call<{ added?: unknown }>('getDocument', { slug: d.slug })).added).toEqual(d.added);
    expect(bundled.addedDocuments().size).toBe(0);
  });

  it('are found by search in one ranked list with the bundled library, and alone with "mine"', async () => {
    const all = await call<SearchResponse>('search', { query: 'customs', limit: 50 });
    expect(all.results.map((r) => r.docSlug)).toContain('my-customs-notes-on-albania-and-kosovo');
    expect(all.results.some((r) => !r.docSlug.startsWith('my-'))).toBe(true);
    expect(all.total).toBe(all.results.length);
    const scores = all.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const mine = await call<SearchResponse>('search', { query: 'Albania', mine: true });
    expect(mine.results.length).toBeGreaterThan(0);
    expect(mine.results.every((r) => r.docSlug.startsWith('my-'))).toBe(true);

    const oneDoc = await call<SearchResponse>('search', { query: 'locust', docSlug: 'my-albania-chad-relations' });
    expect(oneDoc.results.map((r) => r.docSlug)).toEqual(['my-albania-chad-relations']);
  });

  it('are found by a quoted phrase in either library, checked on each library\'s own folded texts', async () => {
    const both = await call<SearchResponse>('search', { query: '"diplomatic relations"', limit: 100 });
    expect(both.results.map((r) => r.docSlug)).toContain('my-albania-chad-relations');
    expect(both.results.some((r) => !r.docSlug.startsWith('my-'))).toBe(true);
    for (const query of ['"remove border checks"', '"REMOVE BORDER checks for goods"', '"customs agreement on 3 March"']) {
      const r = await call<SearchResponse>('search', { query });
      expect(r.results.map((h) => h.docSlug), query).toEqual(['my-customs-notes-on-albania-and-kosovo']);
      expect(r.results[0]!.highlights.length, query).toBeGreaterThan(0);
    }
    expect((await call<SearchResponse>('search', { query: '"border checks remove"' })).total).toBe(0);
  });

  it('open in the reader and take part in partner pages and the timeline', async () => {
    const doc = await call<{ title: string; added?: unknown }>('getDocument', { slug: 'my-albania-chad-relations' });
    expect(doc.title).toBe('Albania–Chad relations');
    const kosovo = await call<{ documents: string[] }>('getPartner', { id: 'Kosovo' });
    expect(kosovo.documents).toContain('my-customs-notes-on-albania-and-kosovo');
    expect(kosovo.documents).toContain('albania-kosovo-relations');

    const page = await call<TimelinePage>('timeline', { partner: 'Kosovo', limit: MAX_TIMELINE_PAGE });
    const events = page.events;
    expect(page.total).toBe(events.length);
    const customs = events.find((e) => e.docSlug === 'my-customs-notes-on-albania-and-kosovo');
    expect(customs).toMatchObject({ date: '2023-03-03', precision: 'day' });
    expect(events.length).toBe(bundled.timeline({ partner: 'kosovo' }).length + 1);
    expect(events.map((e) => e.date.padEnd(10, '-'))).toEqual(events.map((e) => e.date.padEnd(10, '-')).sort());
  });

  it('are read a part at a time, by their outline, and bookmarked like bundled ones', async () => {
    const slug = 'my-albania-chad-relations';
    const part = await call<{ document: { title: string; sections: { anchor: string }[] }; from: number; sectionCount: number }>('getDocumentPart', { slug, count: 50 });
    expect(part.document.title).toBe('Albania–Chad relations');
    expect(part.sectionCount).toBeGreaterThan(0);
    expect(part.document.sections.length).toBe(part.sectionCount);
    const outline = await call<{ anchor: string }[]>('getDocumentOutline', { slug });
    expect(outline.map((s) => s.anchor)).toEqual(part.document.sections.map((s) => s.anchor));

    const dir4 = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-places-'));
    const d = createDesk({ dbPath: inject('dbPath'), userLibraryPath, userDbPath: path.join(dir4, 'user.db') });
    try {
      const added = await d.dispatch('addBookmark', { docSlug: slug, anchor: outline[0]!.anchor });
      expect(added).toMatchObject({ ok: true, value: { docSlug: slug, label: expect.stringContaining('Albania–Chad relations') } });
      const page = (await d.dispatch('bookmarkPage', {})) as { ok: true; value: { bookmarks: { docSlug: string; missing?: true }[] } };
      expect(page.value.bookmarks.filter((b) => b.docSlug === slug && !b.missing)).toHaveLength(1);
    } finally {
      d.close();
      fs.rmSync(dir4, { recursive: true, force: true });
    }
  });

  it('share one timeline: marks of both in one chronology, filters and event lookups across both', async () => {
    const marks = await call<Parameters<typeof expandMarks>[0]>('timelineMarks');
    const list = expandMarks(marks);
    expect(list.length).toBe(bundled.timelineMarks().count + 2);
    const dates = list.map((m) => m.date.padEnd(10, '-'));
    expect(dates).toEqual([...dates].sort());
    const chad = list.findIndex((m) => m.docSlug === 'my-albania-chad-relations');
    expect(list[chad]!.date).toBe('1971-05-12');

    const match = await call<{ positions: number[]; corpusHash: string }>('timelineMatch', { text: 'customs agreement' });
    expect(match.corpusHash).toBe(marks.corpusHash);
    expect(match.positions.map((p) => list[p]!.docSlug)).toContain('my-customs-notes-on-albania-and-kosovo');
    const ids = [list[0]!.id, list[chad]!.id];
    expect((await call<TimelineEvent[]>('timelineEvents', { ids })).map((e) => e.id)).toEqual(ids);
  });

  it('page through the one chronology: pages of both, in mark order, with the total of both', async () => {
    const list = expandMarks(await call<Parameters<typeof expandMarks>[0]>('timelineMarks'));
    const chad = list.findIndex((m) => m.docSlug === 'my-albania-chad-relations');
    // A page that straddles the user's 1971 event: bundled events on both sides of it.
    const page = await call<TimelinePage>('timeline', { offset: chad - 2, limit: 5 });
    expect(page).toMatchObject({ total: list.length, offset: chad - 2 });
    expect(page.events.map((e) => e.id)).toEqual(list.slice(chad - 2, chad + 3).map((m) => m.id));
    expect(page.events[2]).toMatchObject({ docSlug: 'my-albania-chad-relations', summary: expect.stringContaining('Chad') });

    const all: string[] = [];
    for (let offset = 0; ; offset += 4) {
      const p = await call<TimelinePage>('timeline', { text: 'agreement', offset, limit: 4 });
      all.push(...p.events.map((e) => e.id));
      if (offset + 4 >= p.total) break;
    }
    const match = await call<{ positions: number[] }>('timelineMatch', { text: 'agreement' });
    expect(all).toEqual(match.positions.map((p) => list[p]!.id));
    expect(all.length).toBeGreaterThan(4);
    expect(all.map((id) => list.find((m) => m.id === id)!.docSlug)).toContain('my-customs-notes-on-albania-and-kosovo');
  });

  it('appear in compare and briefings', async () => {
    const comparison = await call<Comparison>('compare', { partners: ['Kosovo', 'Chad'] });
    const relations = comparison.facets.find((f) => f.id === 'relations')!;
    expect(relations.cells['chad']!.some((e) => e.docSlug === 'my-albania-chad-relations')).toBe(true);
    const sheet = await call<{ sources: { docSlug: string }[] }>('briefing', { partners: ['Chad'] });
    expect(sheet.sources.some((s) => s.docSlug === 'my-albania-chad-relations')).toBe(true);
  });

  it('list an added agreement in the comparison after the bundled library’s, as one library would (issue 19: read without listing every document)', async () => {
    const dir4 = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-agreement-'));
    const file = path.join(dir4, 'user-library.db');
    const text = '# Memorandum between the European Union and Albania on customs\n\nThe European Union and Albania signed a customs memorandum on 2 June 2024.\n';
    await addDocument(file, { name: 'memorandum.md', bytes: Buffer.from(text) });
    const user = new UserLibrary(file);
    try {
      const combined = new CombinedLibrary(bundled, user);
      const cell = buildComparison(combined, ['european-union', 'kosovo']).facets.find((f) => f.id === 'agreements')!.cells['european-union']!;
      const ownAgreements = bundled.listDocuments().filter((d) => d.kind === 'agreement' && d.partners[0] === 'european-union');
      expect(ownAgreements.length).toBeGreaterThan(0);
      expect(cell.slice(0, ownAgreements.length + 1).map((e) => e.docSlug)).toEqual([...ownAgreements.map((d) => d.slug), 'my-memorandum-between-the-european-union-and-albania-on-customs']);
      expect(buildComparison(combined, ['european-union', 'kosovo'])).toEqual(legacyBuildComparison(combined, ['european-union', 'kosovo']));
      // One more added: the library read again, not what it held before.
      await addDocument(file, { name: 'treaty.md', bytes: Buffer.from(text.replace('Memorandum', 'Treaty').replace('customs memorandum', 'treaty')) });
      const again = buildComparison(combined, ['european-union', 'kosovo']).facets.find((f) => f.id === 'agreements')!.cells['european-union']!;
      expect(again.filter((e) => e.docSlug.startsWith('my-') && e.label === 'The full text is in this library').map((e) => e.docSlug)).toEqual([
        'my-memorandum-between-the-european-union-and-albania-on-customs',
        'my-treaty-between-the-european-union-and-albania-on-customs',
      ]);
    } finally {
      user.close();
      fs.rmSync(dir4, { recursive: true, force: true });
    }
  });

  it('when unreadable, leave the bundled library working and say why', async () => {
    const dir3 = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-broken-'));
    const file = path.join(dir3, 'user-library.db');
    fs.writeFileSync(file, 'not a database at all'.repeat(200));
    const d = createDesk({ dbPath: inject('dbPath'), userLibraryPath: file });
    try {
      const docs = (await d.dispatch('listDocuments', {})) as { ok: true; value: DocumentSummary[] };
      expect(docs.ok).toBe(true);
      expect(docs.value.length).toBe(bundled.listDocuments().length);
      expect(((await d.dispatch('search', { query: 'Kosovo' })) as { ok: true; value: SearchResponse }).value.total).toBeGreaterThan(0);
    } finally {
      d.close();
      fs.rmSync(dir3, { recursive: true, force: true });
    }
  });

  it('are removed, and a second remove says there is no such document', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-remove-'));
    const file = path.join(dir2, 'user-library.db');
    await addDocument(file, { name: 'chad.md', bytes: Buffer.from(CHAD) });
    const d = createDesk({ dbPath: inject('dbPath'), userLibraryPath: file, removeUserDocument: (slug) => removeDocument(file, slug) });
    try {
      expect(await d.dispatch('removeDocument', { slug: 'my-albania-chad-relations' })).toEqual({ ok: true, value: { removed: true, title: 'Albania–Chad relations' } });
      const again = await d.dispatch('removeDocument', { slug: 'my-albania-chad-relations' });
      expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No document "my-albania-chad-relations" among the documents you added.' } });
      const docs = (await d.dispatch('listDocuments', {})) as { ok: true; value: DocumentSummary[] };
      expect(docs.value.some((x) => x.slug.startsWith('my-'))).toBe(false);
    } finally {
      d.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });
});
