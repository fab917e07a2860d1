import { describe, expect, it } from 'vitest';
import type { Partner } from '../shared/types';
import { headingPartner, partnerKeyMap, sectionPartnersOf } from './sectionPartners';

const partner = (id: string, name: string, aliases: string[] = []): Partner =>
  ({ id, name, aliases, kind: 'country', established: null, documents: [], establishedSources: [], severed: [], recognition: [], missions: [], envoys: [], memberships: [], events: 0 }) as Partner;

describe('section_partners rows', () => {
  const keys = partnerKeyMap([partner('united-states', 'United States', ['USA', 'US']), partner('kosovo', 'Kosovo'), partner('european-union', 'European Union', ['EU'])]);

  it('resolves a heading as Library.resolvePartnerId does: any spelling, a leading "the" dropped', () => {
    expect(headingPartner('The United States', keys)).toBe('united-states');
    expect(headingPartner('the EU', keys)).toBe('european-union');
    expect(headingPartner('KOSOVO', keys)).toBe('kosovo');
    expect(headingPartner('Kosovo and Serbia', keys)).toBeNull();
  });

  it('names a section by any heading on its path, once per partner', () => {
    const doc = {
      sections: [
        { anchor: 'lead', path: [] },
        { anchor: 'europe', path: ['Europe'] },
        { anchor: 'europe-kosovo', path: ['Europe', 'Kosovo'] },
        { anchor: 'kosovo-kosovo', path: ['Kosovo', 'Kosovo'] },
        { anchor: 'eu-usa', path: ['the EU', 'USA'] },
      ],
    } as unknown as Parameters<typeof sectionPartnersOf>[0];
    expect(sectionPartnersOf(doc, keys)).toEqual([
      ['kosovo', 'europe-kosovo'],
      ['kosovo', 'kosovo-kosovo'],
      ['european-union', 'eu-usa'],
      ['united-states', 'eu-usa'],
    ]);
  });
});
