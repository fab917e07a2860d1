// Packaging (electron-builder): `npm run dist` builds the current platform's packages into dist/
// (Linux: AppImage and .deb; Windows: NSIS installer; macOS: dmg). scripts/dist.mjs builds what
// the package carries first; scripts/package.test.ts packages the unpacked `dir` target and checks
// the result against this file.
//
// What ships (nothing from development at run time):
//   app.asar           package.json, the built main/preload/renderer bundles (out/), and the
//                      production dependencies the main process imports
//   app.asar.unpacked  better-sqlite3's native addon (a .node file cannot be loaded from an archive)
//   desk.db            the library (extraResources: next to app.asar, outside it, so SQLite can
//                      open it; opened read-only from process.resourcesPath by src/main/paths.ts).
//                      The reader's own database stays in the user-data folder, so installing a new
//                      version replaces the library and keeps every bookmark and note.

import { packagesLeftOut } from './scripts/package/runtime-modules.mjs';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.relationsdesk.RelationsDesk',
  productName: 'Relations Desk',
  copyright: 'Relations Desk contributors',
  directories: { output: 'dist', buildResources: 'resources' },

  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.{map,ts,cts,mts}',
    // Test snapshots some packages publish (domutils/src/__snapshots__): not code, never loaded.
    '!node_modules/**/src/__snapshots__{,/**}',
    '!node_modules/domutils/src{,/**}',
    // Production dependencies the Electron app does not load (scripts/package/runtime-modules.mjs):
    // zod and lunr (bundled into out/main), chrono-node (dates, for building the library),
    // playwright-core (the CLI's PDF briefings) and prebuild-install with what it pulls in
    // (better-sqlite3's installer).
    ...packagesLeftOut().map((name) => `!node_modules/${name}{,/**}`),
    // better-sqlite3: its JavaScript and the addon, not the SQLite sources or build leftovers.
    '!node_modules/better-sqlite3/{deps,src,binding.gyp}{,/**}',
    '!node_modules/better-sqlite3/build/{deps,Release/obj,Release/obj.target,Release/.deps}{,/**}',
    '!node_modules/better-sqlite3/build/{*.mk,*.Makefile,Makefile,config.gypi,Release/*.a,Release/test_extension.node}',
  ],
  asar: true,
  asarUnpack: ['**/*.node'],
  extraResources: [{ from: 'resources/desk.db', to: 'desk.db' }],

  // better-sqlite3 is rebuilt for Electron's ABI while packaging (@electron/rebuild: a prebuilt
  // binary when one can be fetched, else a compile with Python and a C++ compiler).
  npmRebuild: true,
  buildDependenciesFromSource: false,

  // Hardening, flipped in the packaged binary (@electron/fuses) and read back by the packaging
  // test. Nothing runs the app's binary as Node, passes NODE_OPTIONS or --inspect, or loads the
  // app from anywhere but app.asar; the renderer is served over app://, not file://.
  // Asar integrity is validated by Electron on macOS and Windows; Linux has no such check yet.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },

  // No auto-update and no network: no publish provider, so no app-update.yml is written.
  publish: null,

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'relations-desk',
    icon: 'resources/icons',
    category: 'Office',
    synopsis: 'Offline reference desk for Albania\u2019s foreign relations',
    maintainer: 'Relations Desk contributors',
    desktop: { entry: { StartupWMClass: 'Relations Desk', Keywords: 'Albania;foreign relations;treaties;NATO;EU;' } },
  },
  deb: { depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'] },
  win: { target: ['nsis'], icon: 'resources/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, shortcutName: 'Relations Desk' },
  mac: { target: ['dmg'], icon: 'resources/icon.icns', category: 'public.app-category.reference' },
};

export default config;
