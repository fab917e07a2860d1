import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Partner, TimelineEvent } from '../shared/types';
import { slugify } from '../shared/text';
import { classifyDocument, extractAll, type Extraction } from './extract';
import { summarize } from './events';
import { splitSentences } from '../core/sentences';
import { parseDocument } from './parse';
import { readCorpusDir } from './read';

const corpusDir = join(__dirname, '../../corpus');

let x: Extraction;
const SLUG = {
  nato: 'albania-nato-relations',
  overview: 'foreign-relations-of-albania',
  ukraine: 'albania-ukraine-relations',
  kosovo: 'albania-kosovo-relations',
};

beforeAll(() => {
  const docs = readCorpusDir(corpusDir)
    .filter((s) => s.text !== null)
    .map((s) => {
      const doc = parseDocument(s.text!, s.file);
      return { slug: slugify(doc.title, 60), title: doc.title, doc };
    });
  x = extractAll(docs);
});

const partner = (id: string): Partner => {
  const p = x.partners.find((q) => q.id === id);
  if (!p) throw new Error(`no partner ${id}`);
  return p;
};
const eventsWhere = (pred: (e: TimelineEvent) => boolean) => x.events.filter(pred);
const eventQuoting = (text: string, date?: string) =>
  eventsWhere((e) => e.quote.includes(text) && (date === undefined || e.date === date));

describe('splitSentences', () => {
  it('does not break on U.S. (mid-sentence), No., i.a. or decimals, but does after a sentence-final U.S.', () => {
    expect(splitSentences('A handful of Albanian troops have participated in the U.S.-led military operations in Iraq. U.S. assistance priorities include promotion.')).toEqual([
      'A handful of Albanian troops have participated in the U.S.-led military operations in Iraq.',
      'U.S. assistance priorities include promotion.',
    ]);
    expect(splitSentences('Turkey remains for Albania an important military ally alongside the U.S. Through its military personnel Turkey continues to train.')).toHaveLength(2);
    expect(splitSentences('See No. 5 of the list. They will i.a. explore the possibilities. It is 92.93% of 1.8 million.')).toEqual([
      'See No. 5 of the list.',
      'They will i.a. explore the possibilities.',
      'It is 92.93% of 1.8 million.',
    ]);
  });
});

describe('summarize', () => {
  it('keeps short sentences whole and cuts long ones to ≤ 140 characters, keeping the date', () => {
    expect(summarize('Albania received a MAP in 1999.')).toBe('Albania received a MAP in 1999');
    const long =
      'In 1996, the two countries signed a Treaty of Peace and Friendship and discussed the issues of the status of Albanian refugees in Greece and education in the mother tongue for the ethnic Greek minority in southern Albania.';
    const s = summarize(long, '1996');
    expect(s.length).toBeLessThanOrEqual(140);
    expect(s).toContain('1996');
    expect(long.startsWith(s.replace(/…$/, ''))).toBe(true);
  });
});

describe('classifyDocument', () => {
  it('tells bilateral, overview and agreement documents apart', () => {
    expect(classifyDocument('Albania–Kosovo relations')).toMatchObject({ kind: 'bilateral', main: { id: 'kosovo' } });
    expect(classifyDocument('Albania-NATO relations')).toMatchObject({ kind: 'bilateral', main: { id: 'nato' } });
    expect(classifyDocument('Foreign relations of Albania')).toMatchObject({ kind: 'overview', main: null });
    expect(classifyDocument('Security and Defence Partnership between the European Union and the Republic of Albania')).toMatchObject({
      kind: 'agreement',
      main: { id: 'european-union' },
    });
  });
});

describe('extractAll over the real corpus — documents', () => {
  it('gives each document its kind and main partner first', () => {
    const byKind = Object.fromEntries(x.documents.map((d) => [d.slug, d]));
    expect(byKind[SLUG.nato]).toMatchObject({ kind: 'bilateral', partners: expect.arrayContaining(['nato']) });
    expect(byKind[SLUG.nato]!.partners[0]).toBe('nato');
    expect(byKind[SLUG.kosovo]!.partners[0]).toBe('kosovo');
    expect(byKind[SLUG.ukraine]!.partners[0]).toBe('ukraine');
    expect(byKind[SLUG.overview]!.kind).toBe('overview');
    expect(byKind[SLUG.overview]!.partners).toEqual(expect.arrayContaining(['turkey', 'greece', 'kosovo']));
    const agreement = x.documents.find((d) => d.kind === 'agreement');
    expect(agreement?.partners[0]).toBe('european-union');
    expect(x.documents).toHaveLength(5);
  });
});

