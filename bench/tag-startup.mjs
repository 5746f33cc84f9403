#!/usr/bin/env node
// Whole-run time of the tag action (node start to exit) against a bare `node -e ''`.
// Goal (issue 4): within 1.5x. Runs the bundle as the runner does: INPUT_* and
// GITHUB_* variables, an event payload, output and summary files.
//
//   node scripts/build.mjs tag && node bench/tag-startup.mjs [--runs N]
//
// Runs alternate between the commands so drift in machine load hits both alike.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bundle = join(root, 'dist/tag/index.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 60;
const warmup = 5;

if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run node scripts/build.mjs tag`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'regkit-bench-'));
try {
  const event = join(dir, 'event.json');
  copyFileSync(join(root, 'test/unit/tags/fixtures/push.json'), event);
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  const corpus = readFileSync(join(root, 'test/unit/tags/fixtures/image_tag_templates.txt'), 'utf8');
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
    { name: 'tag action, default template', args: [bundle], env: { ...env, INPUT_TEMPLATES: '{{ .Branch }}-{{ .ShortCommitID }}' } },
    // The corpus without CommitDescription, which runs `git describe` (measured on its own below).
    {
      name: 'tag action, corpus templates',
      args: [bundle],
      env: { ...env, INPUT_TEMPLATES: corpus.split('\n').filter((l) => !l.includes('CommitDescription')).join('\n') },
    },
    { name: 'tag action, + git describe', args: [bundle], env: { ...env, INPUT_TEMPLATES: '{{.Branch}}.{{.CommitDescription}}' } },
  ];

  const times = scenarios.map(() => []);
  for (let i = 0; i < warmup + runs; i++) {
    scenarios.forEach((s, j) => {
      writeFileSync(output, '');
      writeFileSync(summary, '');
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, s.args, { env: s.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0 || /::error::/.test(r.stdout)) {
        throw new Error(`${s.name} failed (exit ${r.status}): ${r.stdout}${r.stderr}`);
      }
      if (i >= warmup) times[j].push(ms);
    });
  }

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const base = median(times[0]);
  console.log(`node ${process.version}, ${runs} runs each (after ${warmup} warm-up), median wall time:`);
  scenarios.forEach((s, j) => {
    const m = median(times[j]);
    console.log(`  ${s.name.padEnd(32)} ${m.toFixed(1).padStart(6)} ms   ${(m / base).toFixed(2)}x`);
  });
  const ratio = median(times[2]) / base;
  console.log(`goal: tag action within 1.5x of node -e '' → corpus templates ${ratio.toFixed(2)}x ${ratio <= 1.5 ? '(met)' : '(NOT met)'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
