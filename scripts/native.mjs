// A second build of better-sqlite3's native addon, for Electron's ABI.
//
// node_modules/better-sqlite3 stays built for Node: tests, the CLI and the browser edition use it.
// Electron needs the same addon compiled against Electron's headers. Instead of rebuilding
// node_modules in place (which breaks Node until the next `npm rebuild`), this copies the package
// to .cache/electron-native/<key>/ and builds it there, once per Electron version, then writes
// .cache/electron-native/current.json. The main process (src/main/native.ts) reads that file and
// passes the addon to better-sqlite3 as `nativeBinding`.
//
// How it builds: first `prebuild-install --runtime=electron` (downloads the official prebuilt
// binary, no compiler needed), then `node-gyp rebuild --runtime=electron` (needs a C++ toolchain
// and Python). Both need the internet the first time; the result is cached.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const CACHE_DIR = path.join(ROOT, '.cache', 'electron-native');
export const MANIFEST = path.join(CACHE_DIR, 'current.json');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Find node-gyp: the one npm runs scripts with, else the copy bundled with npm. */
export function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

/**
 * Build (or reuse) better_sqlite3.node for `runtime`/`target` and return its absolute path.
 * runtime 'electron' is what `npm start` uses; runtime 'node' exists so the mechanism can be
 * checked on a machine without Electron (build for Node's ABI, then load it via nativeBinding).
 */
export function ensureNativeBinding({
  runtime = 'electron',
  target,
  arch = process.arch,
  platform = process.platform,
  log = (line) => console.log(line),
  writeManifest = runtime === 'electron',
} = {}) {
  if (!target) throw new Error('ensureNativeBinding: target version required');
  const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const pkg = readJson(path.join(pkgDir, 'package.json'));
  const key = `better-sqlite3-${pkg.version}-${runtime}-${target}-${platform}-${arch}`;
  const dir = path.join(CACHE_DIR, key);
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');

  if (!fs.existsSync(binding)) {
    log(`Building better-sqlite3 ${pkg.version} for ${runtime} ${target} (${platform}-${arch}) once, into ${path.relative(ROOT, dir)}…`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // Sources only: never the Node build in build/.
    for (const entry of ['package.json', 'binding.gyp', 'src', 'lib', 'deps']) {
      const from = path.join(pkgDir, entry);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true });
    }
    const env = { ...process.env };
    // A global `nodedir` (e.g. /usr for Debian's Node headers) would make node-gyp compile
    // against Node's headers instead of Electron's.
    for (const k of Object.keys(env)) if (/^npm_config_nodedir$/i.test(k)) delete env[k];

    const attempts = [];
    if (runtime === 'electron') {
      const prebuild = require.resolve('prebuild-install/bin.js');
      attempts.push({
        what: 'prebuild-install (official prebuilt binary)',
        cmd: process.execPath,
        args: [prebuild, `--runtime=${runtime}`, `--target=${target}`, `--arch=${arch}`, `--platform=${platform}`],
      });
    }
    const gyp = findNodeGyp();
    if (gyp) {
      const gypArgs = [gyp, 'rebuild', '--release', `--target=${target}`, `--arch=${arch}`, `--runtime=${runtime}`];
      if (runtime === 'electron') gypArgs.push('--dist-url=https://electronjs.org/headers');
      if (runtime === 'node' && process.env.npm_config_nodedir) gypArgs.push(`--nodedir=${process.env.npm_config_nodedir}`);
      attempts.push({ what: 'node-gyp rebuild (compiles from source)', cmd: process.execPath, args: gypArgs });
    }
    const failures = [];
    for (const a of attempts) {
      const r = spawnSync(a.cmd, a.args, { cwd: dir, env, encoding: 'utf8', timeout: 15 * 60_000 });
      if (r.status === 0 && fs.existsSync(binding)) break;
      const noise = /gyp ERR! (System|command|cwd|node -v|node-gyp -v|not ok|stack\s+at)|^\s*$/;
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}`
        .split('\n')
        .filter((l) => !noise.test(l))
        .slice(-5)
        .join('\n    ');
      failures.push(`  ${a.what} failed${r.error ? `: ${r.error.message}` : ''}\n    ${output}`);
    }
    if (!fs.existsSync(binding)) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `Could not build better-sqlite3 for ${runtime} ${target}.\n${failures.join('\n')}\n` +
          'This needs the internet once (prebuilt binary or Electron headers); node-gyp also needs a C++ compiler and Python.',
      );
    }
  }

  if (writeManifest) {
    const manifest = { electron: target, platform, arch, betterSqlite3: pkg.version, binding };
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return binding;
}
