#!/usr/bin/env node
// Whole-run time of each action (node start to exit) against a bare `node -e ''`,
// run by the same node. Goals: the tag action within 2.5x, every other action within
// 3x. Runs the bundles as the runner does: INPUT_* and GITHUB_* variables, an event
// payload, output and summary files. The other actions run until they find no
// registries file: what they load before doing any work is what is measured.
//
//   npm run build && node bench/startup.mjs [--runs N] [--node PATH] [--bundle FILE]
//   node bench/startup.mjs --node "$(bash scripts/node24.sh)"    # as GitHub runs them
//
// Runs alternate between the commands so drift in machine load hits both alike.
// Wall time is the goal; CPU time (user+system, read in the child at exit through a
// -r hook that both commands get) is printed too because it holds steadier on a busy machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// --bundle compares another build of the action (e.g. minified) against the same baseline.
const bundle = resolve(arg('--bundle') ?? join(root, 'dist/tag/index.js'));
const node = arg('--node') ?? process.execPath;
const runs = Number(arg('--runs') ?? 60);
const warmup = 5;

if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run npm run build`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'regkit-bench-'));
try {
  const event = join(dir, 'event.json');
  copyFileSync(join(root, 'test/unit/tags/fixtures/push.json'), event);
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  const corpus = readFileSync(join(root, 'test/fixtures/image_tag_templates.txt'), 'utf8');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/heads/feature/Login-Page',
    GITHUB_REF_NAME: 'feature/Login-Page',
    GITHUB_SHA: '9c2e5f81a0b3d4c6e7f8091a2b3c4d5e6f708192',
    GITHUB_REPOSITORY: 'acme/shop-api',
    GITHUB_REPOSITORY_ID: '704213985',
    GITHUB_RUN_ID: '9123456789',
    GITHUB_RUN_NUMBER: '318',
    GITHUB_JOB: 'build',
    GITHUB_ACTOR: 'jdoe',
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    'INPUT_CI-NAME': 'github-actions',
    INPUT_RAW: 'false',
  };
  const scenarios = [
    { name: "node -e ''", args: ['-e', ''], env },
    {
      name: 'tag action, default template',
      args: [bundle],
      env: { ...env, INPUT_TEMPLATES: '{{ .Branch }}-{{ .ShortCommitID }}' },
    },
    // The corpus without CommitDescription, which runs `git describe` (measured on its own below).
    {
      name: 'tag action, corpus templates',
      args: [bundle],
      env: {
        ...env,
        INPUT_TEMPLATES: corpus
          .split('\n')
          .filter((l) => !l.includes('CommitDescription'))
          .join('\n'),
      },
    },
    {
      name: 'tag action, + git describe',
      args: [bundle],
      // regkit's own checkout stands in for the workspace; its HEAD is the commit built.
      env: {
        ...env,
        GITHUB_SHA: spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
        INPUT_TEMPLATES: '{{.Branch}}.{{.CommitDescription}}',
      },
    },
    ...['login', 'build', 'push', 'promote'].map((action) => ({
      name: `${action} action, to its first error`,
      args: [join(root, 'dist', action, 'index.js')],
      env: {
        ...env,
        INPUT_CONFIG: join(dir, 'no-registries.yml'),
        'INPUT_IMAGE-NAME': 'api',
        INPUT_CANDIDATE: 'api:1',
        INPUT_SOURCE: 'a/b:1',
        INPUT_TAGS: 'x',
      },
      fails: true,
    })),
  ];

  const hook = join(dir, 'cpu-hook.cjs');
  writeFileSync(
    hook,
    "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\nregkit-bench-cpu ${(u.user + u.system) / 1000}\\n`); });\n",
  );

  const times = scenarios.map(() => []);
  const cpu = scenarios.map(() => []);
  for (let i = 0; i < warmup + runs; i++) {
    scenarios.forEach((s, j) => {
      writeFileSync(output, '');
      writeFileSync(summary, '');
      const start = process.hrtime.bigint();
      const r = spawnSync(node, s.args, { env: s.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const failed = r.status !== 0 || /::error/.test(r.stdout);
      // The other actions stop at the missing registries file, and nowhere else.
      if (s.fails ? !/no such file/.test(r.stdout) || /internal error/.test(r.stdout) : failed) {
        throw new Error(`${s.name}: unexpected exit ${r.status}: ${r.stdout}${r.stderr}`);
      }
      const c = spawnSync(node, ['-r', hook, ...s.args], {
        env: s.env,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const used = /regkit-bench-cpu ([\d.]+)/.exec(c.stderr);
      if (!used) throw new Error(`${s.name}: no CPU time reported: ${c.stderr}`);
      if (i >= warmup) {
        times[j].push(ms);
        cpu[j].push(Number(used[1]));
      }
    });
  }

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const base = median(times[0]);
  const cpuBase = median(cpu[0]);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`node ${version}, ${runs} runs each after ${warmup} warm-up, medians (load average ${load}):`);
  console.log(
    `  ${''.padEnd(32)} ${'wall ms'.padStart(8)} ${'ratio'.padStart(6)} ${'cpu ms'.padStart(8)} ${'ratio'.padStart(6)}`,
  );
  scenarios.forEach((s, j) => {
    const m = median(times[j]);
    const c = median(cpu[j]);
    console.log(
      `  ${s.name.padEnd(32)} ${m.toFixed(1).padStart(8)} ${(m / base).toFixed(2).padStart(5)}x ${c.toFixed(1).padStart(8)} ${(c / cpuBase).toFixed(2).padStart(5)}x`,
    );
  });
  const ratio = median(times[2]) / base;
  console.log(
    `goal: tag action within 2.5x of node -e '' → corpus templates ${ratio.toFixed(2)}x wall ${ratio <= 2.5 ? '(met)' : '(NOT met)'}`,
  );
  const worst = Math.max(...scenarios.map((s, j) => (s.fails ? median(times[j]) / base : 0)));
  console.log(
    `goal: every other action within 3x → the slowest ${worst.toFixed(2)}x wall ${worst <= 3 ? '(met)' : '(NOT met)'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
