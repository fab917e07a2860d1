import { describe, expect, it } from 'vitest';
import { CrashGuard, crashPageUrl, MAX_RELOADS, WINDOW_MS } from './crashGuard';

describe('CrashGuard', () => {
  it('reloads after a crash, but shows the crash screen once crashes keep coming', () => {
    let t = 0;
    const guard = new CrashGuard(() => t);
    const actions = [];
    for (let i = 0; i < MAX_RELOADS + 2; i++) {
      actions.push(guard.onGone('crashed'));
      t += 1000;
    }
    expect(actions).toEqual([...Array(MAX_RELOADS).fill('reload'), 'crash-screen', 'crash-screen']);
  });

  it('forgets crashes older than the window, and ignores a clean exit', () => {
    let t = 0;
    const guard = new CrashGuard(() => t);
    for (let i = 0; i < MAX_RELOADS; i++) expect(guard.onGone('oom')).toBe('reload');
    t += WINDOW_MS + 1;
    expect(guard.onGone('crashed')).toBe('reload');
    expect(guard.onGone('clean-exit')).toBe('ignore');
  });

  it('explains on the crash screen what happened and what to do, with no script', () => {
    const html = decodeURIComponent(crashPageUrl('oom <x>', 4).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('Relations Desk stopped working');
    expect(html).toContain('stopped 4 times in a short while (oom &#60;x&#62;)');
    expect(html).toContain('View → Reload');
    expect(html).not.toMatch(/<script/i);
  });
});
