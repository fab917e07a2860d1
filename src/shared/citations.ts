// How a citation reads when a fact has more sources than it numbers (FacetEntry.alsoInMore):
// "[1, 2, 3 and 597 more sources]". One wording for the comparison, the briefing sheet and the CLI.

/** "597 more sources", "1 more source". */
export function moreSources(n: number): string {
  return `${n} more source${n === 1 ? '' : 's'}`;
}

/** "1, 2, 3", or "1, 2, 3 and 597 more sources" when `more` sources are counted but not numbered. */
export function citation(numbers: readonly (number | string)[], more = 0): string {
  const list = numbers.join(', ');
  if (more <= 0) return list;
  return list ? `${list} and ${moreSources(more)}` : moreSources(more);
}
