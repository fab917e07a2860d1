// A stand-in Electron distribution for packaging where Electron's own cannot be downloaded.
// electron-builder copies an unpacked distribution from `electronDist` and renames its `electron`
// executable; nothing else in it is required for the `dir` target. The stand-in is a shell
// script that says what it is, carrying the fuse wire @electron/fuses looks for in a real
// binary (its SENTINEL, then wire version 1, the wire's length and one byte per fuse), set to
// Electron's own defaults, so flipping the fuses while packaging and reading them back are the
// real code paths. It checks the package's layout and configuration, not Electron itself.
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';

/** The marker @electron/fuses searches a binary for (@electron/fuses dist/constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** How the wire stores a fuse: ASCII '1' on, '0' off (@electron/fuses' FuseState). */
export const FUSE_ON = 0x31;
export const FUSE_OFF = 0x30;

/** Electron's defaults, fuse by fuse (electronjs.org/docs/latest/tutorial/fuses). */
const ELECTRON_DEFAULTS: Record<FuseV1Options, boolean> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

export function writeStandInElectron(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const fuses = Object.values(ELECTRON_DEFAULTS).map((on) => (on ? FUSE_ON : FUSE_OFF));
  const script = Buffer.from(
    '#!/bin/sh\necho "Relations Desk packaging test: a stand-in for the Electron binary, not Electron." >&2\nexit 3\n# ',
  );
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, fuses.length, ...fuses]), Buffer.from('\n')]);
  const bin = path.join(dir, 'electron');
  fs.writeFileSync(bin, Buffer.concat([script, wire]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), 'stand-in\n');
  return bin;
}
