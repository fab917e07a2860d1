// Issue 19: a fact stated by many documents cites its first few sources and counts the rest;
// the briefing numbers only the cited ones; "sources differ" is still decided on every date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../ingest/build';
import { BRIEFING_CAPS, buildBriefing } from './briefing';
import { buildComparison } from './compare';
import { ALSO_IN_CAP } from './compareQuotes';
import { Library } from './library';

/** Documents about Albania and Estonia, each stating the same establishment date, the last another; and about Latvia. */
const STATING = 14;
const doc = (i: number, date: string) =>
  [`= Albania–Estonia relations (part ${i}) =`, '', `Diplomatic relations between Albania and Estonia were established on ${date}. Trade talks number ${i} were held in Tallinn.`, ''].join('\n');

let dir: string;
let lib: Library;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-cited-'));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  for (let i = 0; i < STATING; i++) fs.writeFileSync(path.join(corpus, `${String(i).padStart(3, '0')}_estonia.txt`), doc(i, '5 May 1992'));
  fs.writeFileSync(path.join(corpus, `${STATING}_estonia.txt`), doc(STATING, '9 June 1975'));
  for (let i = 0; i < STATING; i++) {
    fs.writeFileSync(path.join(corpus, `${i}_latvia.txt`), `= Albania–Latvia relations (part ${i}) =\n\nDiplomatic relations between Albania and Latvia were established on 1 July 1992. Talks number ${i} were held in Riga.\n`);
  }
  buildDatabase({ corpusDir: corpus, outFile: path.join(dir, 'desk.db'), builtAt: '2026-01-01T00:00:00.000Z' });
  lib = Library.open(path.join(dir, 'desk.db'));
}, 120_000);
afterAll(() => {
  lib?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a fact stated in many documents (issue 19)', () => {
  it('cites its first sources and counts the rest; sources differ still sees the one other date', () => {
    const c = buildComparison(lib, ['estonia']);
    const relations = c.facets.find((f) => f.id === 'relations')!.cells['estonia']!;
    const may = relations.find((e) => e.date?.date === '1992-05-05')!;
    expect(may, JSON.stringify(relations)).toBeDefined();
    expect(may.alsoIn).toHaveLength(ALSO_IN_CAP);
    expect(may.alsoInMore).toBe(STATING - 1 - ALSO_IN_CAP);
    // Every cited source is another document than the quoted one, and none is cited twice.
    const cited = [may.docSlug, ...may.alsoIn!.map((a) => a.docSlug)];
    expect(new Set(cited).size).toBe(cited.length);
    // The disagreeing date is in a document no citation names, and still marks the fact.
    expect(may.sourcesDiffer).toMatch(/9 June 1975/);
    const june = relations.find((e) => e.date?.date === '1975-06-09')!;
    expect(june.sourcesDiffer).toMatch(/5 May 1992/);
    expect(june.alsoIn).toBeUndefined();
    expect(june.alsoInMore).toBeUndefined();
  });

  it('the briefing numbers only the cited sources and says how many more there are', () => {
    const sheet = buildBriefing(lib, { partners: ['estonia'], date: '2026-03-01' });
    const row = sheet.facts.find((r) => r.id === 'relations')!;
    const item = row.cells['estonia']!.find((i) => i.date?.date === '1992-05-05')!;
    const shown = BRIEFING_CAPS.single.alsoSources;
    expect(item.alsoSources).toHaveLength(shown);
    expect(item.alsoMore).toBe(STATING - 1 - shown);
    const cited = new Set(sheet.sources.map((s) => s.docSlug));
    // 15 documents state the fact; the sheet lists the quoted ones and the few cited, not all.
    expect(cited.size).toBeLessThan(STATING);
    for (const n of [item.source, ...item.alsoSources!]) expect(sheet.sources.find((s) => s.n === n)).toBeDefined();
  });

  it('side by side, each fact numbers one other source and counts the rest', () => {
    const sheet = buildBriefing(lib, { partners: ['estonia', 'latvia'], date: '2026-03-01' });
    const cell = sheet.facts.find((r) => r.id === 'relations')!.cells['latvia']!;
    const item = cell.find((i) => i.date?.date === '1992-07-01')!;
    expect(item, JSON.stringify(cell)).toBeDefined();
    expect(BRIEFING_CAPS['side-by-side'].alsoSources).toBe(1);
    expect(item.alsoSources).toHaveLength(1);
    expect(item.alsoMore).toBe(STATING - 2);
  });
});
