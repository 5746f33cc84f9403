// Rules GitHub applies only when a real repository calls our reusable workflows,
// checked from the files: every workflow and every whole workflow of README.md
// and docs/ (through GitHub's parser and the wiring check in workflows.test.ts),
// with the expressions evaluated as the runner evaluates them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../harness/cli.js';
import { tempDir } from '../env/processes.js';
import { workflowErrors } from '../harness/github-parser.js';
import { checkWorkflow } from '../harness/wiring.js';
import {
  actionFiles,
  actionName,
  callInputs,
  condition,
  evaluate,
  globMatches,
  permissionProblems,
  permissionsNeeded,
  permissionsOf,
  regkitActionDir,
  regkitCheckout,
  runStep,
  sparseSelect,
  stepsOf,
  trackedFiles,
  workflowCall,
  workflowSources,
  type WorkflowSource,
} from '../harness/workflow-rules.js';
import { renderTags, templatesFromLines } from '../../src/tags/render.js';

type Obj = Record<string, any>;

const sources = workflowSources();
const own = sources.filter((s) => s.where.startsWith('.github/'));
const reusable = own.filter((s) => workflowCall(s.doc));
const file = (name: string) => own.find((s) => s.where === `.github/workflows/${name}`)!.doc;
const step = (doc: Obj, job: string, pick: (s: Obj) => boolean) => {
  const found = stepsOf(doc).find((s) => s.job === job && pick(s));
  expect(found, `a step of job ${job}`).toBeDefined();
  return found!;
};
const byId = (id: string) => (s: Obj) => s.id === id;
const byAction = (name: string) => (s: Obj) => actionName(s.uses)?.name === name;
const byRegkit = (dir: string) => (s: Obj) => regkitActionDir(s.uses) === dir;

/** The outputs of the `run:` steps an expression names (steps.<id>.outputs), run with bash. */
function stepsContext(doc: Obj, job: string, text: string, ctx: Obj, env: Record<string, string> = {}): Obj {
  const steps: Obj = {};
  for (const [, id] of String(text).matchAll(/steps\.([\w-]+)\.outputs/g)) {
    const s = step(doc, job, byId(id));
    expect(s.run, `step ${id} of job ${job} is a run: step`).toBeDefined();
    steps[id] = { outputs: runStep(s, { ...ctx, steps }, env) };
  }
  return steps;
}

describe('examples in the docs are checked like the workflows', () => {
  const docs = sources.filter((s) => s.where.startsWith('docs/workflows.md'));
  it('docs/workflows.md has a calling example for each reusable workflow', () => {
    const called = docs.flatMap((s) => Object.values<Obj>(s.doc.jobs ?? {}).map((j) => j.uses)).filter(Boolean);
    for (const wf of reusable.map((s) => s.where.replace('.github/workflows/', '')))
      expect(called.join('\n')).toContain(`.github/workflows/${wf}@v1`);
  });
  it.each(docs.map((s) => [s.where, s] as const))(
    "%s passes GitHub's parser and is wired consistently",
    async (where, s) => {
      expect(await workflowErrors(where, s.text)).toEqual([]);
      expect(checkWorkflow(where, s.text)).toEqual([]);
    },
  );
});

