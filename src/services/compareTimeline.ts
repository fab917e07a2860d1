// The comparison's mini timeline: which of a partner's events matter most.
import type { DocumentSummary, TimelineEvent } from '../shared/types';

import { eventImportance as rankImportance, milestoneKeys } from '../core/eventRanks';

export { milestoneKeys };

export function eventImportance(e: TimelineEvent, partnerId: string, ctx: { summary(slug: string): DocumentSummary | undefined }): number {
  const doc = ctx.summary(e.docSlug);
  return rankImportance(e, !!doc && doc.kind !== 'overview' && doc.partners[0] === partnerId);
}
