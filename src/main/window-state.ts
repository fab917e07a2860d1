// Window size and position, remembered in a small JSON file in the user-data folder. Pure apart
// from file I/O; index.ts feeds it the window's bounds and the displays' work areas.
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1200, height: 820, maximized: false };
const MIN = { width: 640, height: 480 };

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;
}

/** Read the saved state; anything missing, malformed or off every screen falls back to defaults. */
export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height)) return { ...DEFAULT_STATE };
  const state: WindowState = {
    width: Math.max(MIN.width, r.width),
    height: Math.max(MIN.height, r.height),
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    const bounds = { x: r.x, y: r.y, width: state.width, height: state.height };
    // Keep the position only if a good part of the title bar is on a display that still exists.
    if (workAreas.some((area) => visible(bounds, area))) {
      state.x = r.x;
      state.y = r.y;
    }
  }
  return state;
}

function visible(win: Rect, area: Rect): boolean {
  const left = Math.max(win.x, area.x);
  const right = Math.min(win.x + win.width, area.x + area.width);
  const top = win.y;
  return right - left >= 100 && top >= area.y && top < area.y + area.height - 40;
}

/** Write atomically (temp file + rename) so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}
