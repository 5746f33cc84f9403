// Default labels from the tag variables, the user's labels, and the cache refs of the caching registry.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { cacheMode, cachePlan, cacheTag } from '../../../src/image-build/cache.js';
import { actionsCacheKeys, cacheAccess } from '../../../src/image-build/actions-cache.js';
import { labelFacts, ociLabels, parseLabels } from '../../../src/image-build/labels.js';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { tagVariables } from '../../../src/tags/variables.js';
import { tempDir } from '../../env/processes.js';

const noGit = tempDir('nogit');

describe('labels', () => {
  it('has the OCI keys and regkit branch and commit message, from the event payload and the environment', async () => {
    const event = join(noGit, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        head_commit: { id: 'c0ffee', message: 'Fix login\n\nLonger text', committer: { name: 'A', email: 'a@x' } },
      }),
    );
    const env = {
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'c0ffee',
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_SERVER_URL: 'https://ghe.example.com',
      GITHUB_EVENT_PATH: event,
    };
    const dot = await tagVariables({ env, cwd: noGit });
    const now = new Date('2024-05-06T07:08:09Z');
    expect(ociLabels(labelFacts(dot, env, { title: 'api', version: 'main-c0ffee', now }))).toEqual({
      'org.opencontainers.image.source': 'https://ghe.example.com/acme/api',
      'org.opencontainers.image.revision': 'c0ffee',
      'org.opencontainers.image.created': '2024-05-06T07:08:09.000Z',
      'org.opencontainers.image.version': 'main-c0ffee',
      'org.opencontainers.image.title': 'api',
      'io.regkit.branch': 'main',
      'io.regkit.commit-message': 'Fix login\n\nLonger text',
    });
  });

  it('leaves out what cannot be known (no repository, no git) instead of failing', async () => {
    const dot = await tagVariables({ env: {}, cwd: noGit });
    const labels = ociLabels(labelFacts(dot, {}, { title: 'api' }));
    expect(Object.keys(labels).sort()).toEqual(['org.opencontainers.image.created', 'org.opencontainers.image.title']);
  });

  it('reads KEY=VALUE lines and names a bad one', async () => {
    expect(parseLabels('a=1\n\n b = two words \nc=x=y')).toEqual({ a: '1', b: 'two words', c: 'x=y' });
    expect(() => parseLabels('a=1\n=nokey')).toThrow('labels line 2: expected KEY=VALUE');
  });
});

describe('cachePlan', () => {
  const registriesFile = parseRegistriesFile(
    [
      'version: 1',
      'caching: cache',
      'registries:',
      '  - { name: cache, provider: other, domain: "cache.example.com:5000", prefix: ci }',
      '  - { name: other, provider: other, domain: o.example.com }',
    ].join('\n'),
    'registries.yml',
  );

  it('reads the branch cache then the default branch cache, and writes the branch cache', async () => {
    expect(cachePlan(registriesFile, 'auto', 'team/api', 'feature/x', 'main')).toMatchObject({
      from: ['cache.example.com:5000/ci/team/api:cache-featurex', 'cache.example.com:5000/ci/team/api:cache-main'],
      to: 'cache.example.com:5000/ci/team/api:cache-featurex',
    });
    expect(cachePlan(registriesFile, 'auto', 'api', 'main', 'main')!.from).toEqual([
      'cache.example.com:5000/ci/api:cache-main',
    ]);
  });

  it('reads only the default branch when the branch is unknown, and writes nothing', async () => {
    const plan = cachePlan(registriesFile, 'auto', 'api', '', 'main')!;
    expect(plan.from).toEqual(['cache.example.com:5000/ci/api:cache-main']);
    expect(plan.to).toBeUndefined();
    expect(cacheTag('')).toBeUndefined();
  });

  it('is off with cache: false, or without a caching registry, and refuses another mode', async () => {
    expect(cachePlan(registriesFile, 'false', 'api', 'main', 'main')).toBeUndefined();
    const without = parseRegistriesFile(
      'version: 1\nregistries:\n  - { name: o, provider: other, domain: o.example.com }\n',
      'r.yml',
    );
    expect(cachePlan(without, 'auto', 'api', 'main', 'main')).toBeUndefined();
    expect(() => cachePlan(registriesFile, 'max', 'api', 'main', 'main')).toThrow('cache: "max" is not a cache mode');
  });
});