describe('1. permissions: a caller grants exactly what the called workflow needs', () => {
  const callers = sources.filter((s) =>
    Object.values<Obj>(s.doc.jobs ?? {}).some(
      (j) => typeof j.uses === 'string' && j.uses.includes('.github/workflows/'),
    ),
  );
  it('every place that calls a reusable workflow is checked (CI, README, docs)', () => {
    const where = callers.map((s) => s.where.replace(/ example \d+$/, ''));
    expect(where).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', 'README.md', 'docs/workflows.md']));
  });
  it.each(callers.map((s) => [s.where, s] as const))('%s', (_, s) => {
    expect(permissionProblems(s)).toEqual([]);
  });

  const ghcr = { registries: [{ name: 'ghcr', provider: 'ghcr' }] };
  const caller = (permissions: string, registries: Obj = ghcr): WorkflowSource => {
    const text = `on: push\n${permissions}jobs:\n  b:\n    uses: regkit/regkit/.github/workflows/build-push.yml@v1\n    with: { image-name: x }\n`;
    return { where: 't.yml', text, doc: parse(text), registries };
  };
  it('flags a caller that grants nothing, too little or too much', () => {
    expect(permissionProblems(caller(''))).toEqual([expect.stringMatching(/grants no permissions.*February 2023/)]);
    expect(permissionProblems(caller('permissions: { contents: read }\n'))).toEqual([
      expect.stringMatching(/grants contents: read; .* needs exactly contents: read, packages: write/),
    ]);
    expect(permissionProblems(caller('permissions: write-all\n'))).toHaveLength(1);
    expect(permissionProblems(caller('permissions: { contents: read, packages: write }\n'))).toEqual([]);
  });
  it('flags a called workflow that asks for more than the caller grants', () => {
    const src = caller('permissions: { contents: read }\n', { registries: [] });
    const callee = {
      path: 'x.yml',
      doc: { on: { workflow_call: {} }, permissions: { contents: 'read', packages: 'write' }, jobs: {} },
    };
    expect(permissionProblems(src, () => callee)).toEqual([
      't.yml: job b (x.yml): the called workflow asks for packages: write, the caller grants packages: none',
    ]);
  });
  it('packages: write only for GHCR, id-token: write only for keyless logins', () => {
    const need = (registries: Obj[]) =>
      Object.entries(permissionsNeeded({ registries })).filter(([, v]) => v !== 'none');
    expect(need([{ provider: 'other', domain: 'localhost:5000' }])).toEqual([['contents', 'read']]);
    expect(need([{ provider: 'dockerhub', credentials: { encrypted_dockercfg: 'x' } }, { provider: 'ghcr' }])).toEqual([
      ['contents', 'read'],
      ['packages', 'write'],
    ]);
    expect(
      need([{ provider: 'ecr', credentials: { aws: { region: 'eu-west-1', role: 'arn:aws:iam::1:role/push' } } }]),
    ).toEqual([
      ['contents', 'read'],
      ['id-token', 'write'],
    ]);
    expect(
      need([
        {
          provider: 'gar',
          credentials: { google: { workload_identity_provider: 'projects/1/x', service_account: 'a@b' } },
        },
      ]),
    ).toEqual([
      ['contents', 'read'],
      ['id-token', 'write'],
    ]);
    expect(permissionsOf('read-all').packages).toBe('read');
  });
});

describe('2. a reusable workflow runs the actions of its own version', () => {
  const job = { workflow_repository: 'acme/regkit', workflow_sha: '0123456789abcdef0123456789abcdef01234567' };
  const cases: [string, Obj, Obj, string, string][] = [
    ['its own repository and commit', {}, job, job.workflow_repository, job.workflow_sha],
    ['regkit-ref overrides the commit', { 'regkit-ref': 'v1.2.3' }, job, job.workflow_repository, 'v1.2.3'],
    ['both overridden', { 'regkit-repository': 'me/regkit', 'regkit-ref': 'dev' }, job, 'me/regkit', 'dev'],
    [
      'another repository without a ref: its default branch',
      { 'regkit-repository': 'me/regkit' },
      job,
      'me/regkit',
      '',
    ],
    ['no job.workflow_* (GitHub Enterprise Server): regkit/regkit at v1', {}, {}, 'regkit/regkit', 'v1'],
  ];
  describe.each(reusable.map((s) => [s.where, s.doc] as const))('%s', (_, doc) => {
    it('has regkit-ref and regkit-repository as overrides, empty by default', () => {
      expect(callInputs(doc)['regkit-ref']).toBe('');
      expect(callInputs(doc)['regkit-repository']).toBe('');
    });
    it('checks regkit out in every job that runs its actions, before them', () => {
      for (const [id, j] of Object.entries<Obj>(doc.jobs)) {
        const uses = (j.steps as Obj[]).findIndex((s) => regkitActionDir(s.uses));
        if (uses < 0) continue;
        const checkout = regkitCheckout(doc, id);
        expect(checkout, `job ${id}`).toBeDefined();
        expect(checkout!.index).toBeLessThan(uses);
      }
    });
    it.each(cases)('%s', (_, inputs, jobCtx, repository, ref) => {
      for (const id of Object.keys(doc.jobs)) {
        const checkout = regkitCheckout(doc, id);
        if (!checkout) continue;
        const ctx = {
          inputs: callInputs(doc, inputs),
          job: jobCtx,
          github: { repository: 'user/app', sha: 'feedface' },
        };
        expect(evaluate(checkout.with.repository, ctx) ?? '').toBe(repository);
        expect(evaluate(checkout.with.ref, ctx) ?? '').toBe(ref);
      }
    });
  });
});