describe('extractAll over the real corpus — events that must come out right', () => {
  it('NATO membership on 2009-04-01 (day)', () => {
    const member = eventsWhere((e) => e.date === '2009-04-01' && e.precision === 'day' && e.partners.includes('NATO'));
    expect(member.map((e) => e.quote)).toEqual(
      expect.arrayContaining([expect.stringContaining('became a full member on April 1, 2009'), '| Member of NATO | 2009-04-01 |']),
    );
  });

  it('Albania recognising Ukraine on 1992-01-04', () => {
    const [e] = eventQuoting('Albania recognized the independence of Ukraine');
    expect(e).toMatchObject({ date: '1992-01-04', precision: 'day', partners: ['Ukraine'], docSlug: SLUG.ukraine });
    expect(partner('ukraine').recognition.map((r) => r.value.date)).toEqual(['1992-01-04']);
  });

  it("Kosovo's independence on 2008-02-17 and relations the following day, 2008-02-18", () => {
    expect(eventQuoting('declared its independence from Serbia on 17 February 2008')[0]).toMatchObject({
      date: '2008-02-17',
      precision: 'day',
      partners: expect.arrayContaining(['Kosovo']),
    });
    const next = eventQuoting('Diplomatic relations were established the following day.');
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ date: '2008-02-18', precision: 'day', partners: ['Kosovo'], anchor: 'history--independence' });
    const kosovo = partner('kosovo');
    expect(kosovo.established).toMatchObject({ date: '2008-02-18', precision: 'day' });
    expect(kosovo.recognition.map((r) => r.value.date)).toEqual(['1991-10-22', '2008-02-17']);
  });

  it('351 Ukrainian refugees in March 2022 (month)', () => {
    const [e] = eventQuoting('Albania received 351 Ukrainian refugees');
    expect(e).toMatchObject({ date: '2022-03', precision: 'month', partners: ['Ukraine'] });
    expect(e!.quote).toBe(
      'In mid-March, Albania received 351 Ukrainian refugees with the government offering to house several thousand other Ukrainians.',
    );
    expect(eventsWhere((ev) => ev.date === '0351' || ev.date === '351')).toEqual([]);
  });

  it('the Kuçovë air base announced in August 2018', () => {
    expect(eventQuoting('near the municipality of Kuçovë')[0]).toMatchObject({ date: '2018-08', precision: 'month', partners: ['NATO'] });
  });

  it('Kosovo free movement in May 2025', () => {
    expect(eventQuoting('free-movement arrangement')[0]).toMatchObject({ date: '2025-05', precision: 'month', partners: ['Kosovo'] });
  });

  it('Partnership for Peace on 1994-02-23, and "this same day" too', () => {
    expect(eventQuoting('Albania signed the Partnership for Peace agreement')[0]).toMatchObject({ date: '1994-02-23', precision: 'day' });
    expect(eventQuoting('| Partnership for Peace | 1994-02-23 |')[0]).toMatchObject({ date: '1994-02-23', summary: 'Partnership for Peace (Negotiation progress)' });
    expect(eventQuoting('It was on this same day, 23 February')[0]).toMatchObject({ date: '1994-02-23', precision: 'day' });
  });

  it('"the 1990s" as the decade 1990..1999', () => {
    const e = eventQuoting('During the 1990s, state relations between Albania and Turkey')[0];
    expect(e).toMatchObject({ date: '1990', end: '1999', precision: 'decade', partners: ['Turkey'] });
  });

  it('the UN Security Council term 2022–23 as a range, and the vote on 11 June 2021', () => {
    const lead = eventQuoting('for a two-year term, 2022–23.')[0];
    expect(lead).toMatchObject({ date: '2022', end: '2023', precision: 'range', partners: ['United Nations'] });
    const vote = eventQuoting('in 2022–23, on 11 June 2021');
    expect(vote.map((e) => [e.date, e.precision])).toEqual([
      ['2022', 'range'],
      ['2021-06-11', 'day'],
    ]);
  });

  it('the NATO ratification rows: NATO, and honest about the missing country', () => {
    const rows = eventsWhere((e) => e.summary === 'Accession protocol ratified by a NATO member (country not named in the source)');
    expect(rows).toHaveLength(26);
    expect(rows.every((e) => e.partners.length === 1 && e.partners[0] === 'NATO' && e.precision === 'day')).toBe(true);
    expect(new Set(rows.map((e) => e.id)).size).toBe(26);
  });

  it('relations-table rows: recovered names, unnamed rows, and the cells with two dates', () => {
    expect(eventsWhere((e) => e.summary.startsWith('Relations established with Egypt'))).toHaveLength(1); // Africa and Asia rows are one event
    expect(eventQuoting('| | 1963 | |')[0]!.summary).toBe('Relations established with a country not named in the source (Africa table, row 1)');
    expect(eventQuoting('de facto in 1971 de juro 21 March 1996').map((e) => [e.date, e.summary.split(' with')[0]])).toEqual([
      ['1971', 'Relations established de facto'],
      ['1996-03-21', 'Relations established de jure'],
    ]);
    expect(eventQuoting('April 1922 re-established in March 1981').map((e) => e.date)).toEqual(['1922-04', '1981-03']);
    expect(eventQuoting('1971 Severed Diplomatic').map((e) => e.summary.split(' with')[0])).toEqual(['Relations established', 'Relations severed']);
    // The 166-row list has no dates at all: no events.
    expect(eventsWhere((e) => e.anchor === 'list-of-countries' && e.quote.startsWith('|'))).toEqual([]);
  });

  it('never dates the non-date numbers, never cites a book title year', () => {
    expect(eventsWhere((e) => /^(0|1[0-6])/.test(e.date))).toEqual([]);
    expect(eventsWhere((e) => e.date.startsWith('17')).map((e) => [e.date, e.end, e.precision])).toEqual([['1701', '1800', 'range']]); // "the earlier 18th century plans"
    expect(eventQuoting('Greece and Albania in the early 20th century (1995)')).toEqual([]);
  });

  it('every event is well formed', () => {
    for (const e of x.events) {
      expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(['day', 'month', 'year', 'decade', 'range']).toContain(e.precision);
      if (e.precision === 'decade' || e.precision === 'range') expect(e.end).toBeDefined();
      expect(e.summary.length).toBeGreaterThan(0);
      expect(e.summary.length).toBeLessThanOrEqual(140);
      expect(e.quote.length).toBeGreaterThan(0);
      for (const name of e.partners) expect(x.partners.map((p) => p.name)).toContain(name);
    }
    expect(new Set(x.events.map((e) => e.id)).size).toBe(x.events.length);
  });
});

