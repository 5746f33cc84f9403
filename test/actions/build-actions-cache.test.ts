// The build cache in the GitHub Actions cache (no caching registry in the file), end to end:
// the build action (dist/build) on a real Docker engine, @actions/cache against the local
// cache service in v2 (Twirp + block blob) and v1 (GitHub Enterprise Server) form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { runAction, type ActionResult } from '../harness/action.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { startActionsCache, type ActionsCacheService } from '../env/actions-cache.js';
import { freePort } from '../env/ports.js';
import { tempDir } from '../env/processes.js';
import { baseImage, dockerOk, startDockerd, type Dockerd } from '../env/dockerd.js';
import { cacheLines, pushEvent, seed, SHA, unique, workspace } from './build-fixture.js';

let d: Dockerd;
let reg: Registry; // the base image
let svc: ActionsCacheService;

beforeAll(async () => {
  [d, reg, svc] = await Promise.all([startDockerd(), startRegistry(), startActionsCache()]);
  await seed(d, await baseImage(d), `${reg.host}/team/base:1`);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), svc?.close()]);
});

const files = (text: string) => ({
  Dockerfile: [
    `FROM ${reg.host}/team/base:1`,
    'RUN echo one > /one',
    'COPY hello.txt /hello.txt',
    'RUN cat /one /hello.txt > /both',
    '',
  ].join('\n'),
  'hello.txt': text,
});
// No caching registry: `cache: auto` is the Actions cache.
const registries = () => [{ name: 'base', provider: 'other', domain: reg.host, prefix: 'team' }];
const key = (name: string, branch: string, sha = SHA) => `regkit-build:${name}:${branch}:${sha}`;
const meta = (r: ActionResult) => JSON.parse(r.outputs.metadata).cache;

describe.each([
  ['detected', 'v2'],
  ['legacy', 'v1'],
] as const)('build cache in the Actions cache (%s builder, cache service %s)', (builder, version) => {
  it('a second build on an emptied daemon reports its steps as cached; a new branch starts from the default branch, then from its own', async () => {
    const own = await startDockerd({ shared: false });
    try {
      const name = unique('ac');
      const ws = workspace(registries(), files('cache me\n'));
      // RUNNER_TEMP is the same in every job of a runner, and part of the entry's version.
      const runnerTemp = tempDir('runner');
      const build = (branch: string, sha = SHA) =>
        runAction('build', {
          cwd: ws,
          inputs: { 'image-name': name, 'disable-push': true, network: 'host' },
          env: {
            ...own.env,
            ...pushEvent(branch, { GITHUB_SHA: sha }),
            ...svc.env(version),
            RUNNER_TEMP: runnerTemp,
            ...(builder === 'legacy' ? { REGKIT_BUILDER: 'legacy' } : {}),
          },
        });
      const wipe = async () => {
        await dockerOk(own, ['system', 'prune', '--all', '--force']);
        await dockerOk(own, ['builder', 'prune', '--all', '--force']);
        expect((await dockerOk(own, ['image', 'ls', '--quiet'])).trim()).toBe('');
      };

      const first = await build('main');
      expect(first.errors).toEqual([]);
      expect(first.warnings).toEqual([]);
      expect(meta(first)).toMatchObject({
        kind: 'actions',
        hits: 0,
        steps: 3,
        imported: [],
        written: true,
        to: key(name, 'main'),
      });
      expect(
        svc.entries.filter((e) => e.key.startsWith(`regkit-build:${name}:`)).map((e) => [e.key, e.committed]),
      ).toEqual([[key(name, 'main'), true]]);

      // A new branch on an empty daemon: no entry of its own, the default branch's serves.
      await wipe();
      const second = await build('feature/warm');
      expect(second.errors).toEqual([]);
      expect(second.warnings).toEqual([]);
      expect(second.stdout).toContain(`Actions cache entry ${key(name, 'main')} restored`);
      expect(meta(second)).toMatchObject({
        hits: 3,
        steps: 3,
        imported: [key(name, 'main')],
        written: true,
        to: key(name, 'feature/warm'),
      });
      expect(cacheLines(second.stdout).length).toBeGreaterThanOrEqual(3);
      expect(second.summary).toContain(
        `| Cache | 3 of 3 steps from cache; restored Actions cache entry ${key(name, 'main')}; saved as ${key(name, 'feature/warm')} |`,
      );

      // The branch's own entry now wins over the default branch's.
      await wipe();
      const sha2 = SHA.replace(/^a/, 'b');
      const third = await build('feature/warm', sha2);
      expect(third.errors).toEqual([]);
      expect(meta(third)).toMatchObject({
        hits: 3,
        imported: [key(name, 'feature/warm')],
        to: key(name, 'feature/warm', sha2),
        written: true,
      });
      // Nothing of the cache is left on the runner or in the daemon's names.
      expect(readdirSync(runnerTemp).filter((n) => n.startsWith('regkit-'))).toEqual([]);
      expect(await dockerOk(own, ['image', 'ls', '--format', '{{.Repository}}'])).not.toContain('regkit-build-cache');
    } finally {
      await own.stop();
    }
  });
});

