// One ranked list from several indexes (issue 18: the bundled library and the user's documents).
//
// Lunr's scores are comparable only within one index: a term's weight carries the index's own
// idf (how many of *its* passages hold the term) and the score is divided by the query vector's
// norm over the terms *it* expanded the query to. Two things put the indexes on one scale:
//   idf    each term's weights are scaled by idf_union / idf_own, where idf_union is lunr's idf
//          over the union (N = all passages, n = the passages holding the term in any index),
//          computed from each index's posting counts — exactly what one index over both would
//          give for that factor;
//   norm   every index divides by the norm of the union's query vector (the terms any index
//          expanded the query to), so a prefix that expands to more words in one index does not
//          inflate the other's scores.
// What stays per index is BM25's length normalisation (a field's length against its own index's
// average length): the stored weights fold tf and length together, so that part cannot be
// re-based without re-indexing. federated.test.ts measures how far the merged ranking is from a
// single index built over everything.
//
// Each index returns its own top `limit` under the shared scale, so the merged top `limit` is
// exact. "Every word required, else any word" is decided once, over all indexes together.
import type { SearchResponse } from '../shared/types';
import { parseQuery } from './query';
import { clausesFor, partialMatchNotice, type Federation, type Searcher } from './searcher';
import type { Clause, ScoringIndex } from './scorer';

export interface FederatedMember {
  searcher: Searcher;
  /** The member's search (with its own filters) under the federation's mode and weighting. */
  run(federation: Federation): SearchResponse;
}

/** lunr.idf. */
function idf(n: number, total: number): number {
  return Math.log(1 + Math.abs((total - n + 0.5) / (n + 0.5)));
}

export function federatedSearch(members: readonly FederatedMember[], query: string, limit: number): SearchResponse {
  const parsed = parseQuery(query);
  const modes = parsed.words.length > 1 && parsed.phrases.length === 0 ? [true, false] : [true];
  let responses: SearchResponse[] = [];
  for (const requireAll of modes) {
    const federations = federate(members.map((m) => m.searcher.scoring), clausesFor(parsed, requireAll), requireAll);
    responses = [];
    // In turn, each index showing only what can still reach the page: the limit-th best score so
    // far is the floor for the next (less a rounding step: shown scores have 3 decimals).
    const best: number[] = [];
    members.forEach((m, i) => {
      const floor = best.length >= limit ? best[limit - 1]! - 0.001 : undefined;
      const r = m.run(floor !== undefined ? { ...federations[i]!, floor } : federations[i]!);
      responses.push(r);
      best.push(...r.results.map((h) => h.score));
      best.sort((a, b) => b - a);
    });
    if (responses.some((r) => r.total > 0)) break;
  }
  const out = merge(responses, query, limit);
  // Nothing anywhere: a spelling the first index (the bundled library) knows.
  if (out.total === 0 && members.length > 0) {
    const suggestion = members[0]!.searcher.suggestionFor(query);
    if (suggestion) out.suggestion = suggestion;
  }
  return out;
}

/** Each index's federation: the union's query norm, and its terms' idf brought to the union's. */
function federate(indexes: readonly ScoringIndex[], clauses: Clause[], requireAll: boolean): Federation[] {
  const total = indexes.reduce((n, x) => n + x.size, 0);
  // The union's query vector: a term's boost is the same in every index (it depends on the clauses only).
  const union = new Map<string, number>();
  for (const x of indexes) for (const [term, boost] of x.queryTerms(clauses)) union.set(term, boost);
  let norm = 0;
  for (const boost of union.values()) norm += boost * boost;
  norm = Math.sqrt(norm);
  const unionIdf = new Map<string, number>();
  const idfOf = (term: string): number => {
    let v = unionIdf.get(term);
    if (v === undefined) {
      const n = indexes.reduce((sum, x) => {
        const at = x.termPosition(term);
        return sum + (at === -1 ? 0 : x.documentFrequency(at));
      }, 0);
      unionIdf.set(term, (v = idf(n, total)));
    }
    return v;
  };
  return indexes.map((own) => {
    const factors = new Map<number, number>();
    return {
      requireAll,
      weighting: {
        norm,
        factor: (position: number) => {
          let f = factors.get(position);
          if (f === undefined) factors.set(position, (f = idfOf(own.terms[position]!) / idf(own.documentFrequency(position), own.size)));
          return f;
        },
      },
    };
  });
}

function merge(responses: SearchResponse[], query: string, limit: number): SearchResponse {
  const results = responses
    .flatMap((r, member) => r.results.map((hit, rank) => ({ hit, member, rank })))
    .sort((a, b) => b.hit.score - a.hit.score || a.member - b.member || a.rank - b.rank)
    .slice(0, limit)
    .map((x) => x.hit);
  const total = responses.reduce((n, r) => n + r.total, 0);
  const out: SearchResponse = { query, total, results };
  // Each index says which words it lacks; the partial-match notice is said once, naming the words
  // no index has, and only when something was found.
  const isPartial = (r: SearchResponse) => r.notice !== undefined && r.notice === partialMatchNotice(r.missingWords ?? []);
  const notices = [...new Set(responses.filter((r) => !isPartial(r)).map((r) => r.notice).filter((n): n is string => !!n))];
  if (total > 0 && responses.some((r) => r.total > 0 && isPartial(r))) {
    const missing = (responses[0]?.missingWords ?? []).filter((w) => responses.every((r) => r.missingWords?.includes(w)));
    if (missing.length > 0) out.missingWords = missing;
    notices.unshift(partialMatchNotice(missing));
  }
  if (notices.length > 0) out.notice = notices.join(' ');
  return out;
}
