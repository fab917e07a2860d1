// A scroll box joins the tab order while (and only while) it scrolls, either way, so keyboard users
// can scroll it with the arrow keys (WCAG 2.1.1; axe "scrollable-region-focusable").
import type { Attachment } from 'svelte/attachments';

export const focusableScroller: Attachment<HTMLElement> = (el) => {
  const update = (): void => {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls) el.setAttribute('tabindex', '0');
    else el.removeAttribute('tabindex');
  };
  const ro = new ResizeObserver(update);
  ro.observe(el);
  const mo = new MutationObserver(update);
  mo.observe(el, { childList: true, subtree: true });
  update();
  return () => {
    ro.disconnect();
    mo.disconnect();
  };
};
