// Where the fact readers (facts.ts, structuredFacts.ts) put what they find: facts by partner id,
// each with its source.
import type { DateValue, Envoy, Mission, RelationDate, SourceRef } from '../shared/types';
import { PRECISION_RANK } from './dates';
import type { TextUnit } from './events';

export interface Membership {
  name: string;
  value?: DateValue;
  source: SourceRef;
}

export interface PartnerFacts {
  establishedSources: RelationDate[];
  severed: RelationDate[];
  recognition: RelationDate[];
  missions: Mission[];
  envoys: Envoy[];
  memberships: Membership[];
}

export function emptyFacts(): PartnerFacts {
  return { establishedSources: [], severed: [], recognition: [], missions: [], envoys: [], memberships: [] };
}

/** Collects facts by partner id. */
export class FactBook {
  readonly byPartner = new Map<string, PartnerFacts>();

  of(partnerId: string): PartnerFacts {
    let facts = this.byPartner.get(partnerId);
    if (!facts) this.byPartner.set(partnerId, (facts = emptyFacts()));
    return facts;
  }
}

export const sourceOf = (unit: TextUnit): SourceRef => ({ docSlug: unit.docSlug, anchor: unit.section.anchor, quote: unit.quote });

/** The date of a unit closest to `at` (a character offset), or the most precise one. */
export function dateNear(unit: TextUnit, at?: number): DateValue | undefined {
  if (unit.dates.length === 0) return undefined;
  if (at === undefined) {
    return [...unit.dates].sort((a, b) => PRECISION_RANK[b.value.precision] - PRECISION_RANK[a.value.precision])[0]!.value;
  }
  return [...unit.dates].sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0]!.value;
}