describe('build cache in the Actions cache: a cache that cannot be used is a warning, never a failed build', () => {
  const build = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
    runAction('build', {
      cwd: workspace(registries(), files('warn me\n')),
      inputs: { 'image-name': unique('warn'), 'disable-push': true, network: 'host', ...inputs },
      env: { ...d.env, ...pushEvent('main'), RUNNER_TEMP: tempDir('runner'), ...env },
    });

  it.each(['v2', 'v1'] as const)('a cache service that is down (%s)', async (version) => {
    const closed = `http://127.0.0.1:${await freePort()}/`;
    const env =
      version === 'v2'
        ? { ...svc.env('v2'), ACTIONS_RESULTS_URL: closed }
        : { ...svc.env('v1'), ACTIONS_CACHE_URL: closed };
    const r = await build(env);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^cache: the Actions cache could not be read \(.*ECONNREFUSED.*\) — building without cache$/,
      ),
    ]);
    expect(meta(r)).toMatchObject({ kind: 'actions', imported: [], written: false });
  });

  it('a service that refuses writes (a read-only token): built, and the one warning says the cache was not saved', async () => {
    svc.mode = 'read';
    try {
      const r = await build(svc.env('v2'));
      expect(r.code).toBe(0);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([
        expect.stringMatching(/^cache: build cache not saved to the Actions cache \(.*cache write denied: /),
      ]);
      expect(meta(r)).toMatchObject({ written: false });
    } finally {
      svc.mode = 'write';
    }
  });

  it.each([
    [
      'read',
      [/^cache: build cache not saved — ACTIONS_CACHE_MODE=read does not allow this run to write the Actions cache$/],
      ['GetCacheEntryDownloadURL'],
    ],
    [
      'none',
      [/^cache: ACTIONS_CACHE_MODE=none turns the Actions cache off for this run — building without cache$/],
      [],
    ],
    ['write-only', [], ['CreateCacheEntry', 'N', 'FinalizeCacheEntryUpload']],
  ])('ACTIONS_CACHE_MODE=%s', async (mode, warnings, calls) => {
    const before = svc.requests.length;
    const r = await build({ ...svc.env('v2'), ACTIONS_CACHE_MODE: mode });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual(warnings.map((w) => expect.stringMatching(w)));
    // read: a lookup and no save; none: the service is not asked at all; write-only: a save and no lookup.
    expect(svc.requests.slice(before).map((q) => q.path.split('/').pop()!.replace(/^\d+$/, 'N'))).toEqual(calls);
  });

  it('cache: registry without a caching registry in the file is one line', async () => {
    const r = await build(svc.env('v2'), { cache: 'registry' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^cache: registry needs a caching registry in \.github\/registries\.yml — add "caching: <registry name>" there, or use cache: actions$/,
      ),
    ]);
  });
});
