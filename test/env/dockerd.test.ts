import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  BASE_IMAGE,
  baseImage,
  docker,
  DOCKER_CLI_BUILDKIT,
  dockerConfig,
  dockerOk,
  startDockerd,
  type Dockerd,
} from './dockerd.js';
import { startRegistry, type Registry } from './registry.js';
import { getManifest, pushImage } from './upload.js';
import { makeImage } from './images.js';
import { startTimeOf, tempDir } from './processes.js';

const uniq = () => randomBytes(4).toString('hex');

describe('shared dockerd', () => {
  let d: Dockerd;
  let basic: Registry;
  let token: Registry;
  beforeAll(async () => {
    [d, basic, token] = await Promise.all([
      startDockerd(),
      startRegistry({ auth: 'htpasswd', users: { alice: 'a-pass' } }),
      startRegistry({
        auth: 'token',
        users: { alice: 'a-pass', reader: 'r-pass' },
        access: { reader: [{ repo: '*', actions: ['pull'] }] },
      }),
    ]);
    await baseImage(d);
  });
  afterAll(async () => {
    await Promise.all([d?.stop(), basic?.stop(), token?.stop()]);
  });

  it('is the same daemon for every caller, with its own data root and loopback registries insecure', async () => {
    const again = await startDockerd();
    expect(again.host).toBe(d.host);
    const info = JSON.parse(await dockerOk(d, ['info', '--format', '{{json .}}'])) as {
      DockerRootDir: string;
      RegistryConfig: { InsecureRegistryCIDRs: string[] };
    };
    expect(info.DockerRootDir).toBe(join(d.dir, 'data'));
    expect(info.RegistryConfig.InsecureRegistryCIDRs).toContain('127.0.0.0/8');
  });

  it('runs the busybox base image and builds FROM it with a RUN step (legacy builder)', async () => {
    expect((await dockerOk(d, ['run', '--rm', 'regkit-test/busybox:latest', 'echo', 'hello'])).trim()).toBe('hello');
    const ctx = tempDir('ctx');
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM regkit-test/busybox:latest\nRUN echo built > /built.txt\n');
    const tag = `local/built-${uniq()}:1`;
    await dockerOk(d, ['build', '-t', tag, ctx]);
    expect((await dockerOk(d, ['run', '--rm', tag, 'cat', '/built.txt'])).trim()).toBe('built');
  });

  it('builds with the daemon BuildKit when RUN uses the host network', async () => {
    const ctx = tempDir('ctx');
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM regkit-test/busybox:latest\nRUN echo bk > /bk.txt\n');
    const tag = `local/bk-${uniq()}:1`;
    const r = await docker(d, ['build', '--network=host', '-t', tag, ctx], { client: DOCKER_CLI_BUILDKIT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/#\d+ /); // BuildKit's progress output, not the legacy builder's
  });

  it('pushes to and pulls from an htpasswd registry with auths written straight into config.json', async () => {
    const ref = `${basic.host}/team/base-${uniq()}:1`;
    const cfg = dockerConfig({ [basic.host]: { username: 'alice', password: 'a-pass' } });
    await dockerOk(d, ['tag', 'regkit-test/busybox:latest', ref]);
    await dockerOk(d, ['push', ref], { config: cfg });
    const [repo, tag] = ref.slice(basic.host.length + 1).split(':') as [string, string];
    const pushed = await getManifest({ url: basic.url, username: 'alice', password: 'a-pass' }, repo, tag);
    expect(pushed.status).toBe(200);
    await dockerOk(d, ['rmi', ref]);
    await dockerOk(d, ['pull', ref], { config: cfg });
    const digests = await dockerOk(d, ['image', 'inspect', '--format', '{{json .RepoDigests}}', ref]);
    expect(digests).toContain(pushed.digest);

    const wrong = dockerConfig({ [basic.host]: { username: 'alice', password: 'nope' } });
    const denied = await docker(d, ['pull', ref], { config: wrong });
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/unauthorized|no basic auth/i);
  });

  it('pushes through the token flow; an account with pull rights only pulls', async () => {
    const ref = `${token.host}/team/tok-${uniq()}:1`;
    const writer = dockerConfig({ [token.host]: { username: 'alice', password: 'a-pass' } });
    const reader = dockerConfig({ [token.host]: { username: 'reader', password: 'r-pass' } });
    await dockerOk(d, ['tag', 'regkit-test/busybox:latest', ref]);
    await dockerOk(d, ['push', ref], { config: writer });
    await dockerOk(d, ['pull', ref], { config: reader });
    const other = `${token.host}/team/tok-${uniq()}:2`;
    await dockerOk(d, ['tag', ref, other]);
    const denied = await docker(d, ['push', other], { config: reader });
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/denied|unauthorized|insufficient/i);
    expect(
      token.tokenServer!.requests.some(
        (r) => r.subject === 'reader' && r.granted?.every((g) => !g.actions.includes('push')),
      ),
    ).toBe(true);
  });

  it('pulls an image made without Docker (valid layers and config)', async () => {
    const img = makeImage({ seed: `pull-${uniq()}`, layers: [4096, 100] });
    const repo = `made/app-${uniq()}`;
    await pushImage({ url: basic.url, username: 'alice', password: 'a-pass' }, repo, img, 'v1');
    const cfg = dockerConfig({ [basic.host]: { username: 'alice', password: 'a-pass' } });
    await dockerOk(d, ['pull', `${basic.host}/${repo}:v1`], { config: cfg });
    const id = (await dockerOk(d, ['image', 'inspect', '--format', '{{.Id}}', `${basic.host}/${repo}:v1`])).trim();
    expect(id).toBe(img.config.digest);
  });
});

describe('private dockerd', () => {
  it('starts and stops its own daemon, leaving no process, mount or socket', async () => {
    const own = await startDockerd({ shared: false });
    const pid = Number(readFileSync(join(own.dir, 'docker.pid'), 'utf8'));
    expect(startTimeOf(pid)).toBeDefined();
    await own.stop();
    expect(startTimeOf(pid)).toBeUndefined();
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8');
    expect(mounts).not.toContain(own.dir);
    expect(existsSync(own.socket)).toBe(false);
    expect(existsSync(own.dir)).toBe(false);
  });

  it('leaves no container process behind when the daemon was killed outright', async () => {
    const own = await startDockerd({ shared: false });
    await baseImage(own);
    const id = (await dockerOk(own, ['run', '-d', BASE_IMAGE, 'sleep', '300'])).trim();
    const containerPid = Number((await dockerOk(own, ['inspect', '--format', '{{.State.Pid}}', id])).trim());
    expect(startTimeOf(containerPid)).toBeDefined();
    process.kill(Number(readFileSync(join(own.dir, 'docker.pid'), 'utf8')), 'SIGKILL'); // a crash
    await own.stop();
    expect(startTimeOf(containerPid)).toBeUndefined();
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(own.dir);
    expect(existsSync(`/sys/fs/cgroup/pids/docker/${id}`)).toBe(false);
  });
});
