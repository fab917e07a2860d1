// A document in the reader, a part at a time (issue 14): a 100,001-section document is 28 MB of
// JSON and 1.2 GB of DOM, so the reader asks for the part on screen (getDocumentPart), renders
// only the parts near the viewport, and stands in for the others with blocks of their height.
// A short document is one part, rendered whole, as before.
import { DeskError } from '../../../../shared/api';
import type { DeskApi, SectionHead } from '../../../../shared/api';
import type { DeskDocument, Section } from '../../../../shared/types';

/** Sections per part. */
export const PART = 50;
/** Height of a section not yet measured, in px (a heading and a paragraph or two). */
const GUESS_SECTION_PX = 120;

export interface Slot {
  index: number;
  /** Its sections once loaded. */
  sections: Section[] | null;
}

/** The desk is passed in, so the state can be tested without a server. */
export class DocumentParts {
  constructor(private readonly desk: Pick<DeskApi, 'getDocumentPart' | 'getDocumentOutline'>) {}

  /** The document (title, kind, partners, source) with the sections loaded first. */
  head = $state.raw<DeskDocument | null>(null);
  slots = $state.raw<Slot[]>([]);
  /** Parts near the viewport: rendered; every other part is a placeholder. */
  near = $state.raw<ReadonlySet<number>>(new Set());
  /** Every section's heading, for the table of contents (loaded after the first part). */
  outline = $state.raw<SectionHead[] | null>(null);
  error = $state.raw<DeskError | null>(null);
  #slug = '';
  #seq = 0;
  #loading = new Map<number, Promise<void>>();
  #heights = new Map<number, number>();
  #sectionPx = GUESS_SECTION_PX;

  /** Opens `slug` at the part holding `anchor` (or its first part). */
  async open(slug: string, anchor: string | null): Promise<void> {
    const seq = ++this.#seq;
    this.#slug = slug;
    this.head = null;
    this.error = null;
    this.outline = null;
    this.#loading.clear();
    this.#heights.clear();
    try {
      let part;
      try {
        part = await this.desk.getDocumentPart(anchor ? { slug, anchor, count: PART } : { slug, count: PART });
      } catch (err) {
        // An anchor the document does not have: open at the top; the reader says so.
        if (!anchor || DeskError.from(err).code !== 'NOT_FOUND') throw err;
        part = await this.desk.getDocumentPart({ slug, count: PART });
      }
      if (seq !== this.#seq) return;
      const n = Math.max(1, Math.ceil(part.sectionCount / PART));
      const k = part.from / PART;
      this.slots = Array.from({ length: n }, (_, i) => ({ index: i, sections: i === k ? part.document.sections : null }));
      this.near = new Set([k]);
      this.head = part.document;
      // The contents of a long document are large (6 MB at 100,001 sections): asked for once the
      // reader has the top on screen, so they never hold it up.
      if (n > 1) setTimeout(() => void this.#loadOutline(slug, seq), 500);
    } catch (err) {
      if (seq === this.#seq) this.error = DeskError.from(err);
    }
  }

  retry(anchor: string | null): Promise<void> {
    return this.open(this.#slug, anchor);
  }

  get isLong(): boolean {
    return this.slots.length > 1;
  }

  /** The height a placeholder stands in with: measured when the part was shown, else a guess. */
  heightOf(index: number): number {
    const measured = this.#heights.get(index);
    if (measured !== undefined) return measured;
    const sections = this.slots[index]?.sections?.length ?? PART;
    return sections * this.#sectionPx;
  }

  /** Render part `index` (loading it first if needed). */
  async show(index: number): Promise<void> {
    await this.#load(index);
    if (!this.near.has(index)) this.near = new Set([...this.near, index]);
  }

  /** Stop rendering part `index`, which is `height` px tall, far from the viewport. */
  hide(index: number, height: number): void {
    if (!this.near.has(index)) return;
    this.#heights.set(index, height);
    const sections = this.slots[index]?.sections?.length;
    if (sections) this.#sectionPx = Math.max(24, Math.round(height / sections));
    const next = new Set(this.near);
    next.delete(index);
    this.near = next;
  }

  /** Render the part holding `anchor`; false when the document has no such section. */
  async reveal(anchor: string): Promise<boolean> {
    const known = this.slots.findIndex((s) => s.sections?.some((x) => x.anchor === anchor));
    if (known !== -1) {
      await this.show(known);
      return true;
    }
    const at = this.outline?.findIndex((s) => s.anchor === anchor);
    if (at !== undefined && at !== -1) {
      await this.show(Math.floor(at / PART));
      return true;
    }
    if (!this.isLong) return false;
    try {
      const part = await this.desk.getDocumentPart({ slug: this.#slug, anchor, count: PART });
      this.#store(part.from / PART, part.document.sections);
      await this.show(part.from / PART);
      return true;
    } catch {
      return false;
    }
  }

  async #load(index: number): Promise<void> {
    if (this.slots[index]?.sections) return;
    let pending = this.#loading.get(index);
    if (!pending) {
      const seq = this.#seq;
      pending = this.desk.getDocumentPart({ slug: this.#slug, from: index * PART, count: PART }).then(
        (part) => {
          if (seq === this.#seq) this.#store(index, part.document.sections);
        },
        (err: unknown) => {
          if (seq === this.#seq) this.error = DeskError.from(err);
        },
      );
      this.#loading.set(index, pending);
    }
    await pending;
  }

  #store(index: number, sections: Section[]): void {
    this.slots = this.slots.map((s) => (s.index === index ? { index, sections } : s));
  }

  async #loadOutline(slug: string, seq: number): Promise<void> {
    try {
      const outline = await this.desk.getDocumentOutline({ slug });
      if (seq === this.#seq) this.outline = outline;
    } catch {
      // The contents then list the loaded sections only; the document itself still reads.
    }
  }
}
