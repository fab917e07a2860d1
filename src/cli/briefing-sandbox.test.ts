// Chromium's sandbox stays on for the briefing PDF unless it cannot start without it (as root).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createDesk } from '../services/desk';

const launches = vi.hoisted(() => [] as string[][]);
vi.mock('playwright-core', () => ({
  chromium: {
    launch: async (opts: { args: string[] }) => {
      launches.push(opts.args);
      throw new Error('not launched in this test');
    },
  },
}));

const { renderBriefingPdf } = await import('./briefing');

afterEach(() => {
  vi.restoreAllMocks();
  launches.length = 0;
});

async function argsAs(uid: number): Promise<string[]> {
  vi.spyOn(process, 'getuid').mockReturnValue(uid);
  const desk = createDesk({ dbPath: inject('dbPath') });
  const out = join(mkdtempSync(join(tmpdir(), 'relations-desk-sandbox-')), 'x.pdf');
  await expect(renderBriefingPdf({ desk, partners: ['Kosovo'], out, paper: 'a4', chromiumPath: '/usr/bin/chromium', log: () => undefined })).rejects.toThrow(/could not start/);
  desk.close();
  return launches.at(-1)!;
}

describe('the briefing’s Chromium', () => {
  it('keeps the sandbox for a normal user', async () => {
    expect(await argsAs(1000)).not.toContain('--no-sandbox');
  });

  it('turns it off only as root, where Chromium refuses to start with it', async () => {
    expect(await argsAs(0)).toContain('--no-sandbox');
  });
});
