// One-line summaries of source sentences for the timeline.

export const SUMMARY_MAX = 140;

/**
 * One line from the sentence, never more than SUMMARY_MAX characters: the sentence itself when
 * it fits; otherwise its leading clauses, as long as they still contain the date; otherwise the
 * clauses from the one with the date onwards; otherwise a cut at a word boundary. Cuts are marked "…".
 */
export function summarize(sentence: string, focus?: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '');
  if (s.length <= SUMMARY_MAX) return s;
  const clauses = s.split(/(?<=[,;:])\s+|\s+(?=[–—]\s)/);
  const fits = (parts: string[], budget: number) => parts.join(' ').replace(/[,;:–—\s]+$/, '').length + 1 <= budget;
  const take = (from: number, budget = SUMMARY_MAX): string | null => {
    const parts: string[] = [];
    for (let i = from; i < clauses.length; i++) {
      if (!fits([...parts, clauses[i]!], budget)) break;
      parts.push(clauses[i]!);
    }
    if (parts.length === 0) return null;
    const text = parts.join(' ');
    return from + parts.length === clauses.length ? text : text.replace(/[,;:–—\s]+$/, '') + '…';
  };
  const lead = take(0);
  // A lead clause as short as "In 1996," says nothing: prefer a word-boundary cut then.
  if (lead && lead.length >= 80 && (!focus || lead.includes(focus))) return lead;
  const cut = clip(s, SUMMARY_MAX);
  if (!focus || cut.includes(focus)) return cut;
  if (focus) {
    const at = clauses.findIndex((c) => c.includes(focus));
    if (at > 0) {
      const part = take(at, SUMMARY_MAX - 1);
      if (part) return '…' + part;
    }
  }
  return clip(s, SUMMARY_MAX);
}

/** Cut at a word boundary with "…" when longer than `max`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '') + '…';
}
