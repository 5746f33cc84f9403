// Default labels from the tag variables, the user's labels, and the cache refs of the caching registry.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { cachePlan, cacheTag } from '../../../src/image-build/cache.js';
import { labelFacts, ociLabels, parseLabels } from '../../../src/image-build/labels.js';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { tagVariables } from '../../../src/tags/variables.js';
import { tempDir } from '../../env/processes.js';

const noGit = tempDir('nogit');

describe('labels', () => {
  it('has the OCI keys and regkit branch and commit message, from the event payload and the environment', () => {
    const event = join(noGit, 'event.json');
    writeFileSync(event, JSON.stringify({ head_commit: { id: 'c0ffee', message: 'Fix login\n\nLonger text', committer: { name: 'A', email: 'a@x' } } }));
    const env = { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'c0ffee', GITHUB_REPOSITORY: 'acme/api', GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_EVENT_PATH: event };
    const dot = tagVariables({ env, cwd: noGit });
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

  it('leaves out what cannot be known (no repository, no git) instead of failing', () => {
    const dot = tagVariables({ env: {}, cwd: noGit });
    const labels = ociLabels(labelFacts(dot, {}, { title: 'api' }));
    expect(Object.keys(labels).sort()).toEqual(['org.opencontainers.image.created', 'org.opencontainers.image.title']);
  });

  it('reads KEY=VALUE lines and names a bad one', () => {
    expect(parseLabels('a=1\n\n b = two words \nc=x=y')).toEqual({ a: '1', b: 'two words', c: 'x=y' });
    expect(() => parseLabels('a=1\n=nokey')).toThrow('labels line 2: expected KEY=VALUE');
  });
});

describe('cachePlan', () => {
  const registriesFile = parseRegistriesFile(
    ['version: 1', 'caching: cache', 'registries:', '  - { name: cache, provider: other, domain: "cache.example.com:5000", prefix: ci }', '  - { name: other, provider: other, domain: o.example.com }'].join('\n'),
    'registries.yml',
  );

  it('reads the branch cache then the default branch cache, and writes the branch cache', () => {
    expect(cachePlan(registriesFile, 'auto', 'team/api', 'feature/x', 'main')).toMatchObject({
      from: ['cache.example.com:5000/ci/team/api:cache-featurex', 'cache.example.com:5000/ci/team/api:cache-main'],
      to: 'cache.example.com:5000/ci/team/api:cache-featurex',
    });
    expect(cachePlan(registriesFile, 'auto', 'api', 'main', 'main')!.from).toEqual(['cache.example.com:5000/ci/api:cache-main']);
  });

  it('reads only the default branch when the branch is unknown, and writes nothing', () => {
    const plan = cachePlan(registriesFile, 'auto', 'api', '', 'main')!;
    expect(plan.from).toEqual(['cache.example.com:5000/ci/api:cache-main']);
    expect(plan.to).toBeUndefined();
    expect(cacheTag('')).toBeUndefined();
  });

  it('is off with cache: false, or without a caching registry, and refuses another mode', () => {
    expect(cachePlan(registriesFile, 'false', 'api', 'main', 'main')).toBeUndefined();
    const without = parseRegistriesFile('version: 1\nregistries:\n  - { name: o, provider: other, domain: o.example.com }\n', 'r.yml');
    expect(cachePlan(without, 'auto', 'api', 'main', 'main')).toBeUndefined();
    expect(() => cachePlan(registriesFile, 'max', 'api', 'main', 'main')).toThrow('cache: "max" is not a cache mode');
  });
});
