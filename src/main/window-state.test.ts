import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, loadWindowState, saveWindowState } from './window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-ws-'));
const file = path.join(dir, 'sub', 'window-state.json');
afterEach(() => fs.rmSync(path.join(dir, 'sub'), { recursive: true, force: true }));

describe('window state', () => {
  it('round-trips size, position and maximized', () => {
    saveWindowState(file, { x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('uses defaults for a missing or malformed file', () => {
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_STATE);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"width": "huge"');
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_STATE);
    fs.writeFileSync(file, '{"width": 1e9, "height": 700}');
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_STATE);
  });

  it('drops a position that is on no display any more (unplugged monitor), keeping the size', () => {
    saveWindowState(file, { x: 3000, y: 100, width: 900, height: 600, maximized: false });
    expect(loadWindowState(file, screen)).toEqual({ width: 900, height: 600, maximized: false });
  });

  it('enforces a minimum size', () => {
    saveWindowState(file, { x: 0, y: 0, width: 10, height: 10, maximized: false });
    const s = loadWindowState(file, screen);
    expect(s.width).toBeGreaterThanOrEqual(640);
    expect(s.height).toBeGreaterThanOrEqual(480);
  });
});