describe("3. regkit stays out of the user's image and keeps no token", () => {
  it.each(own.map((s) => [s.where, s.doc] as const))('%s: every checkout leaves no credentials behind', (_, doc) => {
    for (const s of stepsOf(doc).filter(byAction('actions/checkout')))
      expect(String(s.with?.['persist-credentials']), `job ${s.job} step ${s.index + 1}`).toBe('false');
  });
  const files = trackedFiles();
  const wanted = files.filter((f) => /^([^/]+\/)?action\.yml$/.test(f) || f.startsWith('dist/'));
  it.each(reusable.map((s) => [s.where, s.doc] as const))(
    '%s: regkit is checked out sparse — action.yml files and dist/, nothing else',
    (_, doc) => {
      for (const id of Object.keys(doc.jobs)) {
        const checkout = regkitCheckout(doc, id);
        if (!checkout) continue;
        expect(String(checkout.with['sparse-checkout-cone-mode'])).toBe('false');
        const taken = sparseSelect(String(checkout.with['sparse-checkout'] ?? ''), files);
        expect(taken).toEqual(wanted);
        // Every action the job runs has its metadata and entry points in the checkout.
        for (const s of stepsOf(doc).filter((x) => x.job === id && regkitActionDir(x.uses))) {
          for (const f of actionFiles(regkitActionDir(s.uses)!)) expect(taken, `${s.uses} needs ${f}`).toContain(f);
        }
      }
    },
  );
  it('the sparse patterns are read as git reads them', () => {
    const some = [
      'action.yml',
      'build/action.yml',
      'dist/build/index.js',
      'src/a.ts',
      'README.md',
      'test/e2e/action.yml',
    ];
    expect(sparseSelect('/action.yml\n/*/action.yml\n/dist/\n', some)).toEqual([
      'action.yml',
      'build/action.yml',
      'dist/build/index.js',
    ]);
    expect(sparseSelect('/dist/\n!/dist/build/\n', some)).toEqual([]);
  });
});

describe("4. multi-platform.yml: artifacts of one call, one attempt, never another's", () => {
  const mp = file('multi-platform.yml');
  const upload = step(mp, 'build', byAction('actions/upload-artifact'));
  const download = step(mp, 'merge', byAction('actions/download-artifact'));
  const platforms = JSON.parse(callInputs(mp).platforms) as Obj[];
  const calls = { api: { 'image-name': 'api' }, worker: { 'image-name': 'worker' } };
  const ctx = (call: Obj, attempt: number, index?: number, temp = '/runner/_temp') => ({
    inputs: callInputs(mp, call),
    github: { run_attempt: String(attempt), run_id: '4242', run_number: '7', repository: 'user/app' },
    runner: { temp, arch: 'X64', os: 'Linux' },
    ...(index === undefined
      ? {}
      : { strategy: { 'job-index': index, 'job-total': platforms.length }, matrix: platforms[index] }),
  });
  const nameOf = (call: Obj, attempt: number, index: number) => {
    const c = ctx(call, attempt, index);
    return String(evaluate(upload.with.name, { ...c, steps: stepsContext(mp, 'build', upload.with.name, c) }));
  };
  const patternOf = (call: Obj, attempt: number) => {
    const c = ctx(call, attempt);
    return String(
      evaluate(download.with.pattern, { ...c, steps: stepsContext(mp, 'merge', download.with.pattern, c) }),
    );
  };
  const names = (call: Obj) => [1, 2].flatMap((attempt) => platforms.map((_, i) => nameOf(call, attempt, i)));

  it('names are unique per call, per attempt (github.run_attempt) and per platform', () => {
    const all = [...names(calls.api), ...names(calls.worker)];
    expect(new Set(all).size).toBe(all.length);
    expect(String(upload.with.name)).toContain('github.run_attempt');
  });
  it('the merge job downloads by a pattern that takes every attempt of its own call and nothing of another', () => {
    expect(download.with.name).toBeUndefined();
    for (const attempt of [1, 2]) {
      const pattern = patternOf(calls.api, attempt);
      expect(names(calls.api).filter((n) => !globMatches(pattern, n))).toEqual([]);
      expect(names(calls.worker).filter((n) => globMatches(pattern, n))).toEqual([]);
    }
  });
  it("after a re-run, the merge takes each platform's latest image", () => {
    const temp = tempDir('multi-platform');
    const downloadPath = String(evaluate(download.with.path, ctx(calls.api, 2, undefined, temp)));
    expect(String(download.with['merge-multiple'] ?? 'false')).toBe('false');
    const record = step(mp, 'build', byId('record'));
    // Platform 0 built in attempt 1 only; platform 1 failed and was re-run in attempt 2.
    for (const [index, attempt] of [
      [0, 1],
      [1, 1],
      [1, 2],
    ]) {
      const jobTemp = tempDir('build-job');
      const c = ctx(calls.api, attempt, index, jobTemp);
      const built = { build: { outputs: { image: `reg.example/api:p${index}`, digest: `sha256:${index}${attempt}` } } };
      runStep(record, { ...c, steps: built }, { RUNNER_TEMP: jobTemp });
      const uploaded = String(evaluate(upload.with.path, { ...c, steps: built }));
      const into = join(downloadPath, nameOf(calls.api, attempt, index));
      mkdirSync(into, { recursive: true });
      writeFileSync(join(into, 'digest'), readFileSync(uploaded));
    }
    const collect = step(mp, 'merge', (s) => s.index > download.index && typeof s.run === 'string');
    const c = ctx(calls.api, 2, undefined, temp);
    const outputs = runStep(
      collect,
      { ...c, steps: stepsContext(mp, 'merge', JSON.stringify(collect), c) },
      { RUNNER_TEMP: temp },
    );
    expect(outputs.sources.split('\n')).toEqual(['reg.example/api@sha256:01', 'reg.example/api@sha256:12']);
  });
});

