// What to do when the window's renderer process dies: reload it, but not forever. A renderer that
// crashes on every load (a damaged build, a page that runs out of memory) would otherwise reload
// in a tight loop; after MAX_RELOADS crashes within WINDOW_MS the window shows a crash screen.
// Plain logic (no Electron), so it is tested with a fake clock.

export const MAX_RELOADS = 3;
export const WINDOW_MS = 60_000;

export type CrashAction = 'ignore' | 'reload' | 'crash-screen';

export class CrashGuard {
  private readonly crashes: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxReloads = MAX_RELOADS,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Called on 'render-process-gone' with its `details.reason`. */
  onGone(reason: string): CrashAction {
    if (reason === 'clean-exit') return 'ignore';
    const t = this.now();
    while (this.crashes.length > 0 && t - this.crashes[0]! > this.windowMs) this.crashes.shift();
    this.crashes.push(t);
    return this.crashes.length > this.maxReloads ? 'crash-screen' : 'reload';
  }
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The crash screen: static HTML (no script, so the CSP has nothing to allow), as a data: URL. */
export function crashPageUrl(reason: string, crashes: number = MAX_RELOADS + 1): string {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Relations Desk stopped working</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1.5rem;color:#1d1f23;background:#fbfaf7}
h1{font-size:1.5rem}code{font-family:ui-monospace,monospace}</style>
<h1>Relations Desk stopped working</h1>
<p>The window's page stopped ${crashes} times in a short while (${escapeHtml(reason)}), so it is no longer reloaded automatically.</p>
<p>Your bookmarks and reading positions are saved. Reload with <strong>View → Reload</strong> (Ctrl+R or Cmd+R), or quit and start Relations Desk again.</p>
<p>If it keeps happening, rebuild the app with <code>npm run build:app</code> and the library with <code>npx relations-desk build</code> in the app folder.</p>
</html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
