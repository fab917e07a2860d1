import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths, userDataOverride } from './paths';

const base = { appPath: '/repo', resourcesPath: '/opt/desk/resources', userData: '/home/u/.config/Relations Desk' };

describe('app paths', () => {
  it('uses the repo resources in development and resourcesPath (outside app.asar) when packaged', () => {
    expect(resolveAppPaths({ ...base, isPackaged: false, env: {} }).libraryDb).toBe(path.join('/repo', 'resources', 'desk.db'));
    const packaged = resolveAppPaths({ ...base, appPath: '/opt/desk/resources/app.asar', isPackaged: true, env: {} });
    expect(packaged.libraryDb).toBe(path.join('/opt/desk/resources', 'desk.db'));
    expect(packaged.libraryDb).not.toContain('.asar');
  });

  it('keeps user data in the user-data folder, and lets tests move things', () => {
    const p = resolveAppPaths({ ...base, isPackaged: false, env: { RELATIONS_DESK_DB: '/tmp/x.db' } });
    expect(p.userDb).toBe(path.join(base.userData, 'user.db'));
    expect(p.windowState).toBe(path.join(base.userData, 'window-state.json'));
    expect(p.libraryDb).toBe('/tmp/x.db');
    expect(p.preload).toBe(path.join('/repo', 'out', 'preload', 'index.cjs'));
    expect(userDataOverride({ RELATIONS_DESK_USER_DATA: '/tmp/ud' })).toBe('/tmp/ud');
    expect(userDataOverride({ RELATIONS_DESK_USER_DATA: '  ' })).toBeNull();
    expect(userDataOverride({})).toBeNull();
  });
});
