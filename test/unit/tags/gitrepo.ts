// A throw-away git repository with fixed identities and dates, for tests that need real git.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';

import { join } from 'node:path';
import { tempDir } from '../../env/processes.js';

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Commits a change with the given message and committer; returns the sha. */
  commit(message: string, committer?: { name: string; email: string }): string;
  remove(): void;
}

let clock = 1_700_000_000;

export function makeRepo(name = 'shop-api'): TestRepo {
  const base = tempDir('tags');
  const dir = join(base, name);
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  // Tags and merges need an identity; a fresh CI machine has none.
  run(['config', 'user.name', 'Test Tagger']);
  run(['config', 'user.email', 'tagger@example.com']);
  let n = 0;
  return {
    dir,
    git: (...args) => run(args),
    commit(message, committer = { name: 'Jane Doe', email: 'jane@example.com' }) {
      n += 1;
      writeFileSync(join(dir, 'file.txt'), `change ${n}\n`);
      run(['add', 'file.txt']);
      const date = `@${clock++} +0000`;
      run(['commit', '-q', '-m', message], {
        GIT_AUTHOR_NAME: committer.name,
        GIT_AUTHOR_EMAIL: committer.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return run(['rev-parse', 'HEAD']);
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** A fixture payload of test/unit/tags/fixtures, changed by `edit`, written into `dir`; returns its path. */
export function eventFile(dir: string, fixture: string, edit: (payload: any) => void = () => {}): string {
  const payload = JSON.parse(readFileSync(new URL(`./fixtures/${fixture}.json`, import.meta.url), 'utf8'));
  edit(payload);
  const path = join(dir, `${fixture}-event.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

/** eventFile, written next to the repository (outside its work tree). */
export function writeEvent(repo: TestRepo, fixture: string, edit?: (payload: any) => void): string {
  return eventFile(join(repo.dir, '..'), fixture, edit);
}
