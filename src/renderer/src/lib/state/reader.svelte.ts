// The reader's moving parts: which section is on screen (for the table of contents) and where
// the reader is (saved, debounced, so the document reopens at the same place).
import type { ReadingPosition } from '../../../../shared/api';
import { desk } from '../desk';

/** Height of the sticky header in px, read from the CSS token. */
export function headerOffset(): number {
  const h = document.querySelector<HTMLElement>('.app-header');
  return (h?.getBoundingClientRect().height ?? 56) + 8;
}

export const sectionElementId = (anchor: string): string => `s-${anchor}`;

function sectionElements(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('section[data-anchor]')];
}

/** Follows the scroll with an IntersectionObserver; `active` is the first section in the band near the top. */
export class TocTracker {
  active = $state<string | null>(null);

  observe(root: HTMLElement): () => void {
    const sections = sectionElements(root);
    const order = sections.map((s) => s.dataset.anchor ?? '');
    const visible = new Set<string>();
    const top = Math.round(headerOffset());
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const a = (e.target as HTMLElement).dataset.anchor ?? '';
          if (e.isIntersecting) visible.add(a);
          else visible.delete(a);
        }
        const first = order.find((a) => visible.has(a));
        if (first !== undefined) this.active = first;
      },
      { rootMargin: `-${top}px 0px -60% 0px` },
    );
    for (const s of sections) io.observe(s);
    this.active ??= order[0] ?? null;
    return () => io.disconnect();
  }
}

/** Where the top of the view is: the section there and how far into it (0..1). */
export function currentPosition(root: HTMLElement, docSlug: string): ReadingPosition | null {
  const top = headerOffset();
  let current: HTMLElement | null = null;
  for (const s of sectionElements(root)) {
    if (s.getBoundingClientRect().top <= top + 1) current = s;
    else break;
  }
  current ??= sectionElements(root)[0] ?? null;
  if (!current?.dataset.anchor) return null;
  const rect = current.getBoundingClientRect();
  const offset = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0;
  return { docSlug, anchor: current.dataset.anchor, offset: Math.round(offset * 1000) / 1000 };
}

export function scrollToPosition(pos: ReadingPosition): boolean {
  const el = document.getElementById(sectionElementId(pos.anchor));
  if (!el) return false;
  const rect = el.getBoundingClientRect();
  const y = window.scrollY + rect.top + rect.height * pos.offset - headerOffset();
  window.scrollTo({ top: Math.max(0, y), behavior: 'instant' });
  return true;
}

/** Saves the reading position a moment after scrolling stops. */
export class PositionSaver {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = '';

  constructor(
    private root: () => HTMLElement | undefined,
    private docSlug: () => string,
  ) {}

  schedule = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), 600);
  };

  async save(): Promise<void> {
    const root = this.root();
    if (!root) return;
    const pos = currentPosition(root, this.docSlug());
    if (!pos) return;
    const key = `${pos.anchor}:${pos.offset}`;
    if (key === this.#last) return;
    this.#last = key;
    try {
      await desk.setReadingPosition(pos);
    } catch (err) {
      // Losing a reading position is not worth interrupting the reader for.
      console.warn('Relations Desk: reading position not saved', err);
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
