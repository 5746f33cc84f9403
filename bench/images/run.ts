/**
 * `regkit images` against what a script would do with skopeo for the same data
 * (every tag's digest, platform, creation time and labels): `skopeo list-tags`
 * per repository, then `skopeo inspect` per tag, one after the other and 8 at a
 * time. 200 tags over 20 repositories on one local token-auth registry; half the
 * images are two-platform indexes, and pairs of tags share an image.
 *
 *   node scripts/build.mjs cli && npx vitest run --config bench/images/vitest.config.ts
 *   BENCH_RUNS=5 to take more runs (default 3)
 *
 * Requests are counted through a proxy (token requests not included); times are
 * whole processes, median of the runs.
 */
import { it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeImage, makeMultiPlatform, pushImage, startProxy, startRegistry, tempDir } from '../../test/env/index.js';
import { repoRoot } from '../../test/harness/cli.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USER = { username: 'bench', password: 'bench-pass' };
const REPOS = 20;
const TAGS = 10;

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; out: string }> {
  return new Promise((done, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`));
      else done({ ms: Number(process.hrtime.bigint() - start) / 1e6, out });
    });
  });
}

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it('images: regkit vs skopeo list-tags + inspect', async () => {
  const reg = await startRegistry({ auth: 'token', users: { bench: USER.password }, name: 'bench-images' });
  const proxy = await startProxy(reg.url);
  const target = { url: reg.url, ...USER };
  for (let r = 0; r < REPOS; r++) {
    for (let t = 0; t < TAGS; t += 2) {
      const labels = {
        Labels: {
          'io.regkit.branch': t % 4 ? 'main' : 'dev',
          'org.opencontainers.image.revision': `${r}-${t}`.padEnd(40, '0'),
        },
      };
      const seed = `bench-images-${r}-${t}`;
      const img =
        t % 4
          ? makeImage({ seed, config: labels, layers: [2_000] })
          : makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed, config: labels, layers: [2_000] });
      await pushImage(target, `app${r}`, img, `v${t}`);
      await pushImage(target, `app${r}`, img, `v${t + 1}`);
    }
  }
  const home = tempDir('bench-images');
  const configDir = join(home, 'docker');
  mkdirSync(configDir);
  const auth = { auth: Buffer.from(`${USER.username}:${USER.password}`).toString('base64') };
  writeFileSync(join(configDir, 'config.json'), JSON.stringify({ auths: { [reg.host]: auth, [proxy.host]: auth } }));
  const registriesFile = (host: string) => {
    const file = join(home, `registries-${host.replace(/[^0-9]/g, '')}.yml`);
    writeFileSync(file, `version: 1\nregistries:\n  - { name: bench, provider: other, domain: "${host}" }\n`);
    return file;
  };
  const env = { PATH: process.env.PATH, HOME: home, DOCKER_CONFIG: configDir };
  const cli = resolve(repoRoot, 'dist/cli/index.js');
  const authfile = join(configDir, 'config.json');
  const repos = Array.from({ length: REPOS }, (_, r) => `app${r}`);

  const regkit = (host: string) =>
    timed(process.execPath, [cli, 'images', '--config', registriesFile(host), '--json', '--quiet'], env).then(
      (r) => r.ms,
    );
  const skopeo = (host: string, parallel: number) => async () => {
    const start = process.hrtime.bigint();
    const sk = (args: string[]) =>
      timed('skopeo', [...args.slice(0, 1), '--tls-verify=false', '--authfile', authfile, ...args.slice(1)], env);
    const tags: string[] = [];
    await pool(repos, parallel, async (repo) => {
      const listed = JSON.parse((await sk(['list-tags', `docker://${host}/${repo}`])).out) as { Tags: string[] };
      tags.push(...listed.Tags.map((t) => `${repo}:${t}`));
    });
    await pool(tags, parallel, (ref) => sk(['inspect', `docker://${host}/${ref}`]));
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const tools: Record<string, (host: string) => Promise<number>> = {
    'regkit images': regkit,
    'skopeo, one at a time': (h) => skopeo(h, 1)(),
    'skopeo, 8 at a time': (h) => skopeo(h, 8)(),
  };
  const lines: string[] = [];
  for (const [name, run] of Object.entries(tools)) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await run(reg.host));
    proxy.requests.length = 0;
    await run(proxy.host);
    const requests = proxy.requests.filter((q) => q.path !== '/v2/').length;
    lines.push(`${name.padEnd(24)} ${median(times).toFixed(0).padStart(7)} ms  requests ${requests}`);
    console.log(lines.at(-1));
  }
  console.log(
    [
      '',
      `images benchmark: ${REPOS * TAGS} tags over ${REPOS} repositories (median of ${RUNS} runs; requests exclude GET /v2/ and token requests)`,
      ...lines,
    ].join('\n'),
  );
  await proxy.stop();
  await reg.stop();
});
