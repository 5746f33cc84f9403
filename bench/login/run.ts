/**
 * Logging in to 1, 5 and 20 local registries: regkit (the login action's main
 * step, and `regkit login`) against N sequential `docker login` commands, whole
 * processes, median of several runs taken in alternation.
 *
 *   npm run build -- login cli && npx vitest run --config bench/login/vitest.config.ts
 *   BENCH_RUNS=9 ... to take more runs (default 5)
 *
 * Half the registries use htpasswd Basic auth, half token auth (one more round
 * trip each). Every tool verifies each login against its registry: regkit in
 * parallel from one process, `docker login` through the daemon one at a time.
 */
import { it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { startRegistry, type Registry } from '../../test/env/registry.js';
import { startDockerd, type Dockerd } from '../../test/env/dockerd.js';
import { tempDir } from '../../test/env/processes.js';
import { repoRoot } from '../../test/harness/cli.js';

const SIZES = [1, 5, 20];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`));
      else resolvePromise(ms);
    });
    child.stdin.end(input);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it('login: regkit vs sequential docker login', async () => {
  const d: Dockerd = await startDockerd();
  const users = { bench: 'bench-pass' };
  const registries: Registry[] = await Promise.all(
    Array.from({ length: Math.max(...SIZES) }, (_, i) =>
      startRegistry({ auth: i % 2 ? 'token' : 'htpasswd', users, name: `bench-${i}` }),
    ),
  );
  const ws = tempDir('bench-login');
  mkdirSync(join(ws, '.github'));
  writeFileSync(
    join(ws, '.github/registries.yml'),
    stringify({
      version: 1,
      registries: registries.map((r, i) => ({
        name: `r${i}`,
        provider: 'other',
        domain: r.host,
        credentials: { username: 'bench', password: '${BENCH_PASSWORD}' },
      })),
    }),
  );
  const base = { PATH: process.env.PATH, HOME: tempDir('bench-home'), BENCH_PASSWORD: 'bench-pass', ...d.env };
  const rows: string[] = [];
  for (const n of SIZES) {
    const names = registries.slice(0, n).map((_, i) => `r${i}`);
    const regkitAction = async () =>
      timed(process.execPath, [resolve(repoRoot, 'dist/login/index.js')], {
        ...base,
        DOCKER_CONFIG: tempDir('cfg'),
        GITHUB_ACTIONS: 'true',
        RUNNER_TEMP: tempDir('rt'),
        INPUT_CONFIG: join(ws, '.github/registries.yml'),
        INPUT_REGISTRIES: names.join('\n'),
        INPUT_VERIFY: 'true',
        INPUT_LOGOUT: 'true',
      });
    const regkitCli = async () =>
      timed(
        process.execPath,
        [
          resolve(repoRoot, 'dist/cli/index.js'),
          'login',
          '--config',
          join(ws, '.github/registries.yml'),
          '--registry',
          names.join(','),
        ],
        {
          ...base,
          DOCKER_CONFIG: tempDir('cfg'),
        },
      );
    const dockerLogins = async () => {
      const env = { ...base, DOCKER_CONFIG: tempDir('cfg') };
      let total = 0;
      for (const r of registries.slice(0, n))
        total += await timed('docker', ['login', '-u', 'bench', '--password-stdin', r.host], env, 'bench-pass\n');
      return total;
    };
    const times = { action: [] as number[], cli: [] as number[], docker: [] as number[] };
    await Promise.all([regkitAction(), dockerLogins()]); // warm caches on both sides
    for (let i = 0; i < RUNS; i++) {
      times.action.push(await regkitAction());
      times.cli.push(await regkitCli());
      times.docker.push(await dockerLogins());
    }
    const [a, c, k] = [median(times.action), median(times.cli), median(times.docker)];
    rows.push(
      `| ${n} | ${a.toFixed(0)} | ${c.toFixed(0)} | ${k.toFixed(0)} | ${(a / k).toFixed(2)}× | ${(c / k).toFixed(2)}× |`,
    );
  }
  await Promise.all(registries.map((r) => r.stop()));
  console.log(
    [
      `login to N local registries (half htpasswd, half token), median of ${RUNS} runs, ms:`,
      '| N | regkit action | regkit login | N × docker login | action / docker | cli / docker |',
      '|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
});
