/**
 * vitest globalSetup (vitest.config.ts): makes the run's state dir, hands it to
 * the workers through REGKIT_TEST_STATE, and at teardown kills every process
 * still recorded there (test/env/processes.ts) and removes the dir.
 *
 * A run interrupted with Ctrl-C skips teardown: an exit handler SIGKILLs what is
 * recorded. A run killed outright leaves its state dir behind; the next run's
 * setup finds it (its owner PID is gone), kills what it recorded and removes it.
 * REGKIT_TEST_KEEP=1 keeps the state dir (logs of registries, dockerd) for debugging;
 * its processes are stopped all the same.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killRecorded, killRecordedSync, STATE_ENV, startTimeOf } from './processes.js';

const PREFIX = 'regkit-test-';

interface Owner {
  pid: number;
  startTime: string;
}

export async function sweepAbandoned(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: Owner;
    try {
      owner = JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')) as Owner;
    } catch {
      continue; // not made by a global setup (e.g. a helper used outside vitest)
    }
    if (startTimeOf(owner.pid) === owner.startTime) continue; // another run still going
    if (existsSync(join(dir, 'kept'))) continue; // REGKIT_TEST_KEEP=1: remove it by hand
    await killRecorded(dir);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      console.warn(`could not remove ${dir}: ${String(err)}`);
    }
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  await sweepAbandoned();
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  const owner: Owner = { pid: process.pid, startTime: startTimeOf(process.pid) ?? '' };
  writeFileSync(join(dir, 'owner.json'), JSON.stringify(owner));
  // Workers are forked after global setup and inherit this environment.
  process.env[STATE_ENV] = dir;
  // An interrupted run (Ctrl-C) exits without teardown: kill what is recorded on the way out.
  const onExit = () => {
    killRecordedSync(dir);
    if (process.env.REGKIT_TEST_KEEP === '1') return;
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* the next run's sweep removes it */
    }
  };
  process.once('exit', onExit);
  return async () => {
    process.off('exit', onExit);
    await killRecorded(dir);
    if (process.env.REGKIT_TEST_KEEP === '1') {
      writeFileSync(join(dir, 'kept'), ''); // the next run's sweep leaves it alone
      console.log(`regkit test state kept in ${dir}`);
      return;
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
}
