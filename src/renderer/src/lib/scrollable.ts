// An attachment for wide content: when (and only when) the box scrolls sideways, it joins the tab
// order so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
import type { Attachment } from 'svelte/attachments';

export const focusableWhenScrolling: Attachment<HTMLElement> = (el) => {
  const update = (): void => {
    if (el.scrollWidth > el.clientWidth + 1) el.setAttribute('tabindex', '0');
    else el.removeAttribute('tabindex');
  };
  // The observer's first report comes with the first layout after mounting; measuring here as
  // well would force an extra layout of the whole page while it is being built.
  const ro = new ResizeObserver(update);
  ro.observe(el);
  return () => ro.disconnect();
};
