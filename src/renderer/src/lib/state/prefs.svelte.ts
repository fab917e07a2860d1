// Reader preferences kept in localStorage: theme (light/dark/system) and text size.
export type ThemeChoice = 'light' | 'dark' | 'system';

const THEME_KEY = 'relations-desk.theme';
const SIZE_KEY = 'relations-desk.textScale';
const SIZES = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6] as const;
const DEFAULT_SIZE = 2;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this session only.
  }
}

class Prefs {
  theme = $state<ThemeChoice>('system');
  systemDark = $state(false);
  sizeIndex = $state(DEFAULT_SIZE);

  resolvedTheme = $derived<'light' | 'dark'>(
    this.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.theme,
  );
  textScale = $derived(SIZES[this.sizeIndex] ?? 1);

  constructor() {
    const t = read(THEME_KEY);
    if (t === 'light' || t === 'dark' || t === 'system') this.theme = t;
    const stored = read(SIZE_KEY);
    const s = stored === null ? NaN : Number(stored);
    if (Number.isInteger(s) && s >= 0 && s < SIZES.length) this.sizeIndex = s;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = mq.matches;
    mq.addEventListener('change', (e) => (this.systemDark = e.matches));
  }

  setTheme(choice: ThemeChoice): void {
    this.theme = choice;
    write(THEME_KEY, choice);
  }

  #setSize(index: number): void {
    this.sizeIndex = Math.min(SIZES.length - 1, Math.max(0, index));
    write(SIZE_KEY, String(this.sizeIndex));
  }

  larger = (): void => this.#setSize(this.sizeIndex + 1);
  smaller = (): void => this.#setSize(this.sizeIndex - 1);
  resetSize = (): void => this.#setSize(DEFAULT_SIZE);

  get canGrow(): boolean {
    return this.sizeIndex < SIZES.length - 1;
  }
  get canShrink(): boolean {
    return this.sizeIndex > 0;
  }

  /** Apply to <html>; called from an effect so it follows every change. */
  apply(): void {
    const root = document.documentElement;
    root.dataset.theme = this.resolvedTheme;
    root.dataset.themeChoice = this.theme;
    root.style.setProperty('--text-scale', String(this.textScale));
  }
}

export const prefs = new Prefs();
