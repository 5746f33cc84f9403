/**
 * `regkit copy` against `skopeo copy --all`, whole processes, median of several
 * runs taken in alternation, for a small and a ~100 MiB two-platform image:
 *
 *   cross    registry A → registry B, a new repository each run
 *   repeat   the same copy again (already there)
 *   mount    registry A → a new repository on A
 *
 * skopeo runs with a cold blob-info cache every time, as on a fresh CI runner
 * (with a warm one it would mount blobs that earlier runs left in other
 * repositories of B, and a "cross-registry" copy would be no copy at all).
 *   retag    a new tag in the same repository
 *
 *   npm run build -- cli && npx vitest run --config bench/copy/vitest.config.ts
 *   BENCH_RUNS=9 to take more runs (default 5)
 *
 * Each process runs under GNU time (/usr/bin/time) for its peak memory (max RSS).
 *
 * Loopback has no latency, so request counts hardly show. A second pass copies
 * the small image through proxies that hold every registry and token request for
 * BENCH_LATENCY ms (default 20), as a registry across a network would.
 *
 * Both registries use token auth (as ghcr.io, Docker Hub, ECR-like setups do).
 * Timed runs go straight to the registries; one more run of each tool goes
 * through a counting proxy for the request counts.
 */
import { it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  makeMultiPlatform,
  pushImage,
  startProxy,
  startRegistry,
  tempDir,
  type Index,
  type Proxy,
  type Registry,
} from '../../test/env/index.js';
import { repoRoot } from '../../test/harness/cli.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATENCY = Number(process.env.BENCH_LATENCY ?? 20);
const USER = { username: 'bench', password: 'bench-pass' };
// skopeo as root keeps its blob-info cache here; removed before each cold run.
const SKOPEO_CACHE = '/var/lib/containers/cache/blob-info-cache-v1.boltdb';

