// Shared machinery for both parsers: sections with stable anchors and heading paths, block ids,
// block source lines, warnings, and the inline text cleanup both formats need.
import type { Block, IngestWarning, Section } from '../shared/types';
import { slugify } from '../shared/text';

/** A block before it gets its id. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type BlockInput = WithoutId<Block>;

/** Anchor of the lead section (text before the first heading). */
export const LEAD_ANCHOR = 'lead';

/** Paragraphs longer than this are kept whole but reported: they are almost surely broken input. */
export const OVERSIZED_PARAGRAPH = 100_000;

/**
 * Builds one document's sections in reading order.
 *
 * Anchor scheme: the slug of each heading on the path, joined with `--`
 * (['History', 'Independence'] → 'history--independence'); the lead is 'lead'. A repeated
 * anchor gets `-2`, `-3`, … in reading order, so the same source always gives the same anchors.
 * Block ids are `${anchor}:${index}` (index 0-based within the section).
 */
export class DocBuilder {
  readonly sections: Section[] = [];
  readonly warnings: IngestWarning[] = [];
  readonly blockLines: Record<string, number> = {};
  private readonly usedAnchors = new Set<string>();
  /** Open headings, outermost first. */
  private readonly open: { level: number; heading: string }[] = [];
  private current: Section;

  constructor(
    readonly file: string,
    title: string,
  ) {
    this.current = { anchor: LEAD_ANCHOR, heading: title, level: 0, path: [], blocks: [] };
    this.usedAnchors.add(LEAD_ANCHOR);
    this.sections.push(this.current);
  }

  get section(): Section {
    return this.current;
  }

  /** Set the lead's heading once the title is known (e.g. after a multi-line PDF title). */
  setTitle(title: string): void {
    const lead = this.sections[0];
    if (lead) lead.heading = title;
  }

  warn(line: number, code: string, message: string): void {
    this.warnings.push({ file: this.file, line, code, message });
  }

  /**
   * Open a section for a heading of `level` (2..4). Headings that skip a level (a `====` straight
   * under the title) are accepted, with the path built from the headings that are open.
   */
  startSection(heading: string, level: number, line: number): Section {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.level >= level) this.open.pop();
    const parent = this.open[this.open.length - 1];
    const parentLevel = parent?.level ?? 1;
    if (level > parentLevel + 1) {
      this.warn(
        line,
        'heading-out-of-order',
        `Heading "${heading}" (level ${level}) at line ${line} skips a level: it follows ` +
          (parent ? `"${parent.heading}" (level ${parent.level})` : 'the document title') +
          '; it is placed under the headings that are open.',
      );
    }
    this.open.push({ level, heading });
    const path = this.open.map((h) => h.heading);
    const anchor = this.uniqueAnchor(path.map((p) => slugify(p)).join('--'));
    this.current = { anchor, heading, level, path, blocks: [] };
    this.sections.push(this.current);
    return this.current;
  }

  addBlock<T extends BlockInput>(input: T, line: number): T & { id: string } {
    const id = `${this.current.anchor}:${this.current.blocks.length}`;
    const block = { id, ...input } as T & { id: string };
    this.current.blocks.push(block as unknown as Block);
    this.blockLines[id] = line;
    return block;
  }

  /** The last block of the current section, if any. */
  lastBlock(): Block | undefined {
    return this.current.blocks[this.current.blocks.length - 1];
  }

  private uniqueAnchor(base: string): string {
    let anchor = base;
    for (let n = 2; this.usedAnchors.has(anchor); n++) anchor = `${base}-${n}`;
    this.usedAnchors.add(anchor);
    return anchor;
  }
}

// Simple presentational tags seen in wiki exports. Only these are removed (tags, not their
// content), so text such as "a <b> c" in prose about markup is not eaten by a generic pattern.
const INLINE_TAGS =
  /<\/?(?:big|small|b|i|u|s|em|strong|span|sup|sub|br|center|font|abbr|code|nowiki|div|p)(?:\s[^<>]{0,200})?\s*\/?>/gi;
// C0 controls except tab, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/**
 * Inline cleanup shared by headings, cells and prose: drop simple HTML tags, `**` bold markers and
 * control characters, trim. The words themselves are never changed (quotes, dashes stay).
 */
export function cleanInline(text: string): string {
  let out = text;
  if (out.includes('<')) out = out.replace(INLINE_TAGS, '');
  if (out.includes('**')) out = out.split('**').join('');
  return out.replace(CONTROL, '').trim();
}

/** True when the line has control characters that `cleanInline` will remove. */
export function hasControlChars(line: string): boolean {
  return HAS_CONTROL.test(line);
}

/** True when nothing readable is left: no letter or digit at all (e.g. "}}", "----", "* * *"). */
export function isGarbage(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/**
 * Parse a heading made of `marker` characters around the text (`== X ==`, `==X==`, `## X`).
 * Returns null when the line is not a heading. Linear in the line length (no regex backtracking).
 */
export function parseMarkedHeading(
  line: string,
  marker: '=' | '#',
): { level: number; closing: number; text: string } | null {
  let lead = 0;
  while (lead < line.length && line[lead] === marker) lead++;
  if (lead === 0 || lead === line.length) return null;
  let end = line.length;
  while (end > lead && /\s/.test(line[end - 1]!)) end--;
  let closing = 0;
  while (end - closing > lead && line[end - closing - 1] === marker) closing++;
  if (marker === '=' && closing === 0) return null;
  if (marker === '#') {
    if (line[lead] !== ' ' && line[lead] !== '\t') return null;
    // A closing run of '#' only counts after a space ("## C#" keeps its '#').
    if (closing > 0 && !/\s/.test(line[end - closing - 1] ?? '')) closing = 0;
  }
  const text = line.slice(lead, end - closing);
  return { level: lead, closing, text };
}
