// Small Codefresh pipelines written to a temporary folder and migrated: bad input is one
// line with its position and nothing else; each construct lands where the docs say.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { migrateCodefresh } from '../../../src/migrate/codefresh/index.js';
import { CODEFRESH_VARIABLES_SCRIPT } from '../../../src/migrate/codefresh/variables.js';
import { renderTags } from '../../../src/tags/render.js';
import { tagVariables } from '../../../src/tags/variables.js';
import { workflowErrors } from '../../harness/github-parser.js';

const root = mkdtempSync(join(tmpdir(), 'regkit-codefresh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

type GhStep = {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
  'timeout-minutes'?: number;
};

async function migrateText(pipeline: string, files: Record<string, string> = {}) {
  const dir = join(root, `p${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'codefresh.yml'), pipeline);
  for (const [k, v] of Object.entries(files)) writeFileSync(join(dir, k), v);
  const r = migrateCodefresh({ cwd: dir, pipeline: 'codefresh.yml', name: 'ci' });
  const text = r.files.get('.github/workflows/ci.yml');
  if (text) expect(await workflowErrors('ci.yml', text)).toEqual([]);
  const reg = r.files.get('.github/registries.yml');
  const steps: GhStep[] = text ? parse(text).jobs.build.steps : [];
  return {
    r,
    steps,
    step: (id: string) => steps.find((s) => s.id === id)!,
    registries: reg ? parseRegistriesFile(reg, '.github/registries.yml') : undefined,
    errors: r.report.lines.filter((l) => l.level === 'error').map((l) => r.report.format(l)),
  };
}

describe('bad input: one line with file:line:col, and no files', () => {
  it('an unknown step type, with a did-you-mean', async () => {
    const { r, errors } = await migrateText('version: "1.0"\nsteps:\n  b:\n    type: biuld\n    image_name: a/b\n');
    expect(r.ok).toBe(false);
    expect(r.files.size).toBe(0);
    expect(errors).toEqual(['codefresh.yml:4:11: error: step `b`: unknown step type `biuld` (did you mean "build"?)']);
  });

  it('a candidate that names no step, with a did-you-mean', async () => {
    const { r, errors } = await migrateText(
      'version: "1.0"\nsteps:\n  build_app:\n    type: build\n    image_name: a/b\n  push:\n    type: push\n    candidate: ${{build_ap}}\n',
    );
    expect(r.ok).toBe(false);
    expect(r.files.size).toBe(0);
    expect(errors).toEqual([
      'codefresh.yml:8:16: error: push `push`: candidate ${{build_ap}} names no step (did you mean "build_app"?)',
    ]);
  });

  it('a candidate that is not a build', async () => {
    const { errors } = await migrateText(
      'version: "1.0"\nsteps:\n  test:\n    image: alpine\n    commands: [true]\n  push:\n    type: push\n    candidate: ${{test}}\n',
    );
    expect(errors).toEqual([
      'codefresh.yml:8:16: error: push `push`: candidate ${{test}} is a freestyle step, not a build',
    ]);
  });

  it('invalid YAML', async () => {
    const { r, errors } = await migrateText('version: "1.0"\nsteps:\n  a:\n    image: alpine\n   commands: [x]\n');
    expect(r.files.size).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^codefresh\.yml:5:\d+: error: not valid YAML: \S/);
  });
});

describe('builds and pushes', () => {
  it('maps every build field regkit has; a push of a build uses its image output and image name', async () => {
    const { step, registries, r } = await migrateText(
      [
        'version: "1.0"',
        'steps:',
        '  build:',
        '    type: build',
        '    image_name: acme/api',
        '    working_directory: ${{main_clone}}/api',
        '    dockerfile: docker/Dockerfile.prod',
        '    target: runtime',
        '    tags: ["${{CF_BRANCH_TAG_NORMALIZED_LOWER_CASE}}", "${{CF_SHORT_REVISION}}"]',
        '    build_arguments: ["VERSION=${{CF_REVISION}}", "NAME=x"]',
        '    registry: quay.io',
        '    registry_contexts: [dockerhub]',
        '    platform: linux/amd64,linux/arm64',
        '    no_cf_cache: true',
        '  push:',
        '    type: push',
        '    candidate: ${{build}}',
        '    registry: ecr',
        '    tag: v1',
        '',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(step('build').with).toEqual({
      'image-name': 'acme/api',
      tags: '{{ .Branch | tagsafe | lower }}\n{{ .ShortCommitID }}',
      context: 'api',
      dockerfile: 'api/docker/Dockerfile.prod',
      target: 'runtime',
      'build-args': 'VERSION={{ .CommitID }}\nNAME=x',
      registry: 'quay.io',
      'registry-contexts': 'dockerhub',
      platforms: 'linux/amd64,linux/arm64',
      cache: 'false',
    });
    expect(step('push').with).toEqual({
      candidate: '${{ steps.build.outputs.image }}',
      'image-name': 'acme/api',
      tags: 'v1',
      registry: 'ecr',
    });
    expect(registries!.registries.map((x) => [x.name, x.provider])).toEqual([
      ['quay.io', 'quay'],
      ['dockerhub', 'dockerhub'],
      ['ecr', 'ecr'],
    ]);
    expect(r.files.get('.github/registries.yml')).toMatch(/# fill in: write your ECR host/);
    expect(registries!.default).toBeUndefined();
  });

  it('a build without registry pushes to the default registry, which MIGRATION.md asks for; disable_push keeps it local', async () => {
    const { step, registries, r } = await migrateText(
      'version: "1.0"\nsteps:\n  a:\n    type: build\n    image_name: x/a\n  b:\n    type: build\n    image_name: x/b\n    disable_push: "true"\n',
    );
    expect(step('a').with).toEqual({ 'image-name': 'x/a', tags: 'latest' });
    expect(step('b').with).toEqual({ 'image-name': 'x/b', tags: 'latest', 'disable-push': 'true' });
    expect(registries!.default).toBe('codefresh-default');
    expect(r.text).toMatch(
      /codefresh\.yml:3:3: registry `codefresh-default`: your Codefresh account's default registry/,
    );
    expect(r.text).toMatch(
      /which registry is the default \(`default:`\), which one caches builds \(`caching:`\), fallbacks \(`fallback:`\), each registry's repository prefix \(`prefix:`\) and the primary registry per domain/,
    );
  });

  it("a push of a remote image is a promotion read through the registry of its domain; inline credentials become the registry's", async () => {
    const { step, registries } = await migrateText(
      'version: "1.0"\nsteps:\n  promote:\n    type: push\n    candidate: quay.io/acme/api:${{CF_SHORT_REVISION}}\n    registry: dockerhub\n    image_name: acme/api\n    tag: stable\n    credentials:\n      username: ${{HUB_USER}}\n      password: ${{HUB_PASSWORD}}\n',
    );
    expect(step('promote').with).toEqual({
      candidate: 'quay.io/acme/api:${{ env.CF_SHORT_REVISION }}',
      'image-name': 'acme/api',
      tags: 'stable',
      registry: 'dockerhub',
      'registry-context': 'quay',
    });
    expect(registries!.registries.find((x) => x.name === 'dockerhub')!.credentials).toEqual({
      username: '${HUB_USER}',
      password: '${HUB_PASSWORD}',
    });
  });
});

describe('freestyle, clone, conditions', () => {
  it('a freestyle step runs its image with its commands in the workspace; a build step image is the build output', async () => {
    const { step } = await migrateText(
      'version: "1.0"\nsteps:\n  b:\n    type: build\n    image_name: x/a\n    disable_push: true\n  t:\n    image: ${{b}}\n    working_directory: ${{main_clone}}/sub\n    shell: bash\n    environment: [A=1, "B=${{CF_BRANCH}}"]\n    commands:\n      - echo "$A" > out\n      - cf_export DONE=yes\n',
    );
    const run = step('t').run!;
    expect(run).toContain('-w "$GITHUB_WORKSPACE/sub"');
    expect(run).toContain("-e A=1 \\\n  -e 'B=${{ env.CF_BRANCH }}'");
    expect(run).toContain('--entrypoint bash \\\n  "${{ steps.b.outputs.image }}" -ec');
    expect(run).toMatch(/cat "\$GITHUB_WORKSPACE\/env_vars_to_export" >> "\$GITHUB_ENV"/);
  });

  it('when: branch lists, conditions and steps become if:', async () => {
    const { step, steps, r } = await migrateText(
      [
        'version: "1.0"',
        'steps:',
        '  a:',
        '    image: alpine',
        '    commands: [true]',
        '    when:',
        '      branch:',
        '        only: [master, /^release-.*/i]',
        '        ignore: [release-old]',
        '  b:',
        '    image: alpine',
        '    commands: [true]',
        '    fail_fast: false',
        '    timeout: 90s',
        '    when:',
        '      condition:',
        '        all:',
        "          notMaster: \"'${{CF_BRANCH}}' != 'master'\"",
        "          unset: \"includes('${{TAG_NAME}}', '{{TAG_NAME}}') == true\"",
        "          msg: \"includes(lower('${{CF_COMMIT_MESSAGE}}'), '[deploy]')\"",
        '  c:',
        '    image: alpine',
        '    commands: [true]',
        '    when:',
        '      steps:',
        '        - name: a',
        '          on: [failure]',
        '  d:',
        '    image: alpine',
        '    commands: [true]',
        '    when:',
        '      condition:',
        '        any:',
        "          odd: \"match('${{CF_BRANCH}}', '^x', true)\"",
        '',
      ].join('\n'),
    );
    expect(r.files.get('.github/codefresh/branch-filters.cjs')).toMatch(
      /^\/\/ Written by `regkit migrate --from codefresh`\. Evaluates the pipeline's when\.branch\n/,
    );
    const filters = JSON.parse(steps.find((s) => s.id === 'branch')!.env!.FILTERS);
    expect(filters).toEqual({
      a_only: ['^master$', ''],
      a_only_i: ['(?:^release-.*)', 'i'],
      a_ignore: ['^release-old$', ''],
    });
    expect(step('a').if).toBe(
      "(steps.branch.outputs.a_only == 'true' || steps.branch.outputs.a_only_i == 'true') && !(steps.branch.outputs.a_ignore == 'true')",
    );
    expect(step('b').if).toBe(
      "env.CF_BRANCH != 'master' && (env.TAG_NAME == '') == true && contains((env.CF_COMMIT_MESSAGE), '[deploy]')",
    );
    expect(step('b')['continue-on-error']).toBe(true);
    expect(step('b')['timeout-minutes']).toBe(2);
    expect(step('c').if).toBe("!cancelled() && steps.a.outcome == 'failure'");
    // What GitHub cannot express turns the step off and says so.
    expect(step('d').if).toBe('false');
    expect(r.text).toMatch(
      /codefresh\.yml:34:16: step `d`: condition `odd` \(match\('\$\{\{CF_BRANCH\}\}', '\^x', true\)\) has no GitHub form; the step is turned off/,
    );
  });

  it('when.steps on main_clone holds, with or without a git-clone step: the checkout ran first', async () => {
    const { step, r } = await migrateText(
      'version: "1.0"\nmode: parallel\nsteps:\n  a:\n    image: alpine\n    commands: [true]\n    when:\n      steps:\n        - name: main_clone\n          on: [success]\n',
    );
    expect(step('a').if).toBeUndefined();
    expect(r.text).toMatch(
      /codefresh\.yml:9:11: step `a`: when\.steps main_clone success — the job's checkout ran before it/,
    );
  });

  it('the main clone is the checkout; another repository is checked out into a folder named after the step', async () => {
    const { steps, r } = await migrateText(
      'version: "1.0"\nsteps:\n  main_clone:\n    type: git-clone\n    repo: ${{CF_REPO_OWNER}}/${{CF_REPO_NAME}}\n    revision: ${{CF_REVISION}}\n  tools:\n    type: git-clone\n    repo: https://github.com/acme/tools.git\n    revision: main\n  use:\n    image: alpine\n    working_directory: ${{tools}}\n    commands: [ls]\n',
    );
    expect(steps.filter((s) => s.uses === 'actions/checkout@v4')).toEqual([
      { uses: 'actions/checkout@v4' },
      {
        name: 'tools',
        id: 'tools',
        uses: 'actions/checkout@v4',
        with: { repository: 'acme/tools', path: 'tools', ref: 'main' },
      },
    ]);
    expect(steps.find((s) => s.id === 'use')!.run).toContain('-w "$GITHUB_WORKSPACE/tools"');
    expect(r.text).toMatch(/codefresh\.yml:3:3: git-clone `main_clone` → the job's actions\/checkout/);
  });

  it('a parallel step of read-only freestyle steps right after the clone becomes parallel jobs; the rest waits for them', async () => {
    const { r } = await migrateText(
      'version: "1.0"\nsteps:\n  main_clone:\n    type: git-clone\n    repo: a/b\n    revision: dev\n  checks:\n    type: parallel\n    fail_fast: false\n    steps:\n      lint:\n        image: alpine\n        commands: [lint]\n      audit:\n        image: alpine\n        commands: [audit]\n  report:\n    image: alpine\n    commands: [echo]\n    when:\n      steps:\n        - name: lint\n          on: [failure]\n',
    );
    const wf = parse(r.files.get('.github/workflows/ci.yml')!);
    expect(Object.keys(wf.jobs)).toEqual(['lint', 'audit', 'build']);
    expect(wf.jobs.build.needs).toEqual(['lint', 'audit']);
    expect(wf.jobs.lint.steps.at(-1)['continue-on-error']).toBe(true);
    expect(wf.jobs.build.steps.find((s: GhStep) => s.id === 'report').if).toBe(
      "!cancelled() && needs.lint.result == 'failure'",
    );
    // The clone's fixed revision is the checkout's ref in every job.
    for (const job of Object.values(wf.jobs) as { steps: GhStep[] }[])
      expect(job.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { ref: 'dev' } });
    expect(r.text).toMatch(
      /codefresh\.yml:7:3: parallel step `checks`: its 2 steps run as parallel jobs \(lint, audit\)/,
    );
  });

  it('a parallel step whose steps share what earlier steps made stays in the job, in order', async () => {
    const { r, steps } = await migrateText(
      'version: "1.0"\nsteps:\n  deps:\n    image: node\n    commands: [npm ci]\n  tests:\n    type: parallel\n    steps:\n      unit:\n        image: node\n        commands: [npm test]\n      lint:\n        image: node\n        commands: [npm run lint]\n',
    );
    expect(steps.map((s) => s.id).filter(Boolean)).toEqual(['codefresh', 'deps', 'unit', 'lint']);
    expect(r.text).toMatch(/parallel step `tests`: its 2 steps run one after another in the job/);
  });

  it('a composition runs with docker compose, its candidates against it, step images through the environment', async () => {
    const { step, r } = await migrateText(
      [
        'version: "1.0"',
        'steps:',
        '  app:',
        '    type: build',
        '    image_name: acme/app',
        '    disable_push: true',
        '  it:',
        '    type: composition',
        '    composition:',
        "      version: '2'",
        '      services:',
        '        db:',
        '          image: postgres:16',
        '    composition_candidates:',
        '      tests:',
        '        image: ${{app}}',
        '        command: npm run it',
        '        environment:',
        '          - DB_HOST=db',
        '',
      ].join('\n'),
    );
    expect(parse(r.files.get('.github/codefresh/it.compose.yml')!)).toEqual({
      version: '2',
      services: { db: { image: 'postgres:16' } },
    });
    expect(parse(r.files.get('.github/codefresh/it.candidates.yml')!)).toEqual({
      services: { tests: { image: '${CF_APP}', command: 'npm run it', environment: ['DB_HOST=db'] } },
    });
    expect(step('it').env).toEqual({ CF_APP: '${{ steps.app.outputs.image }}' });
    expect(step('it').run).toBe(
      [
        'status=0',
        'docker compose -f .github/codefresh/it.compose.yml -f .github/codefresh/it.candidates.yml up --abort-on-container-exit --exit-code-from tests || status=$?',
        'docker compose -f .github/codefresh/it.compose.yml -f .github/codefresh/it.candidates.yml down -v',
        'exit $status',
      ].join('\n'),
    );
  });

  it('hooks with exec become steps after the step, on its outcome', async () => {
    const { steps } = await migrateText(
      'version: "1.0"\nhooks:\n  on_finish:\n    exec:\n      image: alpine\n      commands: [echo done]\nsteps:\n  t:\n    image: alpine\n    commands: [make test]\n    hooks:\n      on_fail:\n        exec:\n          image: alpine\n          commands: [echo failed]\n',
    );
    expect(steps.slice(-3).map((s) => [s.name, s.if])).toEqual([
      ['t', undefined],
      ['t (on_fail)', "failure() && steps.t.outcome == 'failure'"],
      ['Pipeline hook on_finish', 'always()'],
    ]);
  });

  it('deploy, helm, approval and plugins become placeholders that warn, each with a MIGRATION.md line', async () => {
    const { step, r } = await migrateText(
      'version: "1.0"\nsteps:\n  approve:\n    type: pending-approval\n  chart:\n    type: helm\n    arguments:\n      chart_name: x\n  slack:\n    type: acme/notify:1.0\n',
    );
    expect(step('approve').run).toMatch(
      /::warning::Codefresh step approve \(type pending-approval\) was not converted/,
    );
    expect(r.files.get('.github/workflows/ci.yml')).toMatch(
      /# Codefresh step `chart` \(type helm, codefresh\.yml:5\) was not converted/,
    );
    expect(r.text).toMatch(/codefresh\.yml:9:3: step `slack` \(type acme\/notify:1\.0\) has no regkit equivalent/);
  });

  it('pipeline variables become workflow env from repository variables or secrets, listed in MIGRATION.md', async () => {
    const { r } = await migrateText(
      'version: "1.0"\nsteps:\n  a:\n    image: alpine\n    commands: ["deploy ${{TARGET}} ${{API_TOKEN}}"]\n',
    );
    const wf = parse(r.files.get('.github/workflows/ci.yml')!);
    expect(wf.env).toEqual({ API_TOKEN: '${{ secrets.API_TOKEN }}', TARGET: '${{ vars.TARGET }}' });
    expect(r.text).toMatch(/pipeline variable `TARGET` → workflow env TARGET from the repository variable TARGET/);
  });
});

describe('CF_BRANCH_TAG_NORMALIZED', () => {
  // Codefresh: "without any chars that are illegal in case the branch name were to be used as the Docker image tag name".
  const branches = ['master', 'feature/Login-2', 'fix#12@home', 'release/v1.2_rc+3', 'ünïcode/ß'];
  it('is the same from the tag engine (tags, build args) and from the variables step (everything else)', async () => {
    for (const branch of branches) {
      const dot = await tagVariables({
        env: { GITHUB_REF_NAME: branch, GITHUB_SHA: 'a'.repeat(40), GITHUB_REPOSITORY: 'a/b' },
        uses: new Set(['Branch']),
      });
      const engine = renderTags([{ name: 't', text: '{{ .Branch | tagsafe }}-{{ .Branch | tagsafe | lower }}' }], dot, {
        raw: true,
      })[0];
      const envFile = join(root, `env-${n++}`);
      writeFileSync(envFile, '');
      execFileSync('bash', ['-c', CODEFRESH_VARIABLES_SCRIPT], {
        env: {
          PATH: process.env.PATH,
          GITHUB_REF_NAME: branch,
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_ENV: envFile,
          LC_ALL: 'C',
        },
      });
      const lines = Object.fromEntries(
        readFileSync(envFile, 'utf8')
          .split('\n')
          .filter((l: string) => /^CF_BRANCH_TAG/.test(l))
          .map((l: string) => l.split('=')),
      );
      expect(`${lines.CF_BRANCH_TAG_NORMALIZED}-${lines.CF_BRANCH_TAG_NORMALIZED_LOWER_CASE}`, branch).toBe(engine);
      expect(lines.CF_BRANCH_TAG_NORMALIZED).toMatch(/^[A-Za-z0-9_.-]*$/);
    }
  });
});
