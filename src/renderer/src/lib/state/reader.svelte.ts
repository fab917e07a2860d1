// The reader's moving parts: which section is on screen (for the table of contents) and where
// the reader is (saved, debounced, so the document reopens at the same place).
import type { DeskApi, ReadingPosition } from '../../../../shared/api';

/** How much of the top of the window the sticky header covers, in px (0 when it is not sticky). */
export function headerOffset(): number {
  const h = document.querySelector<HTMLElement>('.app-header');
  if (!h || getComputedStyle(h).position !== 'sticky') return 8;
  return h.getBoundingClientRect().height + 8;
}

/** The reading line: a fifth of the way down the visible page, below the header (px from the top). */
export function readingLine(): number {
  const top = headerOffset();
  return Math.round(top + (window.innerHeight - top) * 0.2);
}

export const sectionElementId = (anchor: string): string => `s-${anchor}`;

function sectionElements(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('section[data-anchor]')];
}

/**
 * Follows the scroll with an IntersectionObserver watching a one-pixel reading line a fifth of
 * the way down the visible page: `active` is the section under that line (the last one once the
 * page is scrolled to the bottom, where short final sections never reach the line).
 */
export class TocTracker {
  active = $state<string | null>(null);

  observe(root: HTMLElement): () => void {
    const sections = sectionElements(root);
    const order = sections.map((s) => s.dataset.anchor ?? '');
    let io: IntersectionObserver | null = null;

    const atBottom = (): boolean =>
      window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;

    const start = (): void => {
      io?.disconnect();
      const line = readingLine();
      io = new IntersectionObserver(
        (entries) => {
          if (atBottom()) return;
          const hit = entries.filter((e) => e.isIntersecting).pop();
          const a = (hit?.target as HTMLElement | undefined)?.dataset.anchor;
          if (a !== undefined) this.active = a;
        },
        { rootMargin: `-${line}px 0px -${Math.max(0, window.innerHeight - line - 1)}px 0px` },
      );
      for (const s of sections) io.observe(s);
    };

    // Once the scroll stops, the section under the line is read from the page itself: a fast
    // scroll over parts not yet rendered can end with no crossing of the line left to report, and
    // the contents would keep marking a section far from the one on screen.
    const settle = (): void => {
      if (atBottom()) return;
      const line = readingLine();
      for (const s of sectionElements(root)) {
        const r = s.getBoundingClientRect();
        if (r.top > line + 1) return;
        if (r.bottom > line && s.dataset.anchor !== undefined) {
          this.active = s.dataset.anchor;
          return;
        }
      }
    };
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    const onscroll = (): void => {
      if (atBottom() && order.length) this.active = order[order.length - 1] ?? null;
      clearTimeout(settleTimer);
      settleTimer = setTimeout(settle, 150);
    };
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    const onresize = (): void => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(start, 200);
    };

    start();
    this.active ??= order[0] ?? null;
    window.addEventListener('scroll', onscroll, { passive: true });
    window.addEventListener('resize', onresize);
    return () => {
      io?.disconnect();
      clearTimeout(resizeTimer);
      clearTimeout(settleTimer);
      window.removeEventListener('scroll', onscroll);
      window.removeEventListener('resize', onresize);
    };
  }
}

/** Where the reader is: the section under the reading line and how far into it (0..1). */
export function currentPosition(root: HTMLElement, docSlug: string): ReadingPosition | null {
  const top = readingLine();
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
  const y = window.scrollY + rect.top + rect.height * pos.offset - readingLine();
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
    private desk: Pick<DeskApi, 'setReadingPosition'>,
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
      await this.desk.setReadingPosition(pos);
    } catch (err) {
      // Losing a reading position is not worth interrupting the reader for.
      console.warn('Relations Desk: reading position not saved', err);
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
