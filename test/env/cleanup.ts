/**
 * What a dead process can leave behind, found without its help: processes whose
 * command line names its folder (containerd and shims of a dockerd), processes in
 * cgroups named after entries of a folder (its containers), their cgroups, and
 * mounts under its folder. Used by processes.ts after a tracked process dies.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessRecord } from './processes.js';

/** PIDs whose command line names `dir` (e.g. containerd shims of a dockerd that died). */
function pidsNaming(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(dir + '/')) found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

function mountsUnder(dir: string): string[] {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((p): p is string => !!p && (p === dir || p.startsWith(dir + '/')));
  return points.sort((a, b) => b.length - a.length);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** PIDs in a cgroup whose path ends in one of `names` (any hierarchy). */
function pidsInCgroups(names: string[]): number[] {
  if (!names.length) return [];
  const found: number[] = [];
  for (const entry of listDir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const lines = readFileSync(`/proc/${entry}/cgroup`, 'utf8').split('\n');
      if (lines.some((l) => names.some((n) => l.endsWith(`/${n}`)))) found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function removeCgroups(names: string[]): void {
  for (const hierarchy of listDir('/sys/fs/cgroup')) {
    for (const name of names) {
      for (const parent of ['docker', 'system.slice']) {
        try {
          rmdirSync(join('/sys/fs/cgroup', hierarchy, parent, name));
        } catch {
          /* not there, or not empty yet */
        }
      }
    }
  }
}

/** What a dead process may leave: processes naming its folder, container processes, mounts. */
export function cleanupAfter(rec: Pick<ProcessRecord, 'cleanupDir' | 'cgroupNamesDir'>): void {
  const names = rec.cgroupNamesDir ? listDir(rec.cgroupNamesDir).filter((n) => /^[0-9a-f]{64}$/.test(n)) : [];
  killAll([...(rec.cleanupDir ? pidsNaming(rec.cleanupDir) : []), ...pidsInCgroups(names)]);
  if (rec.cleanupDir)
    for (const point of mountsUnder(rec.cleanupDir)) spawnSync('umount', ['-l', point], { stdio: 'ignore' });
  removeCgroups(names);
}
