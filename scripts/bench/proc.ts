// CPU time of processes from /proc (Linux), for a shared machine where wall time alone says
// little: one process, or a whole process tree (the headless Chromium the bench launched).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

interface Stat {
  ppid: number;
  /** utime + stime of the process itself, in ms. */
  selfMs: number;
  /** cutime + cstime: its children that it waited for, in ms. */
  childrenMs: number;
}

function stat(pid: number | 'self'): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after "(comm)": state is field 3, so field n is at index n - 3.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(f[i] ?? 0);
  return { ppid: n(1), selfMs: ((n(11) + n(12)) * 1000) / HZ, childrenMs: ((n(13) + n(14)) * 1000) / HZ };
}

/** CPU time (user + system) of one process so far, in ms; NaN when it is gone or /proc is missing. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  return stat(pid)?.selfMs ?? NaN;
}

/** CPU time of this process's children that have exited and been waited for, in ms. */
export function reapedChildrenCpuMs(): number {
  return stat('self')?.childrenMs ?? NaN;
}

/**
 * CPU time so far of every live descendant of `root` (default: this process), leaving out the
 * subtrees of `exclude`. Processes that exit between two readings drop out of the later one, so
 * take differences over intervals in which the processes of interest stay alive.
 */
export function treeCpuMs(exclude: (number | undefined)[] = [], root: number = process.pid): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number);
  } catch {
    return NaN;
  }
  const children = new Map<number, number[]>();
  const self = new Map<number, number>();
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    self.set(pid, s.selfMs);
    const list = children.get(s.ppid) ?? [];
    list.push(pid);
    children.set(s.ppid, list);
  }
  const skip = new Set(exclude.filter((p): p is number => p !== undefined));
  let sum = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    if (skip.has(pid)) continue;
    sum += self.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}
