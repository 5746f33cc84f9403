/**
 * Every process the tests start goes through here, so none outlives a test run.
 *
 *   import { spawnTracked, run } from '../env/processes.js';
 *   const p = spawnTracked('docker-registry', ['serve', cfg], { name: 'registry' });
 *   p.pid; p.logFile; await p.exited;   // output goes to p.logFile ('log' mode)
 *   await p.stop();                     // SIGTERM to its process group, SIGKILL after a while
 *   const r = await run('htpasswd', ['-Bbn', 'u', 'p']);   // short commands: { code, stdout, stderr }
 *
 * Each process gets its own process group and a record (PID + kernel start time,
 * so a reused PID is never killed) in the run's state dir, REGKIT_TEST_STATE,
 * made by global-setup.ts. Global teardown kills whatever is still recorded.
 * Outside vitest a state dir is made on first use and cleaned at process exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cleanupAfter } from './cleanup.js';
import { mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const STATE_ENV = 'REGKIT_TEST_STATE';

export interface ProcessRecord {
  pid: number;
  startTime: string;
  name: string;
  command: string;
  /** A folder of this process: after it dies, processes naming it are killed and mounts under it unmounted. */
  cleanupDir?: string;
  /**
   * A folder whose entries name cgroups (dockerd's <data-root>/containers): processes in
   * a cgroup ending in one of those names are killed after the process dies, and the
   * emptied cgroups removed (container processes outlive a dockerd killed outright).
   */
  cgroupNamesDir?: string;
}

let fallbackState: string | undefined;

/** The run's state dir (made by global setup); outside vitest, one cleaned at exit. */
export function stateDir(): string {
  const fromEnv = process.env[STATE_ENV];
  if (fromEnv) return fromEnv;
  if (!fallbackState) {
    fallbackState = mkdtempSync(join(tmpdir(), 'regkit-test-'));
    process.env[STATE_ENV] = fallbackState;
    const dir = fallbackState;
    process.once('exit', () => {
      killRecordedSync(dir);
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        /* a mount still busy: the folder stays, nothing runs in it */
      }
    });
  }
  return fallbackState;
}

