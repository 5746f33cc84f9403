// `regkit copy` and `regkit merge` as a user runs them: the bundled CLI, credentials
// from a Docker config, real registries.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getManifest,
  makeImage,
  makeMultiPlatform,
  pushImage,
  startRegistry,
  tempDir,
  type Registry,
} from '../../env/index.js';
import { runCli } from '../../harness/cli.js';

let basic: Registry;
let token: Registry;
let env: Record<string, string>;
const A = { username: 'alice', password: 'a-pass' };
const B = { username: 'bob', password: 'b-pass' };
const multi = makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed: 'cli-multi' });
const auth = (c: { username: string; password: string }) => ({
  auth: Buffer.from(`${c.username}:${c.password}`).toString('base64'),
});

function dockerConfig(auths: Record<string, unknown>): Record<string, string> {
  const dir = tempDir('docker-config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths }));
  return { DOCKER_CONFIG: dir };
}

beforeAll(async () => {
  [basic, token] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: 'a-pass' } }),
    startRegistry({ auth: 'token', users: { bob: 'b-pass' } }),
  ]);
  // Keys spelt as users and tools write them: a bare host and a URL.
  env = dockerConfig({ [basic.host]: auth(A), [`http://${token.host}/v2/`]: auth(B) });
  await pushImage({ url: basic.url, ...A }, 'team/app', multi, '1.0');
});

afterAll(async () => {
  await Promise.all([basic?.stop(), token?.stop()]);
});

describe('regkit copy', () => {
  it('copies every platform with credentials from the Docker config, then finds it up to date', async () => {
    const r = await runCli(['copy', `${basic.host}/team/app:1.0`, `${token.host}/prod/app:1.0`], { env });
    const prefix = `copied ${basic.host}/team/app:1.0 to ${token.host}/prod/app:1.0 (linux/amd64, linux/arm64): `;
    expect(r.stderr.startsWith(prefix)).toBe(true);
    expect(r.stderr.slice(prefix.length)).toMatch(/^\d+\.\d kB copied \(4 blobs\)\n$/);
    expect([r.code, r.stdout]).toEqual([0, `${token.host}/prod/app@${multi.digest}\n`]);
    expect((await getManifest({ url: token.url, ...B }, 'prod/app', '1.0')).digest).toBe(multi.digest);
    const again = await runCli(['copy', `${basic.host}/team/app:1.0`, `${token.host}/prod/app:1.0`], { env });
    expect([again.code, again.stderr]).toEqual([
      0,
      `copied ${basic.host}/team/app:1.0 to ${token.host}/prod/app:1.0 (linux/amd64, linux/arm64): already up to date\n`,
    ]);
  });

  it('copies one platform with --platform', async () => {
    const r = await runCli(
      ['copy', `${basic.host}/team/app:1.0`, `${token.host}/prod/app:arm`, '--platform', 'linux/arm64'],
      { env },
    );
    expect([r.code, r.stdout]).toEqual([0, `${token.host}/prod/app@${multi.images[1].digest}\n`]);
  });

  it('fails with one line for a missing tag, a wrong password, and a bad reference', async () => {
    const missing = await runCli(['copy', `${basic.host}/team/app:nope`, `${token.host}/prod/app:x`], { env });
    expect([missing.code, missing.stderr]).toEqual([
      1,
      `regkit copy: image ${basic.host}/team/app:nope not found (HTTP 404); check the name and tag\n`,
    ]);
    const wrong = await runCli(['copy', `${basic.host}/team/app:1.0`, `${token.host}/prod/app:x`], {
      env: dockerConfig({ [basic.host]: auth(A), [token.host]: auth({ username: 'bob', password: 'wrong-pw' }) }),
    });
    expect([wrong.code, wrong.stderr]).toEqual([
      1,
      `regkit copy: wrong username or password for registry ${token.host} (user "bob", HTTP 401)\n`,
    ]);
    const bad = await runCli(['copy', `${basic.host}/Team/app:1.0`, `${token.host}/prod/app:x`], { env });
    expect([bad.code, bad.stderr]).toEqual([
      1,
      `regkit copy: invalid image reference "${basic.host}/Team/app:1.0": repository name (Team/app) must be lowercase\n`,
    ]);
    const usage = await runCli(['copy', 'only-one'], { env });
    expect(usage.code).toBe(2);
  });
});

describe('regkit merge', () => {
  it('merges two single-platform images into one index under several tags', async () => {
    const amd = makeImage({ seed: 'cli-merge', architecture: 'amd64' });
    const arm = makeImage({ seed: 'cli-merge', architecture: 'arm64' });
    await pushImage({ url: token.url, ...B }, 'build/amd64', amd);
    await pushImage({ url: token.url, ...B }, 'build/arm64', arm);
    const r = await runCli(
      [
        'merge',
        `${token.host}/release/app:2.0`,
        `${token.host}/build/amd64@${amd.digest}`,
        `${token.host}/build/arm64@${arm.digest}`,
        '--tag',
        'latest',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    const stored = await getManifest({ url: token.url, ...B }, 'release/app', 'latest');
    expect(r.stdout).toBe(`${token.host}/release/app@${stored.digest}\n`);
    const platforms = (
      JSON.parse(stored.body.toString()) as { manifests: { platform: { architecture: string } }[] }
    ).manifests.map((m) => m.platform.architecture);
    expect(platforms).toEqual(['amd64', 'arm64']);
    expect(r.stderr).toContain(
      `merged 2 images (linux/amd64, linux/arm64) into ${token.host}/release/app:2.0, ${token.host}/release/app:latest`,
    );
  });
});
