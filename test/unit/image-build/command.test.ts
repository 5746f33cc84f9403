// The docker command lines of a build: classic (daemon BuildKit, legacy) and buildx, option by option.
import { describe, expect, it } from 'vitest';
import {
  buildArgOptions,
  buildxCommand,
  classicCommand,
  type BuildCommandPlan,
} from '../../../src/image-build/command.js';

const plan = (extra: Partial<BuildCommandPlan> = {}): BuildCommandPlan => ({
  context: 'app',
  dockerfile: 'app/Dockerfile',
  refs: ['reg.example.com/acme/api:main-1', 'reg.example.com/acme/api:latest'],
  labels: { 'org.opencontainers.image.title': 'api' },
  args: [{ name: 'VERSION', value: '1.2', secret: false }],
  platforms: [],
  cacheFrom: [],
  inlineCache: false,
  buildContexts: [],
  iidfile: '/tmp/iid',
  output: 'load',
  ...extra,
});

describe('classic docker build', () => {
  it('with BuildKit: plain progress, inline cache, --cache-from per ref, DOCKER_BUILDKIT=1', () => {
    const cmd = classicCommand(
      plan({ cacheFrom: ['c/api:cache-dev', 'c/api:cache-main'], inlineCache: true, target: 'final', network: 'host' }),
      'buildkit',
    );
    expect(cmd.args).toEqual([
      'build',
      '--progress',
      'plain',
      '--file',
      'app/Dockerfile',
      '--tag',
      'reg.example.com/acme/api:main-1',
      '--tag',
      'reg.example.com/acme/api:latest',
      '--label',
      'org.opencontainers.image.title=api',
      '--target',
      'final',
      '--network',
      'host',
      '--iidfile',
      '/tmp/iid',
      '--build-arg',
      'VERSION=1.2',
      '--cache-from',
      'c/api:cache-dev',
      '--cache-from',
      'c/api:cache-main',
      '--build-arg',
      'BUILDKIT_INLINE_CACHE=1',
      'app',
    ]);
    expect(cmd.env).toEqual({ DOCKER_BUILDKIT: '1' });
  });

  it('with the legacy builder: no progress flag, no inline cache arg, DOCKER_BUILDKIT=0', () => {
    const cmd = classicCommand(plan({ cacheFrom: ['c/api:cache-main'], inlineCache: true }), 'legacy');
    expect(cmd.args).not.toContain('--progress');
    expect(cmd.args).not.toContain('BUILDKIT_INLINE_CACHE=1');
    expect(cmd.args).toContain('c/api:cache-main');
    expect(cmd.env.DOCKER_BUILDKIT).toBe('0');
  });
});

describe('docker buildx build', () => {
  it('pushes with registry cache, platforms, fallback build contexts and a metadata file', () => {
    const cmd = buildxCommand(
      plan({
        platforms: ['linux/amd64', 'linux/arm64'],
        cacheFrom: ['c/api:cache-dev', 'c/api:cache-main'],
        cacheTo: 'c/api:cache-dev',
        buildContexts: [{ name: 'node:20', ref: 'mirror.example.com/library/node:20' }],
        metadataFile: '/tmp/meta.json',
        output: 'push',
      }),
    );
    expect(cmd.args).toEqual([
      'buildx',
      'build',
      '--progress',
      'plain',
      '--file',
      'app/Dockerfile',
      '--tag',
      'reg.example.com/acme/api:main-1',
      '--tag',
      'reg.example.com/acme/api:latest',
      '--label',
      'org.opencontainers.image.title=api',
      '--iidfile',
      '/tmp/iid',
      '--build-arg',
      'VERSION=1.2',
      '--platform',
      'linux/amd64,linux/arm64',
      '--cache-from',
      'type=registry,ref=c/api:cache-dev',
      '--cache-from',
      'type=registry,ref=c/api:cache-main',
      '--cache-to',
      'type=registry,ref=c/api:cache-dev,mode=max',
      '--build-context',
      'node:20=docker-image://mirror.example.com/library/node:20',
      '--metadata-file',
      '/tmp/meta.json',
      '--push',
      'app',
    ]);
    expect(cmd.env).toEqual({});
  });

  it('loads into the daemon with inline cache when the driver keeps images there', () => {
    const cmd = buildxCommand(plan({ inlineCache: true, cacheFrom: ['c/api:cache-main'] }));
    expect(cmd.args.slice(-5)).toEqual([
      'type=registry,ref=c/api:cache-main',
      '--cache-to',
      'type=inline',
      '--load',
      'app',
    ]);
  });
});

describe('secret build args', () => {
  it('go by name with the value in the environment, never on the command line', () => {
    const r = buildArgOptions([
      { name: 'NPM_TOKEN', value: 's3cret', secret: true },
      { name: 'PLAIN', value: 'p', secret: false },
      { name: 'PATH', value: 'secret-but-reserved', secret: true },
      { name: 'with.dot', value: 'dotted', secret: true },
    ]);
    expect(r.args).toEqual([
      '--build-arg',
      'NPM_TOKEN',
      '--build-arg',
      'PLAIN=p',
      '--build-arg',
      'PATH=secret-but-reserved',
      '--build-arg',
      'with.dot=dotted',
    ]);
    expect(r.env).toEqual({ NPM_TOKEN: 's3cret' });
  });
});

describe('buildx with the Actions cache outside the daemon', () => {
  it('reads and writes local cache folders (mode=max), which the Actions cache keeps', () => {
    const cmd = buildxCommand(plan({ localCache: { from: '/t/cache/buildx', to: '/t/cache/buildx-new' } }));
    expect(cmd.args).toContain('--cache-from');
    expect(cmd.args.slice(cmd.args.indexOf('--cache-from'), cmd.args.indexOf('--cache-from') + 4)).toEqual([
      '--cache-from',
      'type=local,src=/t/cache/buildx',
      '--cache-to',
      'type=local,dest=/t/cache/buildx-new,mode=max',
    ]);
    // Nothing to read yet: only the folder to write.
    const first = buildxCommand(plan({ localCache: { to: '/t/n' } })).args;
    expect(first.filter((a) => a.startsWith('type='))).toEqual(['type=local,dest=/t/n,mode=max']);
  });
});
