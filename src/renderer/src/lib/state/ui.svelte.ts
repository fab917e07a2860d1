// Small shared UI bits: the search box (so Ctrl/Cmd-K and `/` can reach it from anywhere) and a
// polite live region for short confirmations ("Link copied", "Bookmark added").
class Ui {
  searchInput = $state.raw<HTMLInputElement | null>(null);
  message = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  focusSearch(): void {
    this.searchInput?.focus();
    this.searchInput?.select();
  }

  announce(text: string): void {
    clearTimeout(this.#timer);
    // Clear first so that repeating the same message is announced again.
    this.message = '';
    queueMicrotask(() => (this.message = text));
    this.#timer = setTimeout(() => (this.message = ''), 4000);
  }

  /** True when a key press belongs to a text field and must not be taken as a shortcut. */
  isTyping(target: EventTarget | null): boolean {
    if (!(target instanceof HTMLElement)) return false;
    if (target.isContentEditable) return true;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
    if (target instanceof HTMLInputElement) {
      return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
    }
    return false;
  }
}

export const ui = new Ui();
