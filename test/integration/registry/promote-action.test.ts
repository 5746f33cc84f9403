// The promote action as the runner runs it (dist/promote), between two real
// registries named in a registries file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, secretLeaks } from '../../harness/action.js';
import { getManifest, makeImage, makeMultiPlatform, pushImage, startRegistry, type Registry } from '../../env/index.js';
import { oneError, pushEvent, workspace } from '../../actions/build-fixture.js';

const A_PW = 'stage-Pw1!x';
const B_PW = 'prod-Pw2$y';
let a: Registry; // htpasswd: staging
let b: Registry; // token: production
const multi = makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed: 'promote-action', layers: [5_000] });

const registries = () => [
  { name: 'staging', provider: 'other', domain: a.host, credentials: { username: 'alice', password: '${A_PW}' } },
  {
    name: 'prod',
    provider: 'other',
    domain: b.host,
    prefix: 'acme',
    credentials: { username: 'bob', password: '${B_PW}' },
  },
];
const env = () => ({ A_PW, B_PW, ...pushEvent('main') });

beforeAll(async () => {
  [a, b] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: A_PW } }),
    startRegistry({ auth: 'token', users: { bob: B_PW } }),
  ]);
  await pushImage({ url: a.url, username: 'alice', password: A_PW }, 'app', multi, '1.0');
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('promote action', () => {
  it('copies registry-name/image:tag to the target registry with its prefix and rendered tags', async () => {
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { source: 'staging/app:1.0', tags: '1.0\n{{ .Branch }}-stable' },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.refs).toBe(`${b.host}/acme/app:1.0\n${b.host}/acme/app:main-stable`);
    expect(r.outputs.digest).toBe(multi.digest);
    for (const tag of ['1.0', 'main-stable']) {
      expect((await getManifest({ url: b.url, username: 'bob', password: B_PW }, 'acme/app', tag)).digest).toBe(
        multi.digest,
      );
    }
    expect(r.summary).toContain(`| Digest | \`${multi.digest}\` |`);
    expect(r.summary).toContain('| Platforms | linux/amd64, linux/arm64 |');
    expect(r.summary).toMatch(/\| Bytes copied \| [\d.]+ kB \(4 blobs\) \|/);
    expect(r.summary).toContain(`| Source | ${a.host}/app:1.0 |`);
    expect(secretLeaks(r, [A_PW, B_PW]).printed).toEqual([]);

    const again = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { source: `${a.host}/app:1.0`, registry: 'prod', 'image-name': 'app', tags: '1.0' },
    });
    expect(again.code).toBe(0);
    expect(again.summary).toContain(`| Targets | ${b.host}/acme/app:1.0 (already there) |`);
    expect(again.stdout).toContain('already up to date');
  });

  it('copies only the platforms asked for', async () => {
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { source: 'staging/app:1.0', 'image-name': 'app-arm', tags: 'arm', platforms: 'linux/arm64' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.digest).toBe(multi.images[1].digest);
  });

  it('merges per-platform images into one index (merge mode)', async () => {
    const amd = makeImage({ seed: 'promote-merge', architecture: 'amd64' });
    const arm = makeImage({ seed: 'promote-merge', architecture: 'arm64' });
    const target = { url: b.url, username: 'bob', password: B_PW };
    await pushImage(target, 'acme/build-amd64', amd);
    await pushImage(target, 'acme/build-arm64', arm);
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', {
      cwd,
      env: env(),
      inputs: {
        mode: 'merge',
        sources: `prod/build-amd64@${amd.digest}\nprod/build-arm64@${arm.digest}`,
        'image-name': 'multi',
        tags: '2.0',
      },
    });
    expect(r.errors).toEqual([]);
    const stored = await getManifest(target, 'acme/multi', '2.0');
    expect(r.outputs.digest).toBe(stored.digest);
    expect(r.summary).toContain('| Platforms | linux/amd64, linux/arm64 |');
    expect(r.summary).toMatch(/\| Bytes avoided \| .* \(4 mounted, 0 already there\) \|/);
  });

  it('merge mode with platforms: writes nothing when the images are not for exactly those platforms', async () => {
    // The runner asked for linux/386 built its own amd64; the arm64 runner did its job.
    const amd = makeImage({ seed: 'promote-merge-386', architecture: 'amd64' });
    const arm = makeImage({ seed: 'promote-merge-386', architecture: 'arm64', variant: 'v8' });
    const target = { url: b.url, username: 'bob', password: B_PW };
    await pushImage(target, 'acme/build-386', amd);
    await pushImage(target, 'acme/build-arm', arm);
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const both = `prod/build-386@${amd.digest}\nprod/build-arm@${arm.digest}`;
    const merge = (sources: string, platforms: string) =>
      runAction('promote', {
        cwd,
        env: env(),
        inputs: { mode: 'merge', sources, platforms, 'image-name': 'multi-386', tags: '1.0' },
      });
    const wrong = await merge(both, 'linux/386,linux/arm64');
    expect(oneError(wrong)).toBe(
      "platforms: asked for linux/386, linux/arm64, but the images are for linux/amd64, linux/arm64/v8 — build each image for its platform (the build's platforms), one image per platform",
    );
    // A platform whose image never came (its runner's artifact missing).
    const missing = await merge(`prod/build-386@${amd.digest}`, 'linux/amd64,linux/arm64');
    expect(oneError(missing)).toMatch(
      /^platforms: asked for linux\/amd64, linux\/arm64, but the images are for linux\/amd64 — /,
    );
    expect((await getManifest(target, 'acme/multi-386', '1.0')).status).toBe(404);

    const ok = await merge(both, 'linux/arm64, linux/amd64');
    expect(ok.errors).toEqual([]);
    expect(ok.summary).toContain('| Platforms | linux/amd64, linux/arm64/v8 |');
  });

  it('fails with one line naming the image when the source tag is missing', async () => {
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', { cwd, env: env(), inputs: { source: 'staging/app:nope', tags: 'x' } });
    expect(oneError(r)).toBe(`image ${a.host}/app:nope not found (HTTP 404); check the name and tag`);
    const mode = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { source: 'staging/app:1.0', tags: 'x', mode: 'move' },
    });
    expect(oneError(mode)).toBe('mode: "move" is not copy, merge or images');
  });
});
