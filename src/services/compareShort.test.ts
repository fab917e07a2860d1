import { describe, expect, inject, it } from 'vitest';
import { formatDate } from '../shared/dates';
import { Library } from './library';
import { comparePartners } from './compare';
import { envoyPhrase, missionPhrase, missionsPhrase } from './compareShort';

describe('short phrases for comparison cells', () => {
  it('words missions and envoys as a person would', () => {
    expect(missionPhrase({ kind: 'embassy', place: 'Prishtina' })).toBe('embassy in Prishtina');
    expect(missionPhrase({ kind: 'accredited from its embassy', place: 'Warsaw, Poland' })).toBe('accredited from Warsaw, Poland');
    const to = 'albania-in-partner' as const;
    const from = 'partner-in-albania' as const;
    expect(missionsPhrase([{ direction: to, kind: 'accredited from its embassy', place: 'Warsaw, Poland' }, { direction: to, kind: 'Honorary consulate', place: 'Kharkiv' }], 'x')).toBe(
      'accredited from Warsaw, Poland; honorary consulate in Kharkiv',
    );
    expect(missionsPhrase([{ direction: to, kind: 'embassy', place: 'Pristina' }, { direction: to, kind: 'embassy', place: 'Prishtina' }], 'Albania has an embassy in Prishtina.')).toBe('embassy in Prishtina');
    expect(missionsPhrase([{ direction: from, kind: 'embassy', place: 'Albania' }, { direction: from, kind: 'embassy', place: 'Tirana' }], 'Ukraine has an embassy in Tirana.')).toBe('embassy in Tirana');
    const d = (date: string) => ({ date, precision: 'day' as const, text: '' });
    expect(envoyPhrase({ name: 'Visho Ajazi', from: d('2017-12-05'), to: 'incumbent' }, formatDate)).toBe('Visho Ajazi (since 5 December 2017)');
    expect(envoyPhrase({ name: 'Leonard Demi', from: d('2013-12-05'), to: d('2017-12-05') }, formatDate)).toBe('Leonard Demi (5 December 2013 – 5 December 2017)');
    expect(envoyPhrase({ name: 'Qemal Minxhozi' }, formatDate)).toBe('Qemal Minxhozi');
  });

  it('gives the real comparison’s mission and envoy entries their phrase', () => {
    const lib = Library.open(inject('dbPath'));
    try {
      const c = comparePartners(lib, ['Kosovo', 'Ukraine']);
      const cell = (facet: string, p: string) => c.facets.find((f) => f.id === facet)!.cells[p]!;
      expect(cell('missions', 'kosovo').map((e) => e.short)).toEqual(['embassy in Prishtina', 'embassy in Tirana']);
      expect(cell('missions', 'ukraine').flatMap((e) => (e.short ? [e.short] : []))).toEqual(['accredited from Warsaw, Poland; honorary consulate in Kharkiv', 'embassy in Kyiv', 'embassy in Tirana']);
      expect(cell('envoys', 'kosovo').map((e) => e.short)).toEqual(['Qemal Minxhozi', 'Nait Hasani']);
    } finally {
      lib.close();
    }
  });
});
