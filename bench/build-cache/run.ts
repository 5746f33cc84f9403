/**
 * The build action's cache homes on an emptied daemon (a fresh runner), whole steps,
 * median of BENCH_RUNS (default 3), for an image with a ~40 MB layer of its own made by a
 * step that takes 8 s (a dependency install, say):
 *
 *   cold      cache: false — every step built
 *   registry  the caching registry (inline cache; BuildKit reads it without pulling)
 *   actions   the Actions cache (local v2 service): restore + docker load, build, docker save + save
 *
 * Each timed build follows a build of the same files that filled the cache, and a wipe
 * of the daemon (images and build cache). Entry and image sizes are printed too.
 *
 *   node scripts/bundle.mjs build && npx vitest run --config bench/build-cache/vitest.config.ts
 */
import { it } from 'vitest';
import { runAction } from '../../test/harness/action.js';
import { startRegistry } from '../../test/env/registry.js';
import { startActionsCache } from '../../test/env/actions-cache.js';
import { tempDir } from '../../test/env/processes.js';
import { baseImage, dockerOk, startDockerd } from '../../test/env/dockerd.js';
import { pushEvent, seed, unique, workspace } from '../../test/actions/build-fixture.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it('build cache: cold, caching registry, Actions cache', async () => {
  const d = await startDockerd({ shared: false });
  const [reg, cacheReg, svc] = await Promise.all([startRegistry(), startRegistry(), startActionsCache()]);
  try {
    await seed(d, await baseImage(d), `${reg.host}/team/base:1`);
    const files = {
      Dockerfile: [
        `FROM ${reg.host}/team/base:1`,
        'RUN sleep 8 && head -c 40000000 /dev/urandom > /blob',
        'COPY hello.txt /hello.txt',
        'RUN sha256sum /blob /hello.txt > /sums',
        '',
      ].join('\n'),
      'hello.txt': 'bench\n',
    };
    const regs = [
      { name: 'base', provider: 'other', domain: reg.host, prefix: 'team' },
      { name: 'cache', provider: 'other', domain: cacheReg.host, prefix: 'cache' },
    ];
    const wipe = async () => {
      await dockerOk(d, ['system', 'prune', '--all', '--force']);
      await dockerOk(d, ['builder', 'prune', '--all', '--force']);
    };
    const rows: string[] = [];
    for (const mode of ['cold', 'registry', 'actions'] as const) {
      const times: number[] = [];
      let hits = '';
      for (let i = 0; i < runs; i++) {
        const name = unique('bench');
        const ws = workspace(regs, files, mode === 'registry' ? { caching: 'cache' } : {});
        const runnerTemp = tempDir('runner');
        const step = () =>
          runAction('build', {
            cwd: ws,
            inputs: {
              'image-name': name,
              'disable-push': true,
              network: 'host',
              cache: mode === 'cold' ? 'false' : mode,
            },
            env: { ...d.env, ...pushEvent('main'), ...svc.env('v2'), RUNNER_TEMP: runnerTemp },
          });
        if (mode !== 'cold') {
          const fill = await step();
          if (fill.code !== 0) throw new Error(fill.errors.join('\n'));
        }
        await wipe();
        const t0 = performance.now();
        const r = await step();
        times.push(performance.now() - t0);
        if (r.code !== 0) throw new Error(r.errors.join('\n'));
        const c = JSON.parse(r.outputs.metadata).cache;
        hits = c ? `${c.hits}/${c.steps}` : '0/3';
      }
      rows.push(
        `${mode.padEnd(9)} ${(median(times) / 1000).toFixed(1).padStart(6)} s   steps from cache ${hits}   runs ${times.map((t) => (t / 1000).toFixed(1)).join(' ')}`,
      );
    }
    const entry = svc.entries.filter((e) => e.committed).at(-1);
    const size = (await dockerOk(d, ['image', 'ls', '--format', '{{.Size}}'])).trim().split('\n')[0];
    console.log(
      [
        '',
        `build cache, emptied daemon, median of ${runs}`,
        ...rows,
        `Actions cache entry: ${((entry?.size ?? 0) / 1e6).toFixed(1)} MB (zstd tar of docker save); image ${size}`,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all([reg.stop(), cacheReg.stop(), svc.close(), d.stop()]);
  }
});
