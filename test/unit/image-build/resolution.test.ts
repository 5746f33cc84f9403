// Which registry serves what: fallback references, accounts per phase, the image name a push defaults to.
import { describe, expect, it } from 'vitest';
import { accountsByDomain, conflictingDomains, unionAccounts } from '../../../src/credentials/accounts.js';
import { fallbackRef, pullCandidates } from '../../../src/image-build/base-images.js';
import { phaseAccounts } from '../../../src/image-build/build.js';
import { defaultImageName, parseRegistriesFile, registryByName } from '../../../src/registries-file/index.js';
import { parseImageRef } from '../../../src/naming/index.js';

const registriesFile = parseRegistriesFile(
  [
    'version: 1',
    'default: prod',
    'registries:',
    '  - { name: hub, provider: dockerhub, primary: true, fallback: mirror }',
    '  - { name: mirror, provider: other, domain: "mirror.example.com:5000", prefix: hub-cache, fallback: last }',
    '  - { name: last, provider: other, domain: "localhost:5001" }',
    '  - { name: staging, provider: other, domain: reg.example.com, prefix: staging, fallback: mirror }',
    '  - { name: prod, provider: other, domain: reg.example.com, prefix: prod, primary: true }',
    '  - { name: ghcr, provider: ghcr, prefix: acme }',
  ].join('\n'),
  'registries.yml',
);
const r = (name: string) => registryByName(registriesFile, name);

describe('fallback references', () => {
  it('keep the path and tag or digest, without the original prefix, under the fallback prefix', () => {
    expect(fallbackRef(parseImageRef('node:20'), r('hub'), r('mirror'))).toBe(
      'mirror.example.com:5000/hub-cache/library/node:20',
    );
    expect(fallbackRef(parseImageRef('reg.example.com/staging/base'), r('staging'), r('last'))).toBe(
      'localhost:5001/base:latest',
    );
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(fallbackRef(parseImageRef(`reg.example.com/staging/base@${digest}`), r('staging'), r('mirror'))).toBe(
      `mirror.example.com:5000/hub-cache/base@${digest}`,
    );
    expect(fallbackRef(parseImageRef('mirror.example.com:5000/hub-cache/x:1'), undefined, r('mirror'))).toBe(
      'mirror.example.com:5000/hub-cache/x:1',
    );
  });

  it('are tried in chain order after the image itself, from the registry that serves its domain', () => {
    expect(pullCandidates(registriesFile, 'node:20', []).map((c) => [c.ref, c.registry?.name])).toEqual([
      ['node:20', 'hub'],
      ['mirror.example.com:5000/hub-cache/library/node:20', 'mirror'],
      ['localhost:5001/library/node:20', 'last'],
    ]);
    // registry-contexts pick the registry of a shared domain, and with it the fallback chain.
    expect(
      pullCandidates(registriesFile, 'reg.example.com/staging/base:1', ['staging']).map((c) => c.registry?.name),
    ).toEqual(['staging', 'mirror', 'last']);
    expect(pullCandidates(registriesFile, 'reg.example.com/staging/base:1', []).map((c) => c.registry?.name)).toEqual([
      'prod',
    ]);
    expect(pullCandidates(registriesFile, 'quay.io/x/y:1', [])).toEqual([
      { ref: 'quay.io/x/y:1', registry: undefined },
    ]);
  });
});

describe('accounts per phase', () => {
  it('takes one registry per domain, a registry context winning its domain', () => {
    const read = accountsByDomain([r('prod'), r('mirror'), r('hub')], [r('staging')]);
    expect([...read].map(([d, reg]) => [d, reg.name])).toEqual([
      ['reg.example.com', 'staging'],
      ['mirror.example.com:5000', 'mirror'],
      ['docker.io', 'hub'],
    ]);
  });

  it('finds the domains read with one account and pushed with another (the two-phase case)', () => {
    const read = accountsByDomain([r('staging'), r('hub')]);
    const write = accountsByDomain([r('prod'), r('ghcr')]);
    expect(conflictingDomains(read, write)).toEqual(['reg.example.com']);
    expect(conflictingDomains(read, accountsByDomain([r('staging')]))).toEqual([]);
    expect([...unionAccounts(read, accountsByDomain([r('ghcr')])).keys()]).toEqual([
      'reg.example.com',
      'docker.io',
      'ghcr.io',
    ]);
  });
});

describe('the image name a push defaults to', () => {
  it('is the candidate path without domain, tag and the prefix of a registry on its domain', () => {
    expect(defaultImageName(registriesFile, 'reg.example.com/staging/team/api:1.0')).toBe('team/api');
    expect(defaultImageName(registriesFile, 'ghcr.io/acme/api@sha256:' + 'b'.repeat(64))).toBe('api');
    expect(defaultImageName(registriesFile, 'node:20')).toBe('node');
    expect(defaultImageName(registriesFile, 'quay.io/org/app:2')).toBe('org/app');
  });
  it('cannot be made from an image ID', () => {
    expect(() => defaultImageName(registriesFile, 'sha256:' + 'c'.repeat(64))).toThrow(
      'image-name: the candidate sha256:ccc',
    );
  });
});

describe('phases of a build, per builder', () => {
  const plan = (read: string[], target: string, cacheTo?: string) => ({
    readRegistries: read.map(r),
    contexts: [],
    target: r(target),
    cache: cacheTo ? { registry: r(cacheTo), from: [], to: 'x' } : undefined,
  });
  const names = (m: Map<string, { name: string }>) => [...m.values()].map((x) => x.name);
  const container = { kind: 'buildx' as const, client: 'docker', driver: 'docker-container' };

  it('builders that keep images in the daemon read with the read accounts and push in a phase of their own', () => {
    for (const builder of [
      { kind: 'buildkit' as const, client: 'docker' },
      { kind: 'buildx' as const, client: 'docker', driver: 'docker' },
    ]) {
      const p = phaseAccounts(plan(['staging', 'hub'], 'prod', 'ghcr'), builder, false, []);
      expect({ read: names(p.read), write: names(p.write), split: p.split, pushInBuild: p.pushInBuild }).toEqual({
        read: ['staging', 'hub'],
        write: ['prod', 'ghcr'],
        split: ['reg.example.com'],
        pushInBuild: false,
      });
    }
  });

  it('a buildx driver that pushes by itself gets one config with every account when nothing conflicts', () => {
    const p = phaseAccounts(plan(['hub'], 'prod', 'ghcr'), container, false, ['linux/amd64', 'linux/arm64']);
    expect({ read: names(p.read), pushInBuild: p.pushInBuild }).toEqual({
      read: ['hub', 'prod', 'ghcr'],
      pushInBuild: true,
    });
  });

  it('and loads the image to push it with docker when the phases conflict, for one platform only', () => {
    const p = phaseAccounts(plan(['staging'], 'prod'), container, false, ['linux/amd64']);
    expect({ read: names(p.read), write: names(p.write), pushInBuild: p.pushInBuild }).toEqual({
      read: ['staging'],
      write: ['prod'],
      pushInBuild: false,
    });
    expect(() => phaseAccounts(plan(['staging'], 'prod'), container, false, ['linux/amd64', 'linux/arm64'])).toThrow(
      'platforms: several platforms are pushed by buildx during the build, but reg.example.com is read with one account and pushed with another',
    );
  });

  it('with disable-push nothing is written but the cache', () => {
    const p = phaseAccounts(plan(['staging'], 'prod', 'ghcr'), { kind: 'legacy', client: 'docker' }, true, []);
    expect({ write: names(p.write), split: p.split }).toEqual({ write: ['ghcr'], split: [] });
  });
});
