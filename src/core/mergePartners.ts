// One partner as two sets of documents know it (the bundled library and the user's; or two of the
// user's documents, extracted one at a time): the facts, missions, envoys and memberships each
// quotes, side by side, in document order. The first one's date of establishment stands unless it
// has none (ingest recomputes it from all the sources); every source stays listed, so a
// disagreement shows as it does between two bundled documents ("sources differ" in compare).
import type { Partner, PartnerSummary } from '../shared/types';

export function mergePartnerSummary(a: PartnerSummary, b: PartnerSummary): PartnerSummary {
  const relationSteps = a.relationSteps ?? b.relationSteps;
  return {
    ...a,
    established: a.established ?? b.established,
    documents: [...a.documents, ...b.documents.filter((d) => !a.documents.includes(d))],
    ...(relationSteps ? { relationSteps } : {}),
  };
}

export function mergePartner(a: Partner, b: Partner): Partner {
  return {
    ...mergePartnerSummary(a, b),
    establishedSources: [...a.establishedSources, ...b.establishedSources],
    severed: [...a.severed, ...b.severed],
    recognition: [...a.recognition, ...b.recognition],
    missions: [...a.missions, ...b.missions],
    envoys: [...a.envoys, ...b.envoys],
    memberships: [...a.memberships, ...b.memberships],
    events: a.events + b.events,
  };
}
