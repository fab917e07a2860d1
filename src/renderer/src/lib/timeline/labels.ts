// Words beside the marks (issue 16), as vis-timeline and TimelineJS do: each event's short label
// next to its mark whenever there is room at the current zoom. Labels never overlap a mark or
// another label: the most important are placed first (right of the mark, else left of it, else
// shortened), and those that find no room are dropped — the tooltip, the detail panel and the
// list still say everything. Pure arithmetic over one lane's layout; text widths are estimated
// from the font size (0.6 em a character: the bundled Source Sans 3 averages less, so estimates err
// on the side of room).
import { importance } from './cluster';
import { markBox, POINT_Y, SPAN_H, SPAN_ROW, SPAN_Y } from './geometry';
import type { LaneItem, LaneLayout } from './layout';

export const LABEL_PX = 11;
/** Characters of a label at most; longer summaries are cut at a word. */
export const LABEL_CHARS = 34;
const SHORT_CHARS = 22;
const GAP = 4;

export interface PlacedLabel {
  /** The marker's id. */
  id: string;
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  anchor: 'start' | 'end';
}

/** Estimated width of a label in px. */
export function textWidth(text: string, px = LABEL_PX): number {
  return Math.ceil(text.length * px * 0.6) + 2;
}

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** "On 26 November 2019, " "In 1999, " "Since September 2020, ": the mark's place on the axis says it already. */
const LEADING_DATE = new RegExp(`^(?:on|in|since|by|from|until)\\s+(?:(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:(?:${MONTH_NAMES})\\s*)?(?:\\d{1,2},\\s*)?\\d{4}s?,\\s*`, 'i');
/** "(name recovered from the row’s note)": the reader learns it from the detail panel. */
const TRAILING_NOTE = /\s*\((?:name recovered|country not named|countries not named)[^)]*\)\s*$/i;

/**
 * An event's summary as a label: without a leading date phrase or a trailing provenance note, and
 * cut to at most `max` characters at a word boundary, with an ellipsis when cut.
 */
export function shortLabel(text: string, max = LABEL_CHARS): string {
  let t = text.replace(/\s+/g, ' ').trim().replace(/^…\s*/, '').replace(LEADING_DATE, '').replace(TRAILING_NOTE, '');
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  // A cut that falls at the end of a word keeps the word.
  const at = t.charAt(max - 1) === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Free intervals of one row of the lane. */
class Row {
  #taken: [number, number][] = [];
  constructor(readonly y: number) {}
  take(a: number, b: number): void {
    this.#taken.push([a, b]);
  }
  free(a: number, b: number): boolean {
    for (const [x, y] of this.#taken) if (a < y && b > x) return false;
    return true;
  }
}

/**
 * Labels for one lane: `text` gives a marker's label (null: none known yet). Point-row markers
 * are labelled on their row; bars inside themselves when wide enough, else beside their ends.
 */
export function placeLabels(layout: LaneLayout, width: number, text: (item: LaneItem) => string | null): PlacedLabel[] {
  const pointRow = new Row(POINT_Y + 4);
  const spanRows = new Map<number, Row>();
  const spanRow = (r: number): Row => {
    let row = spanRows.get(r);
    if (!row) spanRows.set(r, (row = new Row(SPAN_Y + r * SPAN_ROW + SPAN_H - 2)));
    return row;
  };
  // Every marker takes its own room first, so no label covers one.
  for (const m of layout.marks) {
    const b = markBox(m);
    pointRow.take(b.x - 1, b.x + b.w + 1);
  }
  for (const s of layout.spans) if (s.kind === 'span') spanRow(s.row).take(Math.max(0, s.x), Math.min(width, s.x2));

  const weight = (it: LaneItem): number => (it.kind === 'cluster' ? 100 + Math.min(it.size, 1000) / 10 + importance(it.top) : importance(it.event));
  const order = [...layout.marks, ...layout.spans].sort((a, b) => weight(b) - weight(a) || a.x - b.x);
  const out: PlacedLabel[] = [];
  for (const it of order) {
    const full = text(it);
    if (!full) continue;
    const candidates = full.length > SHORT_CHARS ? [full, shortLabel(full, SHORT_CHARS)] : [full];
    if (it.kind === 'span') {
      const row = spanRow(it.row);
      const x1 = Math.max(0, it.x);
      const x2 = Math.min(width, it.x2);
      candidates.some((t) => {
        const w = textWidth(t, LABEL_PX - 1);
        // Inside the bar (drawn over it with a halo) when it fits.
        if (x2 - x1 >= w + 2 * GAP) return push(out, row, null, { id: it.id, x: x1 + GAP, y: row.y, text: t, anchor: 'start' });
        if (x2 + GAP + w <= width && row.free(x2 + GAP, x2 + GAP + w)) return push(out, row, [x2 + GAP, x2 + GAP + w], { id: it.id, x: x2 + GAP, y: row.y, text: t, anchor: 'start' });
        if (x1 - GAP - w >= 0 && row.free(x1 - GAP - w, x1 - GAP)) return push(out, row, [x1 - GAP - w, x1 - GAP], { id: it.id, x: x1 - GAP, y: row.y, text: t, anchor: 'end' });
        return false;
      });
      continue;
    }
    const b = markBox(it);
    const right = b.x + b.w + GAP;
    const left = b.x - GAP;
    candidates.some((t) => {
      const w = textWidth(t);
      if (right + w <= width && pointRow.free(right, right + w)) return push(out, pointRow, [right, right + w], { id: it.id, x: right, y: pointRow.y, text: t, anchor: 'start' });
      if (left - w >= 0 && pointRow.free(left - w, left)) return push(out, pointRow, [left - w, left], { id: it.id, x: left, y: pointRow.y, text: t, anchor: 'end' });
      return false;
    });
  }
  return out;
}

function push(out: PlacedLabel[], row: Row, span: [number, number] | null, label: PlacedLabel): true {
  if (span) row.take(span[0] - GAP / 2, span[1] + GAP / 2);
  out.push(label);
  return true;
}