describe('cacheMode', () => {
  const withCaching = parseRegistriesFile(
    'version: 1\ncaching: c\nregistries:\n  - { name: c, provider: other, domain: c.example.com }\n',
    'r.yml',
  );
  const without = parseRegistriesFile(
    'version: 1\nregistries:\n  - { name: o, provider: other, domain: o.example.com }\n',
    'r.yml',
  );

  it('auto is the caching registry when the file names one, else the Actions cache', async () => {
    expect(cacheMode(withCaching, 'auto')).toBe('registry');
    expect(cacheMode(without, 'auto')).toBe('actions');
    expect(cacheMode(withCaching, 'actions')).toBe('actions');
    expect(cacheMode(withCaching, ' Registry ')).toBe('registry');
    expect(cacheMode(without, 'false')).toBe('none');
  });

  it('registry without a caching registry, and an unknown mode, are one line each', async () => {
    expect(() => cacheMode(without, 'registry')).toThrow(
      /^cache: registry needs a caching registry in r\.yml — add "caching: <registry name>" there, or use cache: actions$/,
    );
    expect(() => cacheMode(without, 'gha')).toThrow(
      /^cache: "gha" is not a cache mode — use auto, registry \(.*\), actions \(.*\) or false$/,
    );
  });
});

describe('actionsCacheKeys', () => {
  it('saves per image, branch and commit; restores the branch, then the default branch', async () => {
    expect(actionsCacheKeys('team/api', 'feature/x', 'main', 'abc')).toEqual({
      save: 'regkit-build:team/api:feature/x:abc',
      restore: ['regkit-build:team/api:feature/x:', 'regkit-build:team/api:main:'],
    });
    expect(actionsCacheKeys('api', 'main', 'main', 'abc').restore).toEqual(['regkit-build:api:main:']);
  });

  it('never lets one branch or image prefix another, and keeps commas out of keys', async () => {
    // "main" must not restore "main-x" entries, nor image "api" those of "api-main".
    const main = actionsCacheKeys('api', 'main', 'main', 'c').restore[0];
    expect(actionsCacheKeys('api', 'main-x', 'main', 'c').save!.startsWith(main)).toBe(false);
    expect(actionsCacheKeys('api-main', 'x', 'main', 'c').save!.startsWith(main)).toBe(false);
    expect(actionsCacheKeys('api', 'a,b%', 'main', 'c').save).toBe('regkit-build:api:a%2Cb%25:c');
  });

  it('saves nothing when the branch or commit is unknown', async () => {
    expect(actionsCacheKeys('api', '', 'main', 'abc')).toEqual({
      save: undefined,
      restore: ['regkit-build:api:main:'],
    });
    expect(actionsCacheKeys('api', 'dev', 'main', '').save).toBeUndefined();
  });

  it('reads ACTIONS_CACHE_MODE as the runner sets it', async () => {
    expect(cacheAccess({})).toMatchObject({ read: true, write: true });
    expect(cacheAccess({ ACTIONS_CACHE_MODE: 'read' })).toMatchObject({ read: true, write: false });
    expect(cacheAccess({ ACTIONS_CACHE_MODE: 'write-only' })).toMatchObject({ read: false, write: true });
    expect(cacheAccess({ ACTIONS_CACHE_MODE: 'NONE' })).toMatchObject({ read: false, write: false });
    expect(cacheAccess({ ACTIONS_CACHE_MODE: 'whatever' })).toMatchObject({ read: true, write: true });
  });
});