/** Peak memory (max RSS, KB) of the last run of each tool, measured by GNU time around the process. */
const peakKb: Record<string, number> = {};

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', cmd, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`));
      else {
        peakKb[cmd === 'skopeo' ? 'skopeo' : 'regkit'] = Number(/peak-rss-kb (\d+)/.exec(err)?.[1] ?? 0);
        resolvePromise(ms);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const apiRequests = (p: Proxy) => p.requests.filter((r) => r.path !== '/v2/').length;

interface Tool {
  name: string;
  copy(src: string, dst: string): Promise<number>;
}

it('copy: regkit vs skopeo', async () => {
  const [a, b]: Registry[] = await Promise.all([
    startRegistry({ auth: 'token', users: { bench: USER.password }, name: 'bench-a' }),
    startRegistry({ auth: 'token', users: { bench: USER.password }, name: 'bench-b' }),
  ]);
  const [pa, pb] = await Promise.all([startProxy(a.url), startProxy(b.url)]);
  const images: Record<string, Index> = {
    small: makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed: 'bench-small', layers: [200_000, 20_000] }),
    large: makeMultiPlatform(['linux/amd64', 'linux/arm64'], {
      seed: 'bench-large',
      layers: [20e6, 15e6, 10e6, 5e6, 1e6],
    }),
  };
  for (const [name, img] of Object.entries(images)) await pushImage({ url: a.url, ...USER }, `src/${name}`, img, '1.0');

  const configDir = tempDir('bench-docker');
  const auth = { auth: Buffer.from(`${USER.username}:${USER.password}`).toString('base64') };
  const hosts = [a.host, b.host, pa.host, pb.host];
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({ auths: Object.fromEntries(hosts.map((h) => [h, auth])) }),
  );
  const env = { PATH: process.env.PATH, HOME: tempDir('bench-home'), DOCKER_CONFIG: configDir };
  const cli = resolve(repoRoot, 'dist/cli/index.js');
  const authfile = join(configDir, 'config.json');
  const coldSkopeo = () => rmSync(SKOPEO_CACHE, { force: true });
  const tools: Tool[] = [
    // Like for like: skopeo copies no signatures or attestations, so regkit is told not to look for them.
    { name: 'regkit', copy: (src, dst) => timed(process.execPath, [cli, 'copy', '--no-attachments', src, dst], env) },
    {
      name: 'skopeo',
      copy: (src, dst) => {
        coldSkopeo();
        return timed(
          'skopeo',
          [
            'copy',
            '--all',
            '--src-tls-verify=false',
            '--dest-tls-verify=false',
            '--authfile',
            authfile,
            `docker://${src}`,
            `docker://${dst}`,
          ],
          env,
        );
      },
    },
  ];

  const tokenServers = [a.tokenServer!, b.tokenServer!];
  const setLatency = (on: boolean) => {
    for (const p of [pa, pb, ...tokenServers]) p.intercept = on ? delay : undefined;
  };
  type Scenario = {
    name: string;
    prepare?: (tool: Tool, tag: string) => Promise<void>;
    run: (tool: Tool, tag: string, reg: { a: string; b: string }) => Promise<number>;
  };
  const lines: string[] = [];
  const delay = () => new Promise<boolean>((r) => setTimeout(() => r(false), LATENCY));
  const passes = [
    { label: '', sizes: Object.keys(images), hosts: { a: a.host, b: b.host }, latency: false },
    { label: ` +${LATENCY}ms`, sizes: ['small'], hosts: { a: pa.host, b: pb.host }, latency: true },
  ];
  let n = 0;
  const cases = passes.flatMap((pass) => pass.sizes.map((size) => ({ pass, size })));
  for (const { pass, size } of cases) {
    const unique = () => `${size}-${++n}`;
    const scenarios: Scenario[] = [
      {
        name: 'cross-registry, new repository',
        run: (t, id, r) => t.copy(`${r.a}/src/${size}:1.0`, `${r.b}/${t.name}-cross/${id}:1.0`),
      },
      {
        name: 'repeat copy (already there)',
        prepare: (t, id) => t.copy(`${a.host}/src/${size}:1.0`, `${b.host}/${t.name}-repeat/${id}:1.0`).then(() => {}),
        run: (t, id, r) => t.copy(`${r.a}/src/${size}:1.0`, `${r.b}/${t.name}-repeat/${id}:1.0`),
      },
      {
        name: 'same registry, new repository',
        run: (t, id, r) => t.copy(`${r.a}/src/${size}:1.0`, `${r.a}/${t.name}-mount/${id}:1.0`),
      },
      {
        name: 'retag in one repository',
        run: (t, id, r) => t.copy(`${r.a}/src/${size}:1.0`, `${r.a}/src/${size}:${t.name}-${id}`),
      },
    ];
    for (const s of scenarios) {
      const times: Record<string, number[]> = { regkit: [], skopeo: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const t of i % 2 ? [...tools].reverse() : tools) {
          const id = unique();
          await s.prepare?.(t, id);
          if (pass.latency) setLatency(true);
          times[t.name].push(await s.run(t, id, pass.hosts));
          setLatency(false);
        }
      }
      const counts: Record<string, string> = {};
      for (const t of tools) {
        const id = unique();
        await s.prepare?.(t, id);
        pa.requests.length = 0;
        pb.requests.length = 0;
        await s.run(t, id, { a: pa.host, b: pb.host });
        counts[t.name] = `${apiRequests(pa) + apiRequests(pb)}`;
      }
      const r = median(times.regkit);
      const k = median(times.skopeo);
      const mb = (t: string) => `${(peakKb[t] / 1024).toFixed(0)} MB`;
      lines.push(
        `${(size + pass.label).padEnd(12)} ${s.name.padEnd(32)} regkit ${r.toFixed(0).padStart(6)} ms  skopeo ${k.toFixed(0).padStart(6)} ms  ratio ${(r / k).toFixed(2)}  requests regkit ${counts.regkit} skopeo ${counts.skopeo}  peak memory regkit ${mb('regkit')} skopeo ${mb('skopeo')}`,
      );
      console.log(lines.at(-1));
    }
  }
  coldSkopeo();
  console.log(
    ['', `copy benchmark (median of ${RUNS} runs; requests exclude GET /v2/ and token requests)`, ...lines].join('\n'),
  );
  await Promise.all([pa.stop(), pb.stop()]);
  await Promise.all([a.stop(), b.stop()]);
});
