import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNERS, findPartnerMentions, resolvePartner, suggestPartners } from './partners';

const corpusDir = join(__dirname, '../../corpus');

describe('partner registry', () => {
  it('has unique ids and covers the UN member states, observers, organisations and former states', () => {
    const ids = PARTNERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PARTNERS.filter((p) => p.kind === 'country').length).toBe(195); // 193 UN members less Albania, + Holy See, Palestine, Kosovo
    for (const id of ['nato', 'european-union', 'united-nations', 'osce', 'council-of-europe']) expect(ids).toContain(id);
    for (const id of ['soviet-union', 'yugoslavia', 'austria-hungary', 'czechoslovakia', 'east-germany']) {
      expect(PARTNERS.find((p) => p.id === id)?.kind).toBe('former-state');
    }
    expect(resolvePartner('Albania')).toBeNull();
  });

  it.each([
    ['EU', 'european-union'],
    ['European Union', 'european-union'],
    ['NATO', 'nato'],
    ['North Atlantic Treaty Organization', 'nato'],
    ['US', 'united-states'],
    ['U.S.', 'united-states'],
    ['the United States', 'united-states'],
    ['USA', 'united-states'],
    ['UK', 'united-kingdom'],
    ['Kosova', 'kosovo'],
    ['Republic of Kosovo', 'kosovo'],
    ['kosovo', 'kosovo'],
    ['Türkiye', 'turkey'],
    ['Turkiye', 'turkey'],
    ['TURKEY', 'turkey'],
    ['Czechia', 'czech-republic'],
    ['Republic of Macedonia', 'north-macedonia'],
    ['Vatican', 'holy-see'],
    ['Holy See', 'holy-see'],
    ['Soviet Union', 'soviet-union'],
    ['Austria–Hungary', 'austria-hungary'],
    ['Austria - Hungary', 'austria-hungary'],
    ['CoE', 'council-of-europe'],
    ['BSCE', 'bsec'],
  ])('resolves %s → %s', (name, id) => {
    expect(resolvePartner(name)?.id).toBe(id);
  });

  it('does not make "the alliance" an alias of NATO', () => {
    expect(resolvePartner('the alliance')).toBeNull();
    expect(findPartnerMentions('The alliance remains open to expansion beyond the Western Balkans')).toEqual([]);
  });
});

describe('findPartnerMentions', () => {
  it('finds ids in order of first mention, with adjectives, and never Albania', () => {
    expect(findPartnerMentions('Albania and the US tabled a resolution condemning the Russian invasion of Ukraine at the UN')).toEqual([
      'united-states',
      'russia',
      'ukraine',
      'united-nations',
    ]);
    expect(findPartnerMentions('good and stronger Albanian-Turkish relations; Greek–Albanian relations')).toEqual(['turkey', 'greece']);
    expect(findPartnerMentions('Kosovars visit Albania; Kosovan commitment')).toEqual(['kosovo']);
    expect(findPartnerMentions('351 Ukrainian refugees')).toEqual(['ukraine']);
  });

  it('respects word boundaries and prefers the longest name', () => {
    expect(findPartnerMentions('Dominican Republic')).toEqual(['dominican-republic']);
    expect(findPartnerMentions('Papua New Guinea, Guinea-Bissau and Equatorial Guinea')).toEqual(['papua-new-guinea', 'guinea-bissau', 'equatorial-guinea']);
    expect(findPartnerMentions('the Democratic Republic of the Congo')).toEqual(['democratic-republic-of-the-congo']);
    expect(findPartnerMentions('UNSCR 1325, UNDP and UNESCO')).toEqual(['unesco']);
    expect(findPartnerMentions('Americas')).toEqual([]);
    expect(findPartnerMentions('the U.S.-led military operations in Iraq and Afghanistan')).toEqual(['united-states', 'iraq', 'afghanistan']);
    expect(findPartnerMentions('See Albania–Georgia relations')).toEqual(['georgia']);
    expect(findPartnerMentions('Let us turkey-trot with a chad')).toEqual([]); // lower case is not a name
  });

  it('folds accents and dash variants', () => {
    expect(findPartnerMentions('See Albania-Turkey relations')).toEqual(['turkey']);
    expect(findPartnerMentions('Türkiye')).toEqual(['turkey']);
  });

  it('finds the countries of the 2008–2009 list and the tables in the overview', () => {
    const text = readFileSync(join(corpusDir, readdirSync(corpusDir).find((f) => readFileSync(join(corpusDir, f), 'utf8').startsWith('= Foreign relations of Albania'))!), 'utf8');
    const ids = findPartnerMentions(text);
    for (const id of ['antigua-and-barbuda', 'chad', 'micronesia', 'saint-vincent-and-the-grenadines', 'eswatini', 'east-timor', 'iran', 'egypt', 'holy-see', 'kosovo', 'soviet-union', 'yugoslavia', 'palestine', 'south-korea']) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain('albania');
  });
});

describe('suggestPartners', () => {
  it('suggests close names for typos and prefixes', () => {
    expect(suggestPartners('Tukey')[0]).toBe('Turkey');
    expect(suggestPartners('Kosow')[0]).toBe('Kosovo');
    expect(suggestPartners('Ukrain')[0]).toBe('Ukraine');
    expect(suggestPartners('Germny')[0]).toBe('Germany');
    expect(suggestPartners('Kosova')[0]).toBe('Kosovo');
    expect(suggestPartners('xqzv')).toEqual([]);
  });
});
