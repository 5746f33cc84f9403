// A Codefresh project (test/migrate/codefresh-roundtrip/) moved to GitHub and run: `regkit
// migrate --from codefresh` converts it, the registries file is filled in as MIGRATION.md
// asks (the account's default registry with its prefix, and the private registry), and the
// job runs step by step as GitHub's runner would on a push (run-job.ts) against a real
// dockerd and two Distribution registries: the clone, Codefresh's variables, the branch
// filter, login, the build (its base image only in the private registry), the freestyle
// test of the built image, the push. The images must land under exactly the tags the
// pipeline asked for, and a branch the `when` filter excludes must push nothing.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseImage, dockerConfig, dockerOk, startDockerd, type Dockerd } from '../env/dockerd.js';
import { tempDir } from '../env/processes.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { getManifest, registryRequest } from '../env/upload.js';
import { secretLeaks } from '../harness/action.js';
import { repoRoot, runCli, type CliResult } from '../harness/cli.js';
import { workflowErrors } from '../harness/github-parser.js';
import { checkWorkflow } from '../harness/wiring.js';
import { pushRun, runJob, type StepRun } from './run-job.js';

const FIXTURE = join(repoRoot, 'test/migrate/codefresh-roundtrip');
const CI = { user: 'ci', password: `default-${randomBytes(6).toString('hex')}` };
const DEPLOYER = { user: 'deployer', password: `private-${randomBytes(6).toString('hex')}` };
const PREFIX = 'team';
const REPO = 'shop/api';

let d: Dockerd;
let defaultReg: Registry;
let privateReg: Registry;
let project: string;
let migrated: CliResult;
let workflowText: string;
let workflow: Record<string, any>;

const secretsEnv = () => ({
  DEFAULT_USER: CI.user,
  DEFAULT_PASSWORD: CI.password,
  PRIVATE_USER: DEPLOYER.user,
  PRIVATE_PASSWORD: DEPLOYER.password,
});

beforeAll(async () => {
  [d, defaultReg, privateReg] = await Promise.all([
    startDockerd(),
    startRegistry({ auth: 'htpasswd', users: { [CI.user]: CI.password } }),
    startRegistry({ auth: 'htpasswd', users: { [DEPLOYER.user]: DEPLOYER.password } }),
  ]);
  // The private base image: pushed to the private registry, then gone from the daemon, so the build must pull it.
  const base = `${privateReg.host}/base/busybox:1`;
  await dockerOk(d, ['tag', await baseImage(d), base]);
  await dockerOk(d, ['push', base], {
    config: dockerConfig({ [privateReg.host]: { username: DEPLOYER.user, password: DEPLOYER.password } }),
  });
  await dockerOk(d, ['image', 'rm', base]);

  project = tempDir('codefresh-project');
  for (const f of readdirSync(FIXTURE))
    writeFileSync(join(project, f), readFileSync(join(FIXTURE, f), 'utf8').replaceAll('PRIVATE_HOST', privateReg.host));
  migrated = await runCli(['migrate', '--from', 'codefresh', '--pipeline', 'codefresh.yml', '--name', 'ci'], {
    cwd: project,
  });
  workflowText = readFileSync(join(project, '.github/workflows/ci.yml'), 'utf8');
  workflow = parse(workflowText);
});
afterAll(async () => {
  await Promise.all([defaultReg?.stop(), privateReg?.stop()]);
});

/** What MIGRATION.md asks for: the registries the pipeline could not describe, filled in. */
function fillInRegistries(): void {
  const path = join(project, '.github/registries.yml');
  const file = parse(readFileSync(path, 'utf8'));
  for (const r of file.registries) {
    if (r.name === file.default)
      Object.assign(r, {
        domain: defaultReg.host,
        prefix: PREFIX,
        credentials: { username: '${DEFAULT_USER}', password: '${DEFAULT_PASSWORD}' },
      });
    if (r.name === 'private')
      Object.assign(r, {
        domain: privateReg.host,
        credentials: { username: '${PRIVATE_USER}', password: '${PRIVATE_PASSWORD}' },
      });
  }
  writeFileSync(path, stringify(file));
}

async function tagsOf(reg: Registry, account: { user: string; password: string }, repo: string): Promise<string[]> {
  const r = await registryRequest(
    { url: reg.url, username: account.user, password: account.password },
    repo,
    'GET',
    `/v2/${repo}/tags/list`,
  );
  if (r.status === 404 && /NAME_UNKNOWN/.test(r.body.toString())) return [];
  expect(r.status).toBe(200);
  return ((JSON.parse(r.body.toString()) as { tags: string[] | null }).tags ?? []).sort();
}

async function runPush(branch: string, sha: string): Promise<StepRun[]> {
  const push = pushRun({ branch, sha, repository: 'acme/shop-api', workflow: 'ci' });
  // REGKIT_BUILD_NETWORK: the test daemon has no default bridge for RUN steps (docs/testing.md).
  const steps = await runJob(workflow, 'build', {
    workspace: project,
    push,
    secrets: {},
    env: { ...d.env, ...secretsEnv(), REGKIT_BUILD_NETWORK: 'host' },
  });
  for (const s of steps)
    if (s.result) expect(secretLeaks(s.result, [CI.password, DEPLOYER.password]).printed, s.name).toEqual([]);
  return steps;
}
const failures = (steps: StepRun[]) =>
  steps
    .filter((s) => s.outcome === 'failure')
    .map((s) => ({ step: s.name, errors: s.result?.errors, stderr: s.result?.stderr.slice(-2000) }));