describe('5. platforms are built as asked', () => {
  const mp = file('multi-platform.yml');
  const bp = file('build-push.yml');
  const release = file('release.yml');

  it('multi-platform.yml passes the matrix platform to the build', () => {
    const build = step(mp, 'build', byRegkit('build'));
    expect(evaluate(build.with.platforms, { matrix: { platform: 'linux/386', 'runs-on': 'ubuntu-latest' } })).toBe(
      'linux/386',
    );
  });
  it('multi-platform.yml sets QEMU up only for a platform the runner does not run natively', () => {
    const build = step(mp, 'build', byRegkit('build'));
    const qemu = step(mp, 'build', byAction('docker/setup-qemu-action'));
    expect(qemu.index).toBeLessThan(build.index);
    const on = (arch: string, platform: string) => condition(qemu.if, { runner: { arch }, matrix: { platform } });
    expect([
      on('X64', 'linux/amd64'),
      on('ARM64', 'linux/arm64'),
      on('X64', 'linux/arm64'),
      on('ARM64', 'linux/arm/v7'),
    ]).toEqual([false, false, true, true]);
  });
  it('multi-platform.yml merges only when the images are for exactly the platforms asked', () => {
    const merge = step(mp, 'merge', byRegkit('promote'));
    expect(merge.with.mode).toBe('merge');
    expect(evaluate(merge.with.platforms, { inputs: callInputs(mp) })).toBe('linux/amd64,linux/arm64');
    const custom =
      '[{"platform":"linux/amd64","runs-on":"ubuntu-latest"},{"platform":"linux/386","runs-on":["self-hosted","x64"]}]';
    expect(evaluate(merge.with.platforms, { inputs: callInputs(mp, { platforms: custom }) })).toBe(
      'linux/amd64,linux/386',
    );
  });

  describe('build-push.yml', () => {
    const build = step(bp, 'build-push', byRegkit('build'));
    const push = step(bp, 'build-push', byRegkit('push'));
    const run = (platforms: string) => {
      const ctx = { inputs: callInputs(bp, { 'image-name': 'api', platforms }) };
      const runs = (pick: (s: Obj) => boolean) =>
        stepsOf(bp)
          .filter((s) => s.job === 'build-push' && pick(s) && condition(s.if, ctx))
          .map((s) => s.index);
      return {
        disablePush: String(evaluate(build.with['disable-push'], ctx)),
        push: condition(push.if, ctx),
        qemu: runs(byAction('docker/setup-qemu-action')),
        buildx: runs(byAction('docker/setup-buildx-action')),
      };
    };
    it('one platform or none: built locally, then pushed by the push step', () => {
      expect(run('')).toEqual({ disablePush: 'true', push: true, qemu: [], buildx: [] });
      const one = run('linux/arm64');
      expect([one.disablePush, one.push, one.buildx]).toEqual(['true', true, []]);
      expect(one.qemu).toHaveLength(1);
    });
    it('several platforms: QEMU and a buildx builder first, then the build pushes them', () => {
      const several = run('linux/amd64,linux/arm64');
      expect([several.disablePush, several.push]).toEqual(['false', false]);
      expect(several.qemu).toHaveLength(1);
      expect(several.buildx).toHaveLength(1);
      expect(Math.max(...several.qemu, ...several.buildx)).toBeLessThan(build.index);
    });
    it('its outputs come from whichever step pushed', () => {
      const outputs = bp.jobs['build-push'].outputs;
      const pushedByBuild = {
        steps: {
          build: { outputs: { refs: 'r/b', digest: 'sha256:b', image: 'i', tags: 't' } },
          push: { outputs: {} },
        },
      };
      const pushedByPush = {
        steps: {
          build: { outputs: { refs: 'r/b', digest: '', image: 'i', tags: 't' } },
          push: { outputs: { refs: 'r/p', digest: 'sha256:p' } },
        },
      };
      expect([evaluate(outputs.refs, pushedByBuild), evaluate(outputs.digest, pushedByBuild)]).toEqual([
        'r/b',
        'sha256:b',
      ]);
      expect([evaluate(outputs.refs, pushedByPush), evaluate(outputs.digest, pushedByPush)]).toEqual([
        'r/p',
        'sha256:p',
      ]);
    });
  });

  it.each(['build-push.yml', 'multi-platform.yml'])('%s tags by default what release.yml looks for', (name) => {
    const sourceTag = String(callInputs(release)['source-tag']);
    expect(
      String(callInputs(file(name)).tags)
        .split('\n')
        .map((l) => l.trim()),
    ).toContain(sourceTag);
  });
});