/** A new empty folder inside the state dir (removed by global teardown). */
export function tempDir(prefix: string): string {
  const base = join(stateDir(), 'tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

function recordsDir(state: string): string {
  return join(state, 'procs');
}

/** Kernel start time of a PID (field 22 of /proc/PID/stat), or undefined when gone or a zombie. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
    return fields[19];
  } catch {
    return undefined;
  }
}

function alive(rec: ProcessRecord): boolean {
  return startTimeOf(rec.pid) === rec.startTime;
}

export interface Tracked {
  pid: number;
  name: string;
  child: ChildProcess;
  /** Output of 'log' mode processes (stdout and stderr together). */
  logFile?: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

export interface SpawnOptions {
  name?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** 'log' (default): stdout+stderr to a file, no pipes tying it to this worker; 'pipe': streams. */
  stdio?: 'log' | 'pipe';
  logFile?: string;
  cleanupDir?: string;
  cgroupNamesDir?: string;
  /** Another state dir than the run's (the self-tests use their own). */
  state?: string;
}

export function spawnTracked(command: string, args: string[], opts: SpawnOptions = {}): Tracked {
  const state = opts.state ?? stateDir();
  const name = opts.name ?? command.split('/').pop()!;
  mkdirSync(recordsDir(state), { recursive: true });
  let logFile: string | undefined;
  let stdio: 'pipe' | ['ignore', number, number];
  let fd: number | undefined;
  if ((opts.stdio ?? 'log') === 'log') {
    mkdirSync(join(state, 'logs'), { recursive: true });
    logFile = opts.logFile ?? join(state, 'logs', `${name}-${randomBytes(4).toString('hex')}.log`);
    fd = openSync(logFile, 'a');
    stdio = ['ignore', fd, fd];
  } else {
    stdio = 'pipe';
  }
  // detached: its own process group, so a stop reaches the children it starts.
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio, detached: true });
  if (fd !== undefined) closeSync(fd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  if (child.pid === undefined) {
    return { pid: -1, name, child, logFile, exited, running: () => false, stop: async () => {} };
  }
  const pid = child.pid;
  const rec: ProcessRecord = {
    pid,
    startTime: startTimeOf(pid) ?? '',
    name,
    command: [command, ...args].join(' '),
    cleanupDir: opts.cleanupDir,
    cgroupNamesDir: opts.cgroupNamesDir,
  };
  const recFile = join(recordsDir(state), `${pid}.json`);
  writeFileSync(recFile, JSON.stringify(rec));
  let done = false;
  void exited.then(() => {
    done = true;
    if (!rec.cleanupDir && !rec.cgroupNamesDir) rmSync(recFile, { force: true });
  });
  return {
    pid,
    name,
    child,
    logFile,
    exited,
    running: () => !done,
    async stop({ timeoutMs = 10_000 } = {}) {
      await stopRecord(rec, timeoutMs, exited);
      rmSync(recFile, { force: true });
    },
  };
}

function signalGroup(rec: ProcessRecord, signal: NodeJS.Signals): void {
  // The leader's PID is the group id; signal the group only while the leader is
  // ours or gone (leftover members), never when the PID now belongs to someone else.
  const now = startTimeOf(rec.pid);
  if (now !== undefined && now !== rec.startTime) return;
  try {
    process.kill(-rec.pid, signal);
  } catch {
    /* group already empty */
  }
}

async function waitGone(rec: ProcessRecord, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (alive(rec)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

async function stopRecord(rec: ProcessRecord, timeoutMs: number, exited?: Promise<unknown>): Promise<void> {
  signalGroup(rec, 'SIGTERM');
  if (!(await waitGone(rec, timeoutMs))) {
    signalGroup(rec, 'SIGKILL');
    await waitGone(rec, 5_000);
  }
  // Leftover members of the group (the leader died first).
  signalGroup(rec, 'SIGKILL');
  if (exited) await exited;
  if (rec.cleanupDir || rec.cgroupNamesDir) {
    cleanupAfter(rec);
    // Killed container processes take a moment to leave their cgroups.
    await new Promise((r) => setTimeout(r, 100));
    cleanupAfter(rec);
  }
}

export function readRecords(state: string): ProcessRecord[] {
  let names: string[];
  try {
    names = readdirSync(recordsDir(state));
  } catch {
    return [];
  }
  const recs: ProcessRecord[] = [];
  for (const n of names) {
    try {
      recs.push(JSON.parse(readFileSync(join(recordsDir(state), n), 'utf8')) as ProcessRecord);
    } catch {
      /* half-written record of a crashed worker: nothing to kill by */
    }
  }
  return recs;
}

/** Stops everything recorded in `state` (in parallel), then cleans their folders. */
export async function killRecorded(state: string, timeoutMs = 10_000): Promise<ProcessRecord[]> {
  const recs = readRecords(state);
  await Promise.all(recs.map((r) => stopRecord(r, timeoutMs)));
  for (const r of recs) rmSync(join(recordsDir(state), `${r.pid}.json`), { force: true });
  return recs;
}

/**
 * Last resort at process exit (e.g. vitest interrupted with Ctrl-C skips global
 * teardown): SIGKILL every recorded group, then their folders' leftovers, synchronously.
 */
export function killRecordedSync(state: string): void {
  const recs = readRecords(state);
  for (const r of recs) signalGroup(r, 'SIGKILL');
  for (const r of recs) cleanupAfter(r);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a short command to completion (tracked like any other); never throws on a non-zero exit. */
export async function run(
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string | Buffer; name?: string } = {},
): Promise<RunResult> {
  const p = spawnTracked(command, args, { ...opts, stdio: 'pipe' });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  p.child.stdout?.on('data', (b: Buffer) => out.push(b));
  p.child.stderr?.on('data', (b: Buffer) => err.push(b));
  p.child.stdin?.on('error', () => undefined);
  p.child.stdin?.end(opts.input ?? '');
  const closed = new Promise<void>((resolve) => p.child.once('close', () => resolve()));
  const spawnError = new Promise<Error | undefined>((resolve) => {
    p.child.once('error', resolve);
    p.child.once('spawn', () => resolve(undefined));
  });
  const e = await spawnError;
  if (e) return { code: 127, stdout: '', stderr: `${command}: ${e.message}` };
  const { code, signal } = await p.exited;
  await closed;
  return {
    code: code ?? (signal ? 128 : -1),
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

/** Like run(), but throws with the command's stderr when it fails. */
export async function runOk(command: string, args: string[], opts: Parameters<typeof run>[2] = {}): Promise<string> {
  const r = await run(command, args, opts);
  if (r.code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${r.code}: ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}
