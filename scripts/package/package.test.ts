// The packaged app, as electron-builder.js describes it: electron-builder's unpacked `dir` target
// built into a temp folder, then opened up and checked. Where Electron's distribution is not
// installed (it cannot be downloaded on our machines), a stand-in distribution is packaged instead
// (scripts/package/stand-in.ts): that checks the package's layout and configuration, not Electron.
// With the real binary, the real one is packaged and its fuses are read back from it.
// Both skip the native rebuild (npmRebuild: false): it needs Electron's headers from the network;
// `npm run dist` does it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import Database from 'better-sqlite3';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DB, ROOT } from '../../src/host/paths';
import { FUSE_OFF, FUSE_ON, writeStandInElectron } from './stand-in';
import { dependencyClosure, INSTALL_TIME_ONLY, MAIN_IMPORTS } from './runtime-modules.mjs';

const realDist = path.join(ROOT, 'node_modules', 'electron', 'dist');
const realBinary = path.join(realDist, 'electron');
const useRealElectron = process.platform === 'linux' && fs.existsSync(realBinary);
const what = useRealElectron
  ? 'packaged with the real Electron distribution'
  : 'packaged with a stand-in Electron distribution: checks the package layout, not Electron itself';

let work = '';
let appDir = '';
let resources = '';
let asarFiles: string[] = [];

beforeAll(async () => {
  if (process.platform !== 'linux') throw new Error('The packaging test packages the Linux `dir` target; run it on Linux.');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-package-'));
  const electronDist = useRealElectron ? realDist : path.dirname(writeStandInElectron(path.join(work, 'electron-dist')));
  console.log(`Packaging test: ${what}.`);
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    // Merged into electron-builder.js, which electron-builder loads itself.
    config: { electronDist, npmRebuild: false, directories: { output: path.join(work, 'dist') } },
  });
  appDir = path.join(work, 'dist', 'linux-unpacked');
  resources = path.join(appDir, 'resources');
  asarFiles = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/').replace(/^\//, ''));
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Every file under dir, relative, with '/' separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(path.join(dir, e.name), rel) : [rel];
  });
}

describe(`packaged app (electron-builder dir target, ${what})`, () => {
  it('app.asar holds package.json, the built main, preload and renderer, and the runtime packages only', () => {
    const appFiles = asarFiles.filter((f) => !f.startsWith('node_modules/') && f !== 'node_modules');
    const built = ['out/main', 'out/preload', 'out/renderer'].flatMap((d) => filesUnder(path.join(ROOT, d), d)).filter((f) => !f.endsWith('.map'));
    const dirs = new Set(built.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    expect(appFiles.sort()).toEqual(['package.json', ...built, ...dirs].sort());

    const packages = new Set(asarFiles.filter((f) => /^node_modules\/[^/]+$/.test(f)).map((f) => f.slice('node_modules/'.length)));
    expect([...packages].sort()).toEqual(dependencyClosure(MAIN_IMPORTS, { skip: INSTALL_TIME_ONLY }));
  });

  it('the main bundles (main process, import worker, chunks) import no package beyond those shipped; zod and lunr are bundled', () => {
    const specifiers = filesUnder(path.join(ROOT, 'out', 'main'), '')
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => {
        const code = fs.readFileSync(path.join(ROOT, 'out', 'main', f), 'utf8');
        return [
          ...code.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm),
          ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
          // createRequire(import.meta.url)('chrono-node'): a package loaded on first use.
          ...code.matchAll(/\)\(\s*["']([^"'./][^"']*)["']\s*\)/g),
        ].map((m) => m[1]!);
      });
    const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    const imported = new Set(specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:') && s !== 'electron').map(packageOf));
    expect([...imported].sort()).toEqual([...MAIN_IMPORTS].sort());
  });

  it('app.asar holds no development file: no src/, TypeScript, source maps, tests, benchmarks or dev dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const offending = asarFiles.filter(
      (f) =>
        /(^|\/)(src|test|tests|__tests__|bench|perf|e2e|scripts|corpus)(\/|$)/.test(f) ||
        /\.(ts|cts|mts|map|test\.js)$/.test(f) ||
        Object.keys(pkg.devDependencies).some((d) => f === `node_modules/${d}` || f.startsWith(`node_modules/${d}/`)),
    );
    expect(offending).toEqual([]);
    const sizeKb = Math.round(fs.statSync(path.join(resources, 'app.asar')).size / 1024);
    console.log(`app.asar: ${asarFiles.length} entries, ${sizeKb} KB`);
  });

  it('the library sits outside the archive, as desk.db next to app.asar, and opens read-only', () => {
    expect(asarFiles.some((f) => f.endsWith('.db'))).toBe(false);
    const packaged = path.join(resources, 'desk.db');
    expect(fs.readFileSync(packaged).equals(fs.readFileSync(DEFAULT_DB))).toBe(true);
    const db = new Database(packaged, { readonly: true, fileMustExist: true });
    try {
      const docs = db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number };
      expect(docs.n).toBeGreaterThan(0);
      expect(() => db.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/i);
    } finally {
      db.close();
    }
  });

  it('better-sqlite3\u2019s native addon is unpacked from the archive', () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(asarFiles).toContain(addon);
    expect(asar.statFile(path.join(resources, 'app.asar'), addon)).toMatchObject({ unpacked: true });
    expect(fs.statSync(path.join(resources, 'app.asar.unpacked', addon)).size).toBeGreaterThan(100_000);
    expect(filesUnder(path.join(resources, 'app.asar.unpacked')).filter((f) => f.endsWith('.node'))).toEqual([addon]);
  });

  it('the fuses read back from the packaged binary are those configured (RunAsNode, NODE_OPTIONS, --inspect off; asar integrity, asar only, cookie encryption on)', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'relations-desk'));
    const expected: [FuseV1Options, boolean][] = [
      [FuseV1Options.RunAsNode, false],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
      [FuseV1Options.EnableNodeCliInspectArguments, false],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
      [FuseV1Options.OnlyLoadAppFromAsar, true],
      [FuseV1Options.EnableCookieEncryption, true],
      [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
    ];
    for (const [fuse, on] of expected) expect([FuseV1Options[fuse], wire[fuse]]).toEqual([FuseV1Options[fuse], on ? FUSE_ON : FUSE_OFF]);
  });

  it('carries no updater and nothing that would reach the network', () => {
    expect(fs.existsSync(path.join(resources, 'app-update.yml'))).toBe(false);
    expect(asarFiles.some((f) => /electron-updater|app-update\.yml/.test(f))).toBe(false);
  });
});
