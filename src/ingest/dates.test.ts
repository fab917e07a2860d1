import { describe, expect, it } from 'vitest';
import { advanceContext, findDates, scanDates, type DateContext } from './dates';
import type { DateValue } from '../shared/types';

const day = (date: string): DateValue => ({ date, precision: 'day', text: date });
const values = (sentence: string, ctx: DateContext = {}) =>
  findDates(sentence, ctx).map((f) => ({ text: f.value.text, date: f.value.date, precision: f.value.precision, ...(f.value.end ? { end: f.value.end } : {}) }));

describe('findDates — every date form in the corpus', () => {
  it('reads ISO dates (NATO negotiation table)', () => {
    expect(values('| Member of NATO | 2009-04-01 |')).toEqual([{ text: '2009-04-01', date: '2009-04-01', precision: 'day' }]);
  });

  it('reads "23 February 1994" and "January 4, 1992"', () => {
    expect(values('Albania signed the Partnership for Peace agreement 23 February 1994.')).toEqual([
      { text: '23 February 1994', date: '1994-02-23', precision: 'day' },
    ]);
    expect(values('Albania recognized the independence of Ukraine on January 4, 1992.')).toEqual([
      { text: 'January 4, 1992', date: '1992-01-04', precision: 'day' },
    ]);
    expect(values('became a full member on April 1, 2009.')[0]).toMatchObject({ date: '2009-04-01', precision: 'day' });
  });

  it('reads "March 2014" as a month and "In 1994" / "since 2014" as years', () => {
    expect(values('In March 2014, Albania voted in favour')).toEqual([{ text: 'March 2014', date: '2014-03', precision: 'month' }]);
    expect(values('In 1994, it entered NATO\'s Partnership for Peace')).toEqual([{ text: '1994', date: '1994', precision: 'year' }]);
    expect(values('Since 2014, the Governments of the two countries')).toEqual([{ text: '2014', date: '2014', precision: 'year' }]);
  });

  it('reads decades: "the 1990s" is 1990..1999, "the 1950s" 1950..1959', () => {
    expect(values('During the 1990s, state relations between Albania and Turkey')).toEqual([
      { text: 'the 1990s', date: '1990', precision: 'decade', end: '1999' },
    ]);
    expect(values('was built in the 1950s by the Soviet Union')[0]).toMatchObject({ date: '1950', end: '1959', precision: 'decade' });
  });

  it('reads qualified years and months: early 2023, late February 2022, late August 1994, the end of 2018', () => {
    expect(values('In early 2023, Albanian Foreign Minister Olta Xhacka announced')).toEqual([
      { text: 'early 2023', date: '2023', precision: 'year' },
    ]);
    expect(values('In late February 2022, Albania and the US tabled')).toEqual([
      { text: 'late February 2022', date: '2022-02', precision: 'month' },
    ]);
    expect(values('reached its peak in late August 1994, when')[0]).toMatchObject({ date: '1994-08', precision: 'month' });
    expect(values('expected to have commenced by the end of 2018 will')[0]).toMatchObject({ text: 'the end of 2018', date: '2018' });
    expect(values('Since the beginning of 2019 there has been')[0]).toMatchObject({ date: '2019', precision: 'year' });
    expect(values('a peace summit in Switzerland in the spring of 2024 to discuss')[0]).toMatchObject({ text: 'the spring of 2024', date: '2024', precision: 'year' });
  });

  it('resolves "mid-March" and "early March" from the year before them', () => {
    const ctx: DateContext = { previous: { date: '2022-02', precision: 'month', text: 'late February 2022' } };
    expect(values('In mid-March, Albania received 351 Ukrainian refugees', ctx)).toEqual([
      { text: 'mid-March', date: '2022-03', precision: 'month' },
    ]);
    expect(values("In early March, Albania's honorary consulate in Kharkiv was shelled", ctx)[0]).toMatchObject({ date: '2022-03' });
  });

  it('reports a month without a year and no context as unresolved, never guessed', () => {
    const scan = scanDates('In mid-March, Albania received 351 Ukrainian refugees', {});
    expect(scan.found).toEqual([]);
    expect(scan.unresolved[0]?.text).toBe('mid-March');
  });

  it('reads year ranges: 2022–23, (1998-1999), 2012–13, from 1881 to 1907, in 2008 and 2009', () => {
    expect(values('for a two-year term, 2022–23.')).toEqual([{ text: '2022–23', date: '2022', precision: 'range', end: '2023' }]);
    expect(values('the early period of the Kosovo crisis (1998-1999) when')).toEqual([
      { text: '1998-1999', date: '1998', precision: 'range', end: '1999' },
    ]);
    expect(values('a common primer for the 2012–13 academic year')[0]).toMatchObject({ date: '2012', end: '2013' });
    expect(values('"from 1881 to 1907 we have sustained efforts')[0]).toMatchObject({ date: '1881', end: '1907', precision: 'range' });
    expect(values('In 2008 and 2009, the Albanian Parliament ordered')[0]).toMatchObject({ text: '2008 and 2009', date: '2008', end: '2009' });
  });

  it('keeps "in 2022–23, on 11 June 2021" as two dates (a range and a day)', () => {
    expect(values('for a two-year term, in 2022–23, on 11 June 2021.')).toEqual([
      { text: '2022–23', date: '2022', precision: 'range', end: '2023' },
      { text: '11 June 2021', date: '2021-06-11', precision: 'day' },
    ]);
  });

  it('resolves "the following day" from the previous day-precise date', () => {
    const ctx = advanceContext({}, findDates('When Kosovo declared its independence from Serbia on 17 February 2008, Albania…'));
    expect(values('Diplomatic relations were established the following day.', ctx)).toEqual([
      { text: 'the following day', date: '2008-02-18', precision: 'day' },
    ]);
    expect(scanDates('Diplomatic relations were established the following day.', {}).unresolved).toHaveLength(1);
  });

  it('reads "It was on this same day, 23 February" with the year from context', () => {
    const ctx = advanceContext({}, findDates('Albania signed the Partnership for Peace agreement 23 February 1994.'));
    expect(values('It was on this same day, 23 February, that Albania first officially applied to join NATO.', ctx)).toEqual([
      { text: '23 February', date: '1994-02-23', precision: 'day' },
    ]);
  });

  it('reads centuries as the strict range (19th century = 1801..1900)', () => {
    expect(values('In the 19th century there were plans')).toEqual([
      { text: 'the 19th century', date: '1801', precision: 'range', end: '1900' },
    ]);
  });

  it('reads the table cells with two dates', () => {
    expect(values('de facto in 1971 de juro 21 March 1996')).toEqual([
      { text: '1971', date: '1971', precision: 'year' },
      { text: '21 March 1996', date: '1996-03-21', precision: 'day' },
    ]);
    expect(values('April 1922 re-established in March 1981')).toEqual([
      { text: 'April 1922', date: '1922-04', precision: 'month' },
      { text: 'March 1981', date: '1981-03', precision: 'month' },
    ]);
    expect(values('1971 Severed Diplomatic in 7 September 2022')).toEqual([
      { text: '1971', date: '1971', precision: 'year' },
      { text: '7 September 2022', date: '2022-09-07', precision: 'day' },
    ]);
    expect(values('| 1 | Artur Kuko | 2009 | 5 December 2013 |').map((d) => d.date)).toEqual(['2009', '2013-12-05']);
  });

  it('does not take other numbers for dates', () => {
    for (const s of [
      'Albania received 351 Ukrainian refugees',
      'the United Nations General Assembly Resolution 68/262 which affirmed',
      'United Nations Security Council Resolution (UNSCR) 1325 and its follow-up resolutions',
      'a 400 kW energy interconnection',
      '€500,000 were sent by the government of Kosovo and over €3,500,000',
      'including for Chapter 31 “Foreign, security and defence policy”',
      'opening negotiations with Albania on Cluster 1 “Fundamentals”',
      'There are 1.8 million ethnic Albanians living in Kosovo – officially 92.93%',
      'a brigade of 800 Turkish troops',
      'the 15-country United Nations Security Council',
      'a 105.8-kilometre railway; tunnels totaling 35.3 km; €1.8 billion; over a 10-year period',
      'Today, as result of very frequent high-level contacts',
      'This may entail, once decided',
      'In the years following the invasion',
      'No. 2009 of the series; costs of 2000 euros; 1999 km',
    ]) {
      expect(values(s), s).toEqual([]);
    }
  });
});

describe('advanceContext', () => {
  it('moves to the last absolute date, not to decades or ranges', () => {
    const ctx = advanceContext({ previous: day('2008-02-17') }, findDates('During the 1990s and in 2022–23'));
    expect(ctx.previous?.date).toBe('2008-02-17');
    expect(advanceContext(ctx, findDates('In May 2012')).previous?.date).toBe('2012-05');
  });
});