describe('extractAll over the real corpus — partner facts', () => {
  it('lists only partners the corpus mentions', () => {
    const ids = x.partners.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['kosovo', 'ukraine', 'nato', 'european-union', 'turkey', 'greece', 'iran', 'egypt', 'chad', 'soviet-union']));
    expect(ids).not.toContain('albania');
    expect(ids).not.toContain('austria-hungary'); // only pointed at through "Albania–Austria … Albania–Hungary relations"
    expect(ids).not.toContain('nepal');
  });

  it('Ukraine: both establishment sources kept, the day-precise one preferred; all missions kept', () => {
    const ukraine = partner('ukraine');
    expect(ukraine.established).toMatchObject({ date: '1993-01-13', precision: 'day' });
    const sources = ukraine.establishedSources.map((s) => s.value.date);
    expect(sources).toEqual(expect.arrayContaining(['1993', '1993-01-13', '1992']));
    expect(ukraine.establishedSources.find((s) => s.value.date === '1993')!.source.quote).toBe(
      'The diplomatic relations between Albania and Ukraine were established in 1993.',
    );
    const missions = ukraine.missions.map((m) => `${m.direction}|${m.kind}|${m.place}`);
    expect(missions).toEqual(
      expect.arrayContaining([
        'albania-in-partner|accredited from its embassy|Warsaw, Poland',
        'albania-in-partner|honorary consulate|Kharkiv',
        'partner-in-albania|embassy|Tirana',
        'albania-in-partner|embassy|Kyiv',
      ]),
    );
    expect(ukraine.envoys).toEqual([
      expect.objectContaining({ name: 'Adhurim Resuli', sends: 'albania', from: expect.objectContaining({ date: '2021-09' }) }),
    ]);
  });

  it('Kosovo: infobox missions and envoys', () => {
    const kosovo = partner('kosovo');
    expect(kosovo.missions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'albania-in-partner', kind: 'embassy', place: 'Pristina', source: expect.objectContaining({ quote: '- Mission1: Embassy of Albania, Pristina' }) }),
        expect.objectContaining({ direction: 'partner-in-albania', kind: 'embassy', place: 'Tirana' }),
      ]),
    );
    expect(kosovo.envoys.map((e) => [e.name, e.title, e.sends])).toEqual([
      ['Qemal Minxhozi', 'Ambassador', 'albania'],
      ['Nait Hasani', 'Ambassador', 'kosovo'],
    ]);
  });

  it('Iran: established 1971, severed 7 September 2022 (prose and table)', () => {
    const iran = partner('iran');
    expect(iran.established).toMatchObject({ date: '1971', precision: 'year' });
    expect(iran.severed.map((s) => s.value.date)).toEqual(['2022-09-07', '2022-09-07']);
    expect(iran.severed.map((s) => s.source.quote)).toContain('Diplomatic relations were suspended with Iran on 7 September 2022.');
  });

  it('NATO: representatives with terms, and the membership steps', () => {
    const nato = partner('nato');
    expect(nato.envoys.map((e) => [e.name, e.from?.date, e.to === 'incumbent' ? 'incumbent' : e.to?.date])).toEqual([
      ['Artur Kuko', '2009', '2013-12-05'],
      ['Leonard Demi', '2013-12-05', '2017-12-05'],
      ['Visho Ajazi', '2017-12-05', 'incumbent'],
    ]);
    const steps = (name: string) => nato.memberships.filter((m) => m.name === name).map((m) => m.value?.date);
    expect(steps('Member of NATO')).toEqual(expect.arrayContaining(['2009-04-01', '2009']));
    expect(steps('Partnership for Peace')).toEqual(expect.arrayContaining(['1994-02-23']));
    expect(steps('North Atlantic Cooperation Council')).toEqual(expect.arrayContaining(['1992']));
    expect(steps('Membership Action Plan')).toEqual(expect.arrayContaining(['1999', '1999-04-12']));
    for (const m of nato.memberships) expect(m.source.quote.length).toBeGreaterThan(0);
  });

  it('UN: Security Council 2022–23 as a range; EU: the accession path', () => {
    const unsc = partner('united-nations').memberships.filter((m) => m.name.startsWith('UN Security Council'));
    expect(unsc[0]?.value).toMatchObject({ date: '2022', end: '2023', precision: 'range' });
    const eu = partner('european-union').memberships.map((m) => [m.name, m.value?.date]);
    expect(eu).toEqual(
      expect.arrayContaining([
        ['EU accession: decision to open negotiations endorsed', '2020-03'],
        ['EU accession: first Intergovernmental Conference', '2022-07'],
        ['EU accession: screening completed', '2023-11'],
        ['EU accession: second Intergovernmental Conference', '2024-10'],
      ]),
    );
    expect(partner('osce').memberships.length).toBeGreaterThan(0);
  });

  it('Greece and Turkey: established from the tables, events counted', () => {
    expect(partner('greece').establishedSources.map((s) => s.value.date)).toEqual(['1971', '1996-03-21']);
    expect(partner('turkey').established).toMatchObject({ date: '1981', precision: 'year' });
    expect(partner('greece').events).toBeGreaterThan(10);
    expect(partner('turkey').events).toBeGreaterThan(5);
    for (const p of x.partners) expect(p.events).toBe(x.events.filter((e) => e.partners.includes(p.name)).length);
  });

  it('every fact carries its source', () => {
    for (const p of x.partners) {
      for (const f of [...p.establishedSources, ...p.severed, ...p.recognition, ...p.missions, ...p.envoys, ...p.memberships]) {
        expect(x.documents.map((d) => d.slug)).toContain(f.source.docSlug);
        expect(f.source.anchor).toBeTruthy();
        expect(f.source.quote).toBeTruthy();
      }
    }
  });
});
