// One writer at a time for a file that several processes may change (the app and the CLI both
// add documents): an exclusive lock file holding the writer's pid. A lock left by a process that
// no longer runs (killed mid-import) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const WAIT_MS = 30_000;

export class LockBusyError extends Error {}

export function withFileLock<T>(lockFile: string, run: () => T): T {
  mkdirSync(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  let fd: number | null = null;
  while (fd === null) {
    try {
      fd = openSync(lockFile, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(safeRead(lockFile));
      if (holder === process.pid || !isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockBusyError(`Another import (process ${holder}) is still changing your documents; try again when it has finished.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return run();
  } finally {
    closeSync(fd);
    rmSync(lockFile, { force: true });
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