const byId = (steps: StepRun[], id: string) => steps.find((s) => s.id === id)!;

describe('regkit migrate --from codefresh round trip', () => {
  it('converts the pipeline: a workflow GitHub accepts, the integrations as registries to fill in, a file regkit validate accepts once filled', async () => {
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toBe(readFileSync(join(project, 'MIGRATION.md'), 'utf8'));
    expect(migrated.stdout).toContain(
      'Build steps: 1 in the pipeline, 1 converted. Push steps: 1 in the pipeline, 1 converted.',
    );
    expect(migrated.stdout).toMatch(
      /codefresh\.yml:\d+:\d+: registry `codefresh-default`: your Codefresh account's default registry/,
    );
    expect(await workflowErrors('ci.yml', workflowText)).toEqual([]);
    expect(checkWorkflow('ci.yml', workflowText)).toEqual([]);
    const steps = workflow.jobs.build.steps as Record<string, any>[];
    expect(steps.find((s) => s.id === 'build_app')!.with).toMatchObject({
      'image-name': REPO,
      tags: '{{ .Branch | tagsafe }}-{{ .ShortCommitID }}',
      'registry-contexts': 'private',
    });
    expect(steps.find((s) => s.id === 'push_release')!.with).toMatchObject({
      registry: 'private',
      'registry-context': 'private',
      'image-name': REPO,
      tags: '{{ .Branch | tagsafe }}\nlatest',
    });

    const before = parse(readFileSync(join(project, '.github/registries.yml'), 'utf8'));
    expect(before.default).toBe('codefresh-default');
    expect(before.registries.map((r: any) => r.name)).toEqual(['codefresh-default', 'private']);
    fillInRegistries();
    const validate = await runCli(['validate'], { cwd: project, env: secretsEnv() });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
  });

  it('on a push to release/2.1: builds to the default registry under its prefix, tests the image, pushes the asked tags to the private registry', async () => {
    const sha = randomBytes(20).toString('hex');
    const steps = await runPush('release/2.1', sha);
    expect(failures(steps)).toEqual([]);
    expect(steps.map((s) => s.outcome)).not.toContain('skipped');
    expect(steps.map((s) => s.kind).filter((k) => k !== 'run' && k !== 'checkout')).toEqual(['login', 'build', 'push']);

    // Codefresh's CF_BRANCH_TAG_NORMALIZED drops what a tag cannot hold: release/2.1 → release2.1.
    const buildTag = `release2.1-${sha.slice(0, 7)}`;
    const build = byId(steps, 'build_app');
    expect(build.outputs.image).toBe(`${defaultReg.host}/${PREFIX}/${REPO}:${buildTag}`);
    expect(await tagsOf(defaultReg, CI, `${PREFIX}/${REPO}`)).toContain(buildTag);

    // The freestyle step ran the built image with the workspace mounted and Codefresh's variables set.
    expect(readFileSync(join(project, 'tested.txt'), 'utf8')).toBe(`tested ${sha.slice(0, 7)}\n`);

    const push = byId(steps, 'push_release');
    expect(push.outputs.refs.split('\n').sort()).toEqual([
      `${privateReg.host}/${REPO}:latest`,
      `${privateReg.host}/${REPO}:release2.1`,
    ]);
    expect(await tagsOf(privateReg, DEPLOYER, REPO)).toEqual(['latest', 'release2.1']);
    for (const tag of ['latest', 'release2.1']) {
      const m = await getManifest(
        { url: privateReg.url, username: DEPLOYER.user, password: DEPLOYER.password },
        REPO,
        tag,
      );
      expect(m.status).toBe(200);
      expect(m.digest).toBe(push.outputs.digest);
    }
    expect(build.outputs.digest).toBe(push.outputs.digest);
  });

  it('on a push to feature/login, the when filter holds the push back: nothing new reaches the private registry', async () => {
    const before = await tagsOf(privateReg, DEPLOYER, REPO);
    const latest = await getManifest(
      { url: privateReg.url, username: DEPLOYER.user, password: DEPLOYER.password },
      REPO,
      'latest',
    );
    const sha = randomBytes(20).toString('hex');
    const steps = await runPush('feature/login', sha);
    expect(failures(steps)).toEqual([]);
    expect(Object.values(byId(steps, 'branch').outputs)).toEqual(['false']);
    expect(byId(steps, 'build_app').outcome).toBe('success');
    expect(byId(steps, 'unit_tests').outcome).toBe('success');
    expect(byId(steps, 'push_release').outcome).toBe('skipped');
    // The build still went to the default registry, as Codefresh's build steps do.
    expect(await tagsOf(defaultReg, CI, `${PREFIX}/${REPO}`)).toContain(`featurelogin-${sha.slice(0, 7)}`);
    expect(await tagsOf(privateReg, DEPLOYER, REPO)).toEqual(before);
    expect(
      (await getManifest({ url: privateReg.url, username: DEPLOYER.user, password: DEPLOYER.password }, REPO, 'latest'))
        .digest,
    ).toBe(latest.digest);
  });
});