describe('6. releases are tagged right', () => {
  const release = file('release.yml');
  const stable = step(release, 'release', byId('stable'));
  const pre = step(release, 'release', byId('pre'));
  const tags = (s: Obj, tag: string) =>
    renderTags(templatesFromLines(String(s.with.templates), 'templates'), { Tag: tag });
  const prerelease = (event: Obj, ref = '') =>
    condition(pre.if, {
      env: { PRERELEASE: String(evaluate(release.jobs.release.env.PRERELEASE, { github: { event, ref_name: ref } })) },
    });

  it('a stable release gets 1.2.3, 1.2, 1 and latest', () => {
    expect(prerelease({ release: { tag_name: 'v1.2.3', prerelease: false } })).toBe(false);
    expect(tags(stable, 'v1.2.3')).toEqual(['1.2.3', '1.2', '1', 'latest']);
  });
  it('a pre-release gets its full version, with no dangling -', () => {
    expect(prerelease({ release: { tag_name: 'v2.0.0', prerelease: true } })).toBe(true);
    expect(prerelease({}, 'v2.1.0-rc.1')).toBe(true);
    expect(tags(pre, 'v2.0.0')).toEqual(['2.0.0']);
    expect(tags(pre, 'v2.1.0-rc.1')).toEqual(['2.1.0-rc.1']);
  });
  it('nothing advises secrets: inherit (it passes nothing across organisations, and no secret can be named aes-key)', () => {
    const texts = [
      ...own.map((s) => [s.where, s.text]),
      ...['README.md', 'docs/workflows.md'].map((p) => [p, readFileSync(join(repoRoot, p), 'utf8')]),
    ];
    expect(texts.filter(([, t]) => /(?<!`)secrets:\s*inherit/.test(t)).map(([w]) => w)).toEqual([]);
  });
});

describe('7. inputs take what GitHub takes, actions on their Node 24 majors', () => {
  it.each(reusable.map((s) => [s.where, s.doc] as const))(
    '%s: runs-on inputs take one label or a JSON list of labels',
    (_, doc) => {
      for (const [id, job] of Object.entries<Obj>(doc.jobs)) {
        const input = /inputs\.([\w-]+)/.exec(String(job['runs-on'] ?? ''))?.[1];
        if (!input) continue;
        expect(evaluate(job['runs-on'], { inputs: callInputs(doc, { [input]: 'ubuntu-24.04' }) }), `job ${id}`).toBe(
          'ubuntu-24.04',
        );
        expect(
          evaluate(job['runs-on'], { inputs: callInputs(doc, { [input]: '["self-hosted","linux"]' }) }),
          `job ${id}`,
        ).toEqual(['self-hosted', 'linux']);
      }
    },
  );

  // The majors that run on node24; a new third-party action must be added here on purpose.
  const MAJORS: Record<string, number> = {
    'actions/checkout': 6,
    'actions/setup-node': 6,
    'actions/upload-artifact': 7,
    'actions/download-artifact': 8,
    'docker/setup-qemu-action': 4,
    'docker/setup-buildx-action': 4,
  };
  const checked = sources.filter(
    (s) => s.where.startsWith('.github/') || s.where.startsWith('README.md') || s.where.startsWith('docs/workflows.md'),
  );
  it.each(checked.map((s) => [s.where, s.doc] as const))('%s', (_, doc) => {
    const used = stepsOf(doc)
      .map((s) => actionName(s.uses))
      .filter((a) => a && !a.name.startsWith('regkit/'));
    expect(used.filter((a) => !(a!.name in MAJORS) || (a!.major ?? 0) < MAJORS[a!.name])).toEqual([]);
  });
});
