// Shared set-up for the build and push action tests: a workspace with a registries
// file, a Dockerfile and files; the GitHub context of a push; images seeded into registries.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import { tempDir } from '../env/processes.js';
import { dockerConfig, dockerOk, type Dockerd } from '../env/dockerd.js';
import type { ActionResult } from '../harness/action.js';

export const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
export const SHORT = SHA.slice(0, 7);

/** The runner's variables for a push to `branch` (main by default) of acme/api. */
export function pushEvent(branch = 'main', extra: Record<string, string> = {}): Record<string, string> {
  const dir = tempDir('event');
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      ref: `refs/heads/${branch}`,
      head_commit: {
        id: SHA,
        message: 'Add the greeting\n\nWith a body.',
        committer: { name: 'Ann', email: 'ann@example.com', username: 'ann' },
      },
      repository: { default_branch: 'main', full_name: 'acme/api' },
    }),
  );
  return {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: `refs/heads/${branch}`,
    GITHUB_REF_NAME: branch,
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/api',
    ...extra,
  };
}

/** A fresh repository name part, so tests never meet each other's images in the shared daemon. */
export function unique(name: string): string {
  return `${name}-${randomBytes(3).toString('hex')}`;
}

/** A workspace: .github/registries.yml from `top` and `registries`, plus files (path → content). */
export function workspace(registries: object[], files: Record<string, string | Buffer>, top: object = {}): string {
  const dir = tempDir('build-workspace');
  const all: Record<string, string | Buffer> = {
    '.github/registries.yml': stringify({ version: 1, ...top, registries }),
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Pushes the local `image` to `ref` with these credentials, and leaves no local name behind. */
export async function seed(
  d: Dockerd,
  image: string,
  ref: string,
  auth?: { username: string; password: string },
): Promise<void> {
  const host = ref.split('/')[0];
  const cfg = dockerConfig(auth ? { [host]: auth } : {});
  await dockerOk(d, ['tag', image, ref]);
  await dockerOk(d, ['push', ref], { config: cfg });
  await dockerOk(d, ['image', 'rm', ref]);
}

/** The step failed with exactly one error line, which is returned. */
export function oneError(r: ActionResult): string {
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).not.toContain('\n');
  expect(r.errors[0]).not.toMatch(/internal error|at .*\.js:\d+/);
  return r.errors[0];
}

/** Every `#N CACHED` line of BuildKit's plain progress, or legacy ` ---> Using cache` line. */
export function cacheLines(stdout: string): string[] {
  return stdout.split(/\r?\n/).filter((l) => /^#\d+ CACHED$/.test(l) || /^ ---> Using cache$/.test(l));
}
