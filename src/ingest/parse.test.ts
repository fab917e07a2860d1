import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block, Section, TableRow } from '../shared/types';
import type { ParsedDocument } from './model';
import { parseDocument, recaseTitle } from './parse';
import { readCorpusDir } from './read';

const here = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = join(here, '../../corpus');
const FIXTURES = join(here, '__fixtures__');

const sources = Object.fromEntries(readCorpusDir(CORPUS).map((f) => [f.file, f.text!]));
const parsed = (file: string) => parseDocument(sources[file]!, file);
const NATO_FILE = '000_01b1839852d7f5aa.txt';
const FOREIGN_FILE = '001_1c21bd04d7b0840f.txt';
const UKRAINE_FILE = '002_92903de88c140cbd.txt';
const EU_FILE = '003_ecfe15411586faa7.txt';
const KOSOVO_FILE = '004_fc5a463e6e1c56f6.txt';
const nato = parsed(NATO_FILE);
const foreign = parsed(FOREIGN_FILE);
const ukraine = parsed(UKRAINE_FILE);
const eu = parsed(EU_FILE);
const kosovo = parsed(KOSOVO_FILE);
const all = [nato, foreign, ukraine, eu, kosovo];

function section(doc: ParsedDocument, heading: string): Section {
  const found = doc.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section "${heading}" in ${doc.sourceFile}`);
  return found;
}
function blocksOf<T extends Block['type']>(s: Section | ParsedDocument, type: T): Extract<Block, { type: T }>[] {
  const blocks = 'blocks' in s ? s.blocks : s.sections.flatMap((x) => x.blocks);
  return blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
}
function table(doc: ParsedDocument, heading: string) {
  const t = blocksOf(section(doc, heading), 'table')[0];
  if (!t) throw new Error(`no table under "${heading}"`);
  return t;
}
/** 1-based line of the first source line that contains `needle`. */
function lineOf(file: string, needle: string): number {
  return sources[file]!.split('\n').findIndex((l) => l.includes(needle)) + 1;
}
function lineStarting(file: string, prefix: string): number {
  return sources[file]!.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}
const cellTexts = (row: TableRow) => row.cells.map((c) => c.text);

describe('every corpus document', () => {
  it('has a lead section first: level 0, heading = title, path []', () => {
    for (const doc of all) {
      expect(doc.sections[0]).toMatchObject({ anchor: 'lead', level: 0, heading: doc.title, path: [] });
      for (const s of doc.sections.slice(1)) {
        expect(s.level).toBeGreaterThanOrEqual(2);
        expect(s.level).toBeLessThanOrEqual(4);
        expect(s.path[s.path.length - 1]).toBe(s.heading);
      }
    }
  });

  it('has unique anchors and unique block ids of the form anchor:index, each with its source line', () => {
    for (const doc of all) {
      const anchors = doc.sections.map((s) => s.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
      const ids = doc.sections.flatMap((s) => s.blocks.map((b, i) => (expect(b.id).toBe(`${s.anchor}:${i}`), b.id)));
      expect(new Set(ids).size).toBe(ids.length);
      expect(Object.keys(doc.blockLines).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(doc.blockLines[id]).toBeGreaterThanOrEqual(1);
    }
  });

  it('is parsed identically on every run (stable anchors and ids)', () => {
    for (const doc of all) expect(parseDocument(sources[doc.sourceFile]!, doc.sourceFile)).toEqual(doc);
  });

  it('reports only the repairs it made, never a parse problem (the corpus is well-formed)', () => {
    for (const doc of all) {
      for (const w of doc.warnings) {
        expect(['table-gaps', 'recovered-name', 'joined-paragraph']).toContain(w.code);
        expect(w.file).toBe(doc.sourceFile);
        expect(w.line).toBeGreaterThanOrEqual(1);
        expect(w.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('leaves no markup in the text: no ** bold markers, no <big> tags, no trailing spaces', () => {
    for (const doc of all) {
      const json = JSON.stringify(doc.sections);
      expect(json).not.toContain('**');
      expect(json).not.toMatch(/<\/?big>/);
      expect(json).not.toMatch(/ "/);
    }
  });
});

describe('Albania–Kosovo relations (wiki export)', () => {
  it('reads the title and the format', () => {
    expect(kosovo.title).toBe('Albania–Kosovo relations');
    expect(kosovo.format).toBe('wiki');
  });

  it('has History › Independence and Relations › Free Movement with the right paths', () => {
    expect(section(kosovo, 'History')).toMatchObject({ level: 2, path: ['History'], anchor: 'history' });
    expect(section(kosovo, 'Independence')).toMatchObject({
      level: 3,
      path: ['History', 'Independence'],
      anchor: 'history--independence',
    });
    expect(section(kosovo, 'Free Movement')).toMatchObject({
      level: 3,
      path: ['Relations', 'Free Movement'],
      anchor: 'relations--free-movement',
    });
    expect(section(kosovo, '2019 Albania earthquake')).toMatchObject({
      level: 4,
      path: ['History', 'Independence', '2019 Albania earthquake'],
    });
    expect(kosovo.sections.map((s) => s.heading)).toEqual([
      'Albania–Kosovo relations',
      'History',
      'Modern',
      'Independence',
      '2019 Albania earthquake',
      'Relations',
      'Cultural',
      'Economic',
      'Albania-Kosovo Railway',
      'Free Movement',
      'Security',
      'Resident diplomatic missions',
      'See also',
    ]);
  });

  it('turns the Infobox lines into one infobox block with every field, in order', () => {
    const [infobox] = blocksOf(kosovo.sections[0]!, 'infobox');
    expect(infobox!.fields).toHaveLength(9);
    expect(infobox!.fields[0]).toEqual({ key: 'Title', value: 'Albania–Kosovo' });
    expect(infobox!.fields).toContainEqual({ key: 'Mission1', value: 'Embassy of Albania, Pristina' });
    expect(infobox!.fields[8]).toEqual({ key: 'Envoy2', value: 'Nait Hasani' });
    expect(kosovo.blockLines[infobox!.id]).toBe(lineOf(KOSOVO_FILE, 'Infobox'));
  });

  it('keeps "the following day" sentence in the Independence section, with its line', () => {
    const [first] = blocksOf(section(kosovo, 'Independence'), 'paragraph');
    expect(first!.text).toMatch(/on 17 February 2008.*Diplomatic relations were established the following day\.$/);
    expect(kosovo.blockLines[first!.id]).toBe(lineOf(KOSOVO_FILE, 'When Kosovo declared its independence'));
  });

  it('keeps curly apostrophes and the euro sign as in the source', () => {
    const railway = blocksOf(section(kosovo, 'Albania-Kosovo Railway'), 'paragraph');
    expect(railway.map((p) => p.text).join(' ')).toContain('As part of Albania’s 2026 budget planning');
    expect(railway[0]!.text).toContain('€700 million');
  });

  it('turns the See also list into a seeAlso block with unresolved slugs', () => {
    const [seeAlso] = blocksOf(section(kosovo, 'See also'), 'seeAlso');
    expect(seeAlso!.items).toHaveLength(8);
    expect(seeAlso!.items[0]).toEqual({ title: 'Foreign relations of Albania', slug: null });
    expect(seeAlso!.items).toContainEqual({ title: 'Albania–Serbia relations', slug: null });
  });

  it('makes the resident missions a bullet list', () => {
    expect(blocksOf(section(kosovo, 'Resident diplomatic missions'), 'list')).toEqual([
      {
        id: 'resident-diplomatic-missions:0',
        type: 'list',
        style: 'bullet',
        items: ['Albania has an embassy in Prishtina.', 'Kosovo has an embassy in Tirana.'],
      },
    ]);
  });
});

describe('Albania–NATO relations (wiki export)', () => {
  it('has the Kuçovë Air Base section, and headings written without inner spaces', () => {
    const kucove = section(nato, 'Kuçovë Air Base');
    expect(kucove).toMatchObject({ level: 2, path: ['Kuçovë Air Base'], anchor: 'kucove-air-base' });
    expect(blocksOf(kucove, 'paragraph')[0]!.text).toMatch(/^In August 2018, Prime Minister of Albania, Edi Rama/);
    expect(section(nato, 'Pashaliman Naval Base').anchor).toBe('pashaliman-naval-base'); // "== X ==" form
    expect(section(nato, 'Negotiation progress').anchor).toBe('negotiation-progress'); // "==X==" form
  });

  it('keeps presentational infobox fields too (the renderer decides)', () => {
    expect(blocksOf(nato.sections[0]!, 'infobox')[0]!.fields).toEqual([
      { key: 'Map', value: 'Albania NATO Locator Lambert.svg' },
      { key: 'Size', value: '350px' },
    ]);
  });

  it('marks the ratification rows as gaps under a "Ratification by:" subheading row', () => {
    const t = table(nato, 'Negotiation progress');
    expect(t.header).toEqual(['Event', 'Date']); // <big>Event</big> cleaned
    expect(t.rows).toHaveLength(32);
    const sub = t.rows.findIndex((r) => r.subheading);
    expect(cellTexts(t.rows[sub]!)).toEqual(['Ratification by:', '']);
    expect(t.rows[sub]!.cells.some((c) => c.gap)).toBe(false);
    const ratifications = t.rows.slice(sub + 1, -1);
    expect(ratifications).toHaveLength(26);
    for (const row of ratifications) {
      expect(row.cells[0]).toEqual({ text: '', gap: true });
      expect(row.cells[1]!.text).toMatch(/^200[89]-\d\d-\d\d$/);
      expect(row.cells[1]!.gap).toBeUndefined();
    }
    expect(cellTexts(t.rows[0]!)).toEqual(['Partnership for Peace', '1994-02-23']);
    expect(t.rows.at(-1)).toEqual({ cells: [{ text: 'Member of NATO' }, { text: '2009-04-01' }] });
    expect(t.gaps).toMatchObject({ missingCells: 26, rowsWithGaps: 26, emptyRows: 26, emptyColumns: [] });
    expect(t.gaps!.note).toContain('Event in 26 of 31 rows, all under "Ratification by:"');
    expect(nato.warnings).toContainEqual(
      expect.objectContaining({ code: 'table-gaps', file: NATO_FILE, line: lineOf(NATO_FILE, '<big>Event</big>') }),
    );
  });

  it('does not invent gaps where the table is complete (Representatives)', () => {
    const t = table(nato, 'Representatives');
    expect(t.header).toEqual(['No.', 'Name', 'Term served', '']);
    expect(t.gaps).toBeUndefined();
    expect(cellTexts(t.rows[2]!)).toEqual(['3', 'Visho Ajazi', '5 December 2017', 'Incumbent']);
  });
});

describe('Foreign relations of Albania (wiki export)', () => {
  it('builds paths under a heading with a slash', () => {
    expect(section(foreign, 'Turkey')).toMatchObject({
      path: ['Balkans/Albania', 'Turkey'],
      anchor: 'balkans-albania--turkey',
    });
    expect(section(foreign, 'Africa').path).toEqual(['Diplomatic relations', 'Africa']);
  });

  it('keeps ;Term lines as term blocks', () => {
    expect(blocksOf(section(foreign, 'International'), 'term').map((t) => t.text)).toEqual([
      'Disputes',
      'International conflicts',
    ]);
  });

  it('keeps the 166 numbered rows of "List of countries" as rows with gaps, plus a note', () => {
    const t = table(foreign, 'List of countries');
    expect(t.header).toEqual(['#', 'Country', 'Date']);
    const numbered = t.rows.filter((r) => /^\d+$/.test(r.cells[0]!.text));
    expect(numbered).toHaveLength(166);
    expect(numbered.map((r) => r.cells[0]!.text)).toEqual(Array.from({ length: 166 }, (_, i) => String(i + 1)));
    for (const row of numbered) {
      expect(row.cells[0]!.gap).toBeUndefined();
      expect(row.cells[1]).toEqual({ text: '', gap: true });
      expect(row.cells[2]).toEqual({ text: '', gap: true });
    }
    // Unnumbered rows (non-member states in the source) are kept; "(severed)" keeps its text.
    expect(t.rows).toHaveLength(171);
    const severed = t.rows.find((r) => r.cells[1]!.text === '(severed)');
    expect(severed!.cells).toEqual([{ text: '—' }, { text: '(severed)' }, { text: '', gap: true }]);
    expect(t.gaps).toEqual({
      missingCells: 170 + 171,
      rowsWithGaps: 171,
      emptyRows: 170,
      emptyColumns: ['Date'],
      note: expect.stringContaining('Country in 170 of 171 rows and Date in all 171 rows'),
    });
    expect(t.gaps!.note).toMatch(/170 of the 171 rows with gaps keep only their row number\.$/);
    expect(foreign.warnings).toContainEqual(
      expect.objectContaining({ code: 'table-gaps', line: lineOf(FOREIGN_FILE, '| # | Country | Date |') }),
    );
  });

  it('recovers Egypt from "See Albania–Egypt relations" in the Africa table, and marks it', () => {
    const t = table(foreign, 'Africa');
    expect(t.rows.map((r) => r.cells[0])).toEqual([
      { text: '', gap: true },
      { text: 'Egypt', recovered: true },
      { text: 'Libya', recovered: true },
      { text: '', gap: true },
      { text: '', gap: true },
    ]);
    expect(t.gaps).toMatchObject({ missingCells: 3, rowsWithGaps: 3, emptyRows: 3, emptyColumns: [] });
    expect(t.gaps!.note).toBe(
      "Lost in the source (probably stripped templates such as flags): Country in all 5 rows; 2 names were recovered from the row's note and marked as recovered; those 3 rows keep only a single value.",
    );
    const egyptLine = lineOf(FOREIGN_FILE, '| | 1958 | See Albania–Egypt relations |');
    expect(foreign.warnings).toContainEqual({
      file: FOREIGN_FILE,
      line: egyptLine,
      code: 'recovered-name',
      message: expect.stringContaining('"Egypt"'),
    });
  });

  it('treats dash variants as one name: "Albania-Turkey" recovers Turkey', () => {
    const europe = table(foreign, 'Europe');
    const turkey = europe.rows.find((r) => r.cells[2]!.text === 'See Albania-Turkey relations')!;
    expect(turkey.cells[0]).toEqual({ text: 'Turkey', recovered: true });
    const asia = table(foreign, 'Asia');
    expect(asia.rows.filter((r) => r.cells[0]!.recovered).map((r) => r.cells[0]!.text)).toContain('Turkey');
  });

  it('keeps an empty date in a row with other content as an empty cell, not a gap', () => {
    const europe = table(foreign, 'Europe');
    const belgium = europe.rows.find((r) => r.cells[0]!.text === 'Belgium')!;
    expect(belgium.cells).toEqual([
      { text: 'Belgium', recovered: true },
      { text: '' },
      { text: 'See Albania–Belgium relations' },
    ]);
    const iran = table(foreign, 'Asia').rows.find((r) => r.cells[0]!.text === 'Iran')!;
    expect(iran.cells[1]!.text).toBe('1971 Severed Diplomatic in 7 September 2022');
  });

  it('recovers a former state\'s own name in "Former countries", never a successor state (issue 13)', () => {
    const t = table(foreign, 'Former countries');
    expect(t.rows).toHaveLength(5);
    expect(t.rows.map((r) => r.cells[0])).toEqual([
      { text: 'Soviet Union', recovered: true },
      { text: 'Yugoslavia', recovered: true },
      { text: '', gap: true }, // "See Albania–Austria relations and Albania–Hungary relations": successors
      { text: '', gap: true }, // "See Albania–Czech Republic relations": a successor of Czechoslovakia
      { text: '', gap: true }, // "See Albania–Germany relations": a successor, not the former state
    ]);
    expect(t.rows[2]!.cells[2]!.text).toBe('See Albania–Austria relations and Albania–Hungary relations');
  });

  it('recovers the EU, NATO and the UN in the Multilateral table from their notes (issue 13)', () => {
    const t = table(foreign, 'Multilateral');
    expect(t.header[0]).toBe('Organisation');
    expect(t.rows.map((r) => r.cells[0])).toEqual([
      { text: 'European Union', recovered: true },
      { text: 'NATO', recovered: true },
      { text: 'United Nations', recovered: true },
    ]);
  });

  it('counts recovered names per table, one warning each', () => {
    const recovered = (heading: string) =>
      table(foreign, heading).rows.filter((r) => r.cells.some((c) => c.recovered)).length;
    expect(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Former countries', 'Multilateral'].map(recovered)).toEqual(
      [2, 4, 12, 34, 1, 2, 3],
    );
    expect(foreign.warnings.filter((w) => w.code === 'recovered-name')).toHaveLength(58);
    expect(foreign.warnings.filter((w) => w.code === 'table-gaps')).toHaveLength(8);
  });

  it('turns the See also list into a seeAlso block', () => {
    expect(blocksOf(section(foreign, 'See also'), 'seeAlso')[0]!.items.map((i) => i.title)).toEqual([
      'List of diplomatic missions in Albania',
      'List of diplomatic missions of Albania',
      'Visa requirements for Albanian citizens',
    ]);
  });
});

describe('Albania–Ukraine relations (wiki export)', () => {
  it('keeps each non-blank line of prose as its own paragraph', () => {
    const lead = blocksOf(ukraine.sections[0]!, 'paragraph');
    expect(lead.map((p) => p.text)).toEqual([
      'The diplomatic relations between Albania and Ukraine were established in 1993.',
      'In September 2020, Ukraine opened an embassy in Tirana. Albania is accredited to Ukraine from its embassy in Warsaw, Poland and has an honorary consulate in Kharkiv.',
      'Both countries are members of the BSCE, OSCE, and Council of Europe. Albania is member of NATO, for which Ukraine applied for membership in 2022.',
    ]);
    expect(lead.map((p) => ukraine.blockLines[p.id])).toEqual([3, 4, 5]);
  });

  it('nests ==== headings under the === heading that is open', () => {
    expect(section(ukraine, '2022 invasion of Ukraine')).toMatchObject({
      level: 4,
      path: ['History', 'Opposition to Russian activity', '2022 invasion of Ukraine'],
      anchor: 'history--opposition-to-russian-activity--2022-invasion-of-ukraine',
    });
    expect(section(ukraine, 'Post–Cold War and new relations').anchor).toBe('history--post-cold-war-and-new-relations');
  });

  it('keeps See also titles exactly as written (the builder resolves them)', () => {
    const titles = blocksOf(section(ukraine, 'See also'), 'seeAlso')[0]!.items.map((i) => i.title);
    expect(titles).toContain('Ukraine-NATO relations');
    expect(titles).toHaveLength(7);
  });
});

describe('EU–Albania Security and Defence Partnership (Markdown from a PDF)', () => {
  const paragraphs = blocksOf(eu, 'paragraph');
  const numbered = (n: string) => paragraphs.find((p) => p.number === n)!;

  it('re-cases the bold ALL-CAPS title spread over three lines', () => {
    expect(eu.format).toBe('pdf-markdown');
    expect(eu.title).toBe('Security and Defence Partnership between the European Union and the Republic of Albania');
    expect(eu.sections[0]!.heading).toBe(eu.title);
  });

  it('reads 33 numbered paragraphs, in order, without their "N. " prefix', () => {
    expect(paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 33 }, (_, i) => String(i + 1)));
    expect(numbered('1').text).toMatch(/^The European Union \(EU\) and the Republic of Albania/);
    expect(blocksOf(eu.sections[0]!, 'paragraph')).toHaveLength(8);
  });

  it('joins paragraph 4, cut by a page break, into one paragraph', () => {
    expect(numbered('4').text).toContain('The second Intergovernmental Conference on accession negotiations with Albania');
    expect(numbered('4').text).toMatch(/were completed in November 2023\.$/);
    expect(paragraphs.some((p) => p.text.startsWith('accession negotiations'))).toBe(false);
    expect(eu.warnings).toContainEqual({
      file: EU_FILE,
      line: lineStarting(EU_FILE, 'accession negotiations with Albania was held'),
      code: 'joined-paragraph',
      message: expect.stringContaining(`paragraph at line ${lineStarting(EU_FILE, '4. The EU recognised')}`),
    });
  });

  it('joins paragraphs 13, 20 and 26 too (26 continues with a capital: "European Security and Defence College")', () => {
    expect(numbered('13').text).toContain('including live ones, as appropriate.');
    expect(numbered('20').text).toContain('The EU will continue to support the Albanian Armed Forces efforts');
    expect(numbered('26').text).toContain('cooperation with the European Security and Defence College (ESDC).');
    expect(eu.warnings.filter((w) => w.code === 'joined-paragraph')).toHaveLength(4);
    expect(paragraphs.every((p) => p.number !== undefined)).toBe(true);
  });

  it('strips bold markers from headings and builds paths from ## / ### / ####', () => {
    expect(section(eu, 'General Framework')).toMatchObject({ level: 2, path: ['General Framework'] });
    expect(section(eu, 'EU CSDP missions and operations')).toMatchObject({
      level: 4,
      path: ['General Framework', 'Areas of Cooperation', 'EU CSDP missions and operations'],
      anchor: 'general-framework--areas-of-cooperation--eu-csdp-missions-and-operations',
    });
    expect(section(eu, 'External aspects of economic security').path).toEqual([
      'General Framework',
      'External aspects of economic security',
    ]);
    expect(section(eu, 'Way Forward').level).toBe(3);
    expect(eu.sections).toHaveLength(18);
  });

  it('reads "- ◇" bullets as one diamond list', () => {
    const lists = blocksOf(eu, 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.style).toBe('diamond');
    expect(lists[0]!.items).toHaveLength(4);
    expect(lists[0]!.items[0]).toBe('Inviting Albania to relevant meetings organised by the EU dedicated to security and defence.');
  });

  it('keeps curly quotes', () => {
    expect(numbered('4').text).toContain('Cluster 1 “Fundamentals”');
  });
});

describe('recaseTitle', () => {
  it('lower-cases minor words, keeps known acronyms', () => {
    expect(recaseTitle('PARTNERSHIP BETWEEN THE EU AND NATO', new Set(['EU', 'NATO']))).toBe(
      'Partnership between the EU and NATO',
    );
    expect(recaseTitle('THE EU-ALBANIA DIALOGUE', new Set(['EU']))).toBe('The EU-Albania Dialogue');
  });
});

describe('malformed input', () => {
  const fixture = (name: string) => parseDocument(readFileSync(join(FIXTURES, name), 'utf8'), name);

  it('ends an unclosed table at a non-pipe line, keeps a row without its trailing pipe, and warns', () => {
    const doc = fixture('unclosed-table.txt');
    const partners = section(doc, 'Partners');
    expect(partners.blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    const t = partners.blocks[0] as Extract<Block, { type: 'table' }>;
    expect(t.rows.map(cellTexts)).toEqual([
      ['Egypt', '1958', 'See Albania – Egypt relations'],
      ['Turkey', '1981', 'See Albania-Turkey relations'],
      ['', '1912', 'See Albania–Austria relations and Albania–Hungary relations'],
    ]);
    // Two partners in one note: nothing is recovered, the gap stays.
    expect(t.rows[2]!.cells[0]).toEqual({ text: '', gap: true });
    expect(doc.warnings).toContainEqual(
      expect.objectContaining({ file: 'unclosed-table.txt', line: 6, code: 'table-row-unclosed' }),
    );
    // The file ends inside a table: the rows are still there.
    const second = table(doc, 'Second table');
    expect(second.rows.map(cellTexts)).toEqual([
      ['Invitation to join', '2008-04-03'],
      ['Ratification by:', ''],
      ['', '2009-01-29'],
      ['', '2008-10-23'],
    ]);
    expect(second.rows[1]!.subheading).toBe(true);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ line: 15, code: 'table-row-unclosed' }));
  });

  it('accepts headings out of order, with paths from what is open, and warns with the line', () => {
    const doc = fixture('headings-out-of-order.txt');
    expect(doc.sections.map((s) => [s.anchor, s.level, s.path])).toEqual([
      ['lead', 0, []],
      ['deep-first', 4, ['Deep first']],
      ['history', 2, ['History']],
      ['history--skipped-a-level', 4, ['History', 'Skipped a level']],
      ['history--modern', 3, ['History', 'Modern']],
      ['history-2', 2, ['History']],
      ['history-3', 2, ['History']],
      ['too-few-closing', 2, ['Too few closing']],
      ['too-few-closing--too-deep', 4, ['Too few closing', 'Too deep']],
    ]);
    const codes = doc.warnings.map((w) => `${w.line}:${w.code}`);
    expect(codes).toEqual([
      '5:heading-out-of-order',
      '11:heading-out-of-order',
      '23:heading-unbalanced',
      '26:heading-level',
      '26:heading-out-of-order',
    ]);
    expect(doc.warnings[0]).toMatchObject({ file: 'headings-out-of-order.txt' });
  });

  it('skips garbage lines and raw wikitext table markup, with a warning each', () => {
    const doc = fixture('garbage.txt');
    expect(blocksOf(doc, 'paragraph').map((p) => p.text)).toEqual([
      'Real text with a bell.',
      'A paragraph right after an empty infobox.',
    ]);
    expect(doc.warnings.map((w) => `${w.line}:${w.code}`)).toEqual([
      '3:garbage-line',
      '4:table-markup',
      '5:table-markup',
      '6:table-markup',
      '7:garbage-line',
      '8:garbage-line',
      '9:control-chars',
      '10:garbage-line',
      '11:garbage-line',
      '12:garbage-line',
      '13:infobox-empty',
    ]);
  });

  it('takes the title from the file name when there is no title line, with a warning', () => {
    const doc = fixture('no-title.txt');
    expect(doc.title).toBe('no-title');
    expect(doc.sections[0]!.heading).toBe('no-title');
    expect(section(doc, 'Overview').path).toEqual(['Overview']);
    expect(doc.warnings).toEqual([expect.objectContaining({ file: 'no-title.txt', line: 1, code: 'missing-title' })]);
  });

  it('recognises PDF Markdown without a title and applies the page-break rule only where it fits', () => {
    const doc = fixture('no-title-pdf.md');
    expect(doc.format).toBe('pdf-markdown');
    expect(doc.title).toBe('no-title-pdf');
    expect(blocksOf(doc, 'paragraph').map((p) => [p.number, p.text])).toEqual([
      ['1', 'The parties agree to cooperate on'], // followed by a numbered paragraph: not joined
      ['2', 'The next numbered paragraph starts here.'],
      ['3', 'A paragraph that ends without punctuation Continuation with a capital after a page break.'],
      ['4', 'Complete sentence.'],
      [undefined, 'Unnumbered text after a complete sentence stays separate.'],
    ]);
  });

  it('parses a 5 MB single paragraph quickly, whole, with a warning', () => {
    const unit = 'Albania and <big>Kosovo</big> signed **an** agreement on 18 March 2025 in Tirana; ';
    const big = unit.repeat(Math.ceil(5_000_000 / unit.length));
    for (const text of [big, `= Big =\n\n${big}\n`, `**BIG**\n\n1. ${big}\n`]) {
      const started = performance.now();
      const doc = parseDocument(text, 'big.txt');
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(2500);
      const paragraphs = blocksOf(doc, 'paragraph');
      expect(paragraphs).toHaveLength(1);
      expect(paragraphs[0]!.text.length).toBeGreaterThan(4_000_000);
      expect(paragraphs[0]!.text).not.toContain('<big>');
      expect(doc.warnings.map((w) => w.code)).toContain('oversized-paragraph');
    }
  });

  it('never throws, whatever the input', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const pieces = ['=', '==', '#', '## ', '|', '| |', '- ', '◇', ';', '**', '<big>', '\n', '\n\n', ' ', 'a', 'Z', '1. ', 'Infobox\n', ':', '\r', '\u0000', '–', 'See Albania–X relations'];
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(random() * 60);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(random() * pieces.length)];
      const doc = parseDocument(text, `random-${i}.txt`);
      expect(doc.sections[0]!.level).toBe(0);
      for (const w of doc.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
    }
    expect(parseDocument('', 'empty.txt').sections).toHaveLength(1);
  });

  it('accepts CRLF text and a BOM passed directly to parseDocument', () => {
    const doc = parseDocument('\uFEFF= Title =\r\n\r\n== A ==\r\nText.\r\n', 'crlf.txt');
    expect(doc.title).toBe('Title');
    expect(section(doc, 'A').blocks).toEqual([{ id: 'a:0', type: 'paragraph', text: 'Text.' }]);
    expect(doc.blockLines['a:0']).toBe(4);
  });
});
