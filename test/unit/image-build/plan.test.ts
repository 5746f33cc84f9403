// What a build decides before running anything: target and names, FROM images seen through
// the build args, the registries read, and the inputs refused before any login or pull.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { planBuild, type BuildInputs } from '../../../src/image-build/plan.js';
import { tempDir } from '../../env/processes.js';

const root = tempDir('plan');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setup(registries: string, dockerfile: string): { config: string; context: string } {
  const dir = mkdtempSync(join(root, 'ws-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'registries.yml'), registries);
  writeFileSync(join(dir, 'app', 'Dockerfile'), dockerfile);
  return { config: join(dir, 'registries.yml'), context: join(dir, 'app') };
}

const env = { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01' };
function inputs(where: { config: string; context: string }, extra: Partial<BuildInputs> = {}): BuildInputs {
  return {
    imageName: 'api',
    tags: '{{ .Branch }}-{{ .ShortCommitID }}',
    registry: '',
    registryContexts: [],
    context: where.context,
    dockerfile: '',
    target: '',
    buildArgs: '',
    encryptedBuildArgs: '',
    platforms: [],
    labels: '',
    ociLabels: true,
    disablePush: false,
    cache: 'auto',
    defaultCacheBranch: '',
    buildxMirror: '',
    network: '',
    pull: false,
    config: where.config,
    aesKey: '',
    env,
    mask: () => {},
    ...extra,
  };
}

const file = [
  'version: 1',
  'caching: cache',
  'registries:',
  '  - { name: base, provider: other, domain: base.example.com, prefix: team, fallback: mirror }',
  '  - { name: mirror, provider: other, domain: mirror.example.com }',
  '  - { name: cache, provider: other, domain: cache.example.com }',
  '  - { name: prod, provider: other, domain: prod.example.com, prefix: acme }',
].join('\n');

describe('planBuild', () => {
  it('keeps a disable-push build local when no registry is named, and names it after the registry when one is', async () => {
    const ws = setup(file, 'FROM scratch\n');
    const local = await planBuild(inputs(ws, { disablePush: true }));
    expect({ target: local.target, refs: local.refs }).toEqual({ target: undefined, refs: ['api:main-abcdef0'] });
    const named = await planBuild(inputs(ws, { disablePush: true, registry: 'prod' }));
    expect(named.refs).toEqual(['prod.example.com/acme/api:main-abcdef0']);
    await expect(planBuild(inputs(ws))).rejects.toThrow(
      "no registry to push to — set the step's registry input or add default: <name>",
    );
  });

  it('sees the FROM images through the build args, and reads their registry, its fallbacks and the cache', async () => {
    const ws = setup(file, 'ARG BASE=base.example.com/team/old:1\nFROM $BASE AS build\nFROM build\n');
    const plan = await planBuild(
      inputs(ws, { registry: 'prod', buildArgs: 'BASE=base.example.com/team/new:{{ .ShortCommitID }}' }),
    );
    expect(plan.from.images.map((i) => i.image)).toEqual(['base.example.com/team/new:abcdef0']);
    expect(plan.readRegistries.map((r) => r.name)).toEqual(['base', 'mirror', 'cache']);
    expect(plan.cache?.from).toEqual(['cache.example.com/api:cache-main']);
  });

  it('refuses, before anything runs, a context that is not a folder, a FROM that is not a reference, and unknown registry contexts', async () => {
    const ws = setup(file, 'FROM Not/Valid:1\n');
    await expect(planBuild(inputs(ws, { registry: 'prod', context: join(ws.context, 'nope') }))).rejects.toThrow(
      /^context: .*nope is not a folder/,
    );
    await expect(planBuild(inputs(ws, { registry: 'prod' }))).rejects.toThrow(
      /Dockerfile:1: FROM Not\/Valid:1: invalid image reference/,
    );
    await expect(planBuild(inputs(ws, { registry: 'prod', registryContexts: ['bse'] }))).rejects.toThrow(
      'registry-contexts: no registry named "bse"',
    );
    await expect(planBuild(inputs(ws, { registry: 'prod', imageName: ' ' }))).rejects.toThrow(
      'image-name: give the image name',
    );
  });
});
