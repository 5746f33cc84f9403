import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killRecorded, readRecords, run, spawnTracked, startTimeOf, STATE_ENV, tempDir } from './processes.js';
import { sweepAbandoned } from './global-setup.js';
import { freePort } from './ports.js';
import { createServer } from 'node:net';

/** PIDs in process group `pgid` (field 5 of /proc/PID/stat). */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid && f[0] !== 'Z') out.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** A state dir of the test's own, so killing "everything recorded" touches nothing else. */
function ownState(): string {
  return tempDir('selftest');
}

describe('process tracking', () => {
  it('runs inside the state dir made by global setup', () => {
    const dir = process.env[STATE_ENV]!;
    expect(dir).toBeTruthy();
    const owner = JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')) as { pid: number };
    expect(startTimeOf(owner.pid)).toBeDefined();
  });

  it('records a process and stop() kills its whole group', async () => {
    const state = ownState();
    const p = spawnTracked('sh', ['-c', 'sleep 300 & sleep 300 & wait'], { state, name: 'sleepers' });
    await new Promise((r) => setTimeout(r, 100)); // let sh fork its two children
    expect(readRecords(state).map((r) => r.pid)).toEqual([p.pid]);
    expect(groupMembers(p.pid)).toHaveLength(3);
    await p.stop();
    expect(groupMembers(p.pid)).toEqual([]);
    expect(readRecords(state)).toEqual([]);
    expect(p.running()).toBe(false);
  });

  it('falls back to SIGKILL when SIGTERM is ignored', async () => {
    const state = ownState();
    const p = spawnTracked('sh', ['-c', 'trap "" TERM; sleep 300 & wait'], { state });
    await new Promise((r) => setTimeout(r, 100));
    await p.stop({ timeoutMs: 300 });
    const { signal } = await p.exited;
    expect(signal).toBe('SIGKILL');
    expect(groupMembers(p.pid)).toEqual([]);
  });

  it('killRecorded stops what a crashed test left running, by record alone', async () => {
    const state = ownState();
    const port = await freePort();
    // A listener that is never stopped by its test: teardown must find it.
    const p = spawnTracked('node', ['-e', `require('net').createServer().listen(${port}, '127.0.0.1')`], { state });
    await waitListening(port);
    const killed = await killRecorded(state);
    expect(killed.map((r) => r.pid)).toEqual([p.pid]);
    await p.exited;
    expect(startTimeOf(p.pid)).toBeUndefined();
    await expect(canListen(port)).resolves.toBe(true);
    expect(readRecords(state)).toEqual([]);
  });

  it('never signals a PID that now belongs to another process', async () => {
    const state = ownState();
    const victim = spawnTracked('sleep', ['300'], { state: ownState() });
    // A record with the victim's PID but another start time: a reused PID.
    const recDir = join(state, 'procs');
    mkdirSync(recDir);
    writeFileSync(
      join(recDir, `${victim.pid}.json`),
      JSON.stringify({ pid: victim.pid, startTime: '1', name: 'x', command: 'x' }),
    );
    await killRecorded(state, 200);
    expect(victim.running()).toBe(true);
    await victim.stop();
    expect(victim.running()).toBe(false);
  });

  it('the next run sweeps a state dir whose owner died', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regkit-test-'));
    const p = spawnTracked('sleep', ['300'], { state: dir });
    // Owner: a PID that has exited (this short command's).
    const gone = await run('sh', ['-c', 'echo $$']);
    writeFileSync(join(dir, 'owner.json'), JSON.stringify({ pid: Number(gone.stdout.trim()), startTime: 'x' }));
    await sweepAbandoned();
    await p.exited;
    expect(p.running()).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('run() returns exit code and output of short commands', async () => {
    const r = await run('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
    const missing = await run('/nonexistent/program', []);
    expect(missing.code).toBe(127);
  });
});

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function waitListening(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (!(await canListen(port))) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nothing listens on ${port}`);
}
