import { describe, expect, it } from 'vitest';
import type { PartnerSummary } from '../../../../shared/types';
import { matchPartners } from './match';

const p = (id: string, name: string, aliases: string[] = [], documents = 1): PartnerSummary => ({
  id,
  name,
  kind: 'country',
  aliases,
  established: null,
  documents: Array.from({ length: documents }, (_, i) => `d${i}`),
});

const registry = [
  p('kosovo', 'Kosovo', ['Kosova', 'Republic of Kosovo'], 2),
  p('turkey', 'Turkey', ['Türkiye', 'Republic of Türkiye'], 2),
  p('ukraine', 'Ukraine', [], 3),
  p('united-kingdom', 'United Kingdom', ['UK', 'Great Britain']),
  p('united-states', 'United States', ['US', 'USA', 'America'], 3),
  p('nato', 'NATO', ['North Atlantic Treaty Organization'], 5),
  p('north-macedonia', 'North Macedonia', ['Macedonia']),
  p('bosnia', 'Bosnia and Herzegovina', ['Bosnia-Herzegovina']),
];
const ids = (q: string, exclude: string[] = []) => matchPartners(registry, q, new Set(exclude)).map((o) => o.id);

describe('partner type-ahead', () => {
  it('matches the start of a name, case-insensitively', () => {
    expect(ids('ko')).toEqual(['kosovo']);
    expect(ids('UKR')).toEqual(['ukraine']);
  });

  it('ignores accents both ways and says which alias matched', () => {
    expect(ids('turki')).toEqual(['turkey']);
    expect(matchPartners(registry, 'türk')[0]).toMatchObject({ id: 'turkey', name: 'Turkey' });
    expect(matchPartners(registry, 'turkiye')[0]).toEqual({ id: 'turkey', name: 'Turkey', kind: 'country', via: 'Türkiye' });
  });

  it('ranks a name before an alias and whole-name matches first', () => {
    expect(ids('u')).toEqual(['ukraine', 'united-states', 'united-kingdom']); // 3, 3, then 1 document
    // An alias typed in full ("UK") beats a name that merely starts with it.
    expect(ids('uk')).toEqual(['united-kingdom', 'ukraine']);
    expect(ids('north')).toEqual(['north-macedonia', 'nato']);
  });

  it('matches later words and hyphenated names', () => {
    expect(ids('macedonia')).toEqual(['north-macedonia']);
    expect(ids('herzegovina')).toEqual(['bosnia']);
  });

  it('leaves out partners already chosen, and lists the best-documented ones for an empty query', () => {
    expect(ids('u', ['united-states'])).toEqual(['ukraine', 'united-kingdom']);
    expect(ids('', ['nato']).slice(0, 3)).toEqual(['ukraine', 'united-states', 'kosovo']);
  });

  it('finds nothing for nonsense', () => {
    expect(ids('zzz')).toEqual([]);
  });
});
