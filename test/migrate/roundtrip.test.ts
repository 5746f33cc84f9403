// A round trip that runs: a Codeship Pro project (test/migrate/roundtrip/, modelled
// on the corpus' segmentio/segment-proxy and InVisionApp/kit-deploymentizer) moved to a local
// htpasswd registry, with its dockercfg jet-v2-encrypted under a key made here. `regkit migrate`
// converts it; the generated job then runs step by step as GitHub's runner would on a push
// (run-job.ts): branch filter, login, builds, the test run, push — against the real dockerd and
// registry. The test step needs its linked database (reached by its link alias, on the job's
// network, gone after the step); the image must carry its build arg rendered from a template
// and arrive with exactly the tag its image_tag template gives; a branch the filter excludes
// must push nothing. With a dockercfg generator of the project's own instead of the jet file,
// the generator runs before the login and writes the credentials the push then uses.
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { generateKey, parseKey } from '../../src/crypto/index.js';
import { encryptJetV2 } from '../../src/crypto/jet.js';
import { baseImage, docker, dockerConfig, dockerOk, startDockerd, type Dockerd } from '../env/dockerd.js';
import { tempDir } from '../env/processes.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { getManifest, registryRequest } from '../env/upload.js';
import { secretLeaks } from '../harness/action.js';
import { repoRoot, runCli, type CliResult } from '../harness/cli.js';
import { workflowErrors } from '../harness/github-parser.js';
import { checkWorkflow } from '../harness/wiring.js';
import { pushRun, runJob, type StepRun } from './run-job.js';

const FIXTURE = join(repoRoot, 'test/migrate/roundtrip');
const KEY = generateKey();
const USER = 'deployer';
const PASSWORD = `quay-robot-${randomBytes(6).toString('hex')}`;
const REPO = 'invision/segment-proxy';
const TEMPLATE = '{{ .Branch }}-{{ .CommitID }}';

let d: Dockerd;
let reg: Registry;
let project: string;
let migrated: CliResult;
let workflowText: string;
let workflow: Record<string, any>;

beforeAll(async () => {
  [d, reg] = await Promise.all([startDockerd(), startRegistry({ auth: 'htpasswd', users: { [USER]: PASSWORD } })]);
  await baseImage(d); // the fixture's Dockerfile builds FROM it
  project = tempDir('roundtrip-project');
  cpSync(FIXTURE, project, { recursive: true });
  for (const f of readdirSync(project)) {
    if (f.endsWith('.yml'))
      writeFileSync(join(project, f), readFileSync(join(project, f), 'utf8').replaceAll('REGISTRY_HOST', reg.host));
  }
  // The linked database's image is built FROM scratch with a static busybox.
  copyFileSync('/bin/busybox', join(project, 'db', 'busybox'));
  // What `docker login` leaves in ~/.docker/config.json, encrypted as `jet encrypt` does.
  const dockercfg = { auths: { [reg.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } } };
  writeFileSync(
    join(project, 'codeship-dockercfg.encrypted'),
    encryptJetV2(Buffer.from(JSON.stringify(dockercfg)), parseKey(KEY, 'test key')),
  );
  migrated = await runCli(['migrate', '--name', 'ci'], { cwd: project });
  workflowText = readFileSync(join(project, '.github/workflows/ci.yml'), 'utf8');
  workflow = parse(workflowText);
});
afterAll(async () => {
  await reg?.stop();
});

const pushJob = () => {
  const ids = Object.keys(workflow.jobs).filter((id) =>
    workflow.jobs[id].steps.some((s: any) => /^regkit\/regkit\/push@/.test(s.uses ?? '')),
  );
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const deployer = () => ({ url: reg.url, username: USER, password: PASSWORD });
/** The repository's tags; none when the repository does not exist (yet). */
async function tagsOf(repo: string): Promise<string[]> {
  const r = await registryRequest(deployer(), repo, 'GET', `/v2/${repo}/tags/list`);
  if (r.status === 404 && /NAME_UNKNOWN/.test(r.body.toString())) return [];
  expect(r.status).toBe(200);
  return (JSON.parse(r.body.toString()) as { tags: string[] }).tags;
}
const newSha = () => randomBytes(20).toString('hex');
/** No container and no network of a job's Codeship services is left on the daemon. */
async function expectNetworkGone(): Promise<void> {
  expect(
    (await dockerOk(d, ['network', 'ls', '--format', '{{.Name}}']))
      .split('\n')
      .filter((n) => n.startsWith('codeship-')),
  ).toEqual([]);
  expect((await dockerOk(d, ['ps', '-aq', '--filter', 'label=codeship-step'])).trim()).toBe('');
}

async function runPush(branch: string, sha: string): Promise<StepRun[]> {
  const push = pushRun({ branch, sha, repository: 'invision/segment-proxy', workflow: 'ci' });
  // REGKIT_BUILD_NETWORK: the test daemon has no default bridge for RUN steps (docs/testing.md).
  const steps = await runJob(workflow, pushJob(), {
    workspace: project,
    push,
    secrets: { CODESHIP_AES_KEY: KEY },
    env: { ...d.env, REGKIT_BUILD_NETWORK: 'host' },
  });
  // No step prints the password or the key (their ::add-mask:: lines aside).
  for (const s of steps) if (s.result) expect(secretLeaks(s.result, [PASSWORD, KEY]).printed, s.name).toEqual([]);
  return steps;
}

const failures = (steps: StepRun[]) =>
  steps
    .filter((s) => s.outcome === 'failure')
    .map((s) => ({ step: s.name, errors: s.result?.errors, stderr: s.result?.stderr.slice(-2000) }));
const only = (steps: StepRun[], kind: StepRun['kind']) => {
  const found = steps.filter((s) => s.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('regkit migrate round trip', () => {
  it('converts the project: a workflow GitHub accepts, the push template unchanged, the jet dockercfg as the registry credentials', async () => {
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('Push steps: 1 in the steps file, 1 converted.');
    expect(await workflowErrors('ci.yml', workflowText)).toEqual([]);
    expect(checkWorkflow('ci.yml', workflowText)).toEqual([]);
    const push = workflow.jobs[pushJob()].steps.find((s: any) => /^regkit\/regkit\/push@/.test(s.uses));
    expect(push.with.tags).toBe(TEMPLATE);
    expect(push.with['image-name']).toBe(REPO);
    expect(push.if).toMatch(/^steps\.branch\.outputs\.[\w-]+ == 'true'$/);
    const registries = parse(readFileSync(join(project, '.github/registries.yml'), 'utf8'));
    expect(registries.registries).toEqual([
      {
        name: push.with.registry,
        provider: 'other',
        domain: reg.host,
        credentials: { encrypted_dockercfg: 'codeship-dockercfg.encrypted' },
      },
    ]);
    // The build arg keeps its template; the database is built by the build action and started beside the test.
    const steps = workflow.jobs[pushJob()].steps;
    expect(steps.find((s: any) => s.id === 'build-app').with['build-args']).toBe(`VERSION=${TEMPLATE}`);
    expect(steps.find((s: any) => s.id === 'build-db').uses).toBe('regkit/regkit/build@v1');
    const test = steps.find((s: any) => s.name === 'Run tests').run.replace(/ \\\n\s*/g, ' ');
    expect(test).toMatch(
      /svc_db=\$\(docker run -d --network "\$CODESHIP_NETWORK" --label "codeship-step=\$step" --network-alias db --network-alias database .*\$\{\{ steps\.build-db\.outputs\.image \}\}\)/,
    );
    const validate = await runCli(['validate'], { cwd: project, env: { REGKIT_AES_KEY: KEY } });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
  });

  it('on a push to release-2.1, builds, tests and pushes the image under the tag image_tag renders', async () => {
    const sha = newSha();
    const tag = `release-2.1-${sha}`;
    const ref = `${reg.host}/${REPO}:${tag}`;
    const steps = await runPush('release-2.1', sha);
    expect(failures(steps)).toEqual([]);
    expect(steps.map((s) => s.outcome)).not.toContain('skipped');
    expect(steps.map((s) => s.kind).filter((k) => k !== 'run' && k !== 'checkout')).toEqual([
      'login',
      'build',
      'build',
      'push',
    ]);
    expect(Object.values(steps.find((s) => s.id === 'branch')!.outputs)).toEqual(['true']);
    // The test step reached the database under its link alias; nothing of the step's network is left.
    expect(steps.find((s) => s.name === 'Run tests')!.outcome).toBe('success');
    await expectNetworkGone();

    const build = steps.find((s) => s.id === 'build-app')!;
    const push = only(steps, 'push');
    expect(push.inputs).toMatchObject({ candidate: build.outputs.image, tags: TEMPLATE, 'aes-key': KEY });
    expect(push.outputs.refs).toBe(ref);

    // In the registry, by the tag alone, with the pushed digest; and only with the dockercfg's account.
    const m = await getManifest(deployer(), REPO, tag);
    expect(m.status).toBe(200);
    expect(m.digest).toBe(push.outputs.digest);
    expect((await getManifest({ url: reg.url }, REPO, tag)).status).toBe(401);
    expect(await tagsOf(REPO)).toContain(tag);

    // docker pull gets the image the build made back from the registry.
    const imageId = (await dockerOk(d, ['image', 'inspect', '--format', '{{.Id}}', build.outputs.image])).trim();
    await dockerOk(d, ['image', 'rm', ref]);
    expect((await docker(d, ['image', 'inspect', ref])).code).not.toBe(0);
    const cfg = dockerConfig({ [reg.host]: { username: USER, password: PASSWORD } });
    await dockerOk(d, ['pull', ref], { config: cfg });
    expect((await dockerOk(d, ['image', 'inspect', '--format', '{{.Id}}', ref])).trim()).toBe(imageId);
    expect(await dockerOk(d, ['run', '--rm', ref])).toBe('segment-proxy round trip\n');
    // The build arg's template was rendered for this push.
    expect(await dockerOk(d, ['run', '--rm', ref, 'cat', '/app/version.txt'])).toBe(`${tag}\n`);
  });

  it('the test step fails when its linked database does not answer as it should', async () => {
    const broken = tempDir('roundtrip-broken');
    cpSync(project, broken, { recursive: true });
    const services = readFileSync(join(broken, 'codeship-services.yml'), 'utf8');
    writeFileSync(
      join(broken, 'codeship-services.yml'),
      services.replace('DB_ANSWER: ready for segment-proxy', 'DB_ANSWER: busy'),
    );
    expect((await runCli(['migrate', '--name', 'ci'], { cwd: broken })).code).toBe(0);
    const wf = parse(readFileSync(join(broken, '.github/workflows/ci.yml'), 'utf8'));
    const push = pushRun({ branch: 'feature/db', sha: newSha(), repository: 'invision/segment-proxy', workflow: 'ci' });
    const steps = await runJob(wf, pushJob(), {
      workspace: broken,
      push,
      secrets: { CODESHIP_AES_KEY: KEY },
      env: { ...d.env, REGKIT_BUILD_NETWORK: 'host' },
    });
    expect(steps.find((s) => s.name === 'Run tests')!.outcome).toBe('failure');
    expect(steps.find((s) => s.name === 'Remove the network of the Codeship services')!.outcome).toBe('success');
    await expectNetworkGone();
  });

  it('on a push to feature/login, the tag filter holds the push back and nothing reaches the registry', async () => {
    const sha = newSha();
    const steps = await runPush('feature/login', sha);
    expect(failures(steps)).toEqual([]);
    expect(Object.values(steps.find((s) => s.id === 'branch')!.outputs)).toEqual(['false']);
    expect(only(steps, 'login').outcome).toBe('success');
    expect(steps.filter((s) => s.kind === 'build').map((s) => [s.id, s.outcome])).toEqual([
      ['build-db', 'success'],
      ['build-app', 'success'],
    ]);
    expect(steps.find((s) => s.name === 'Run tests')!.outcome).toBe('success');
    expect(only(steps, 'push').outcome).toBe('skipped');
    expect((await tagsOf(REPO)).filter((t) => t.includes(sha))).toEqual([]);
  });

  it('with a dockercfg generator of its own instead of the jet file, the generator writes the credentials the push uses', async () => {
    // A generator as Codeship ran one: it writes a dockercfg for the registry to the path it is given.
    const genDir = tempDir('roundtrip-generator');
    copyFileSync('/bin/busybox', join(genDir, 'busybox'));
    const script = 'printf \'{"auths":{"%s":{"auth":"%s"}}}\' "$REGISTRY" "$DOCKER_AUTH" > "$1"';
    writeFileSync(
      join(genDir, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        `ENTRYPOINT ${JSON.stringify(['/bin/busybox', 'sh', '-c', script, 'generator'])}`,
        '',
      ].join('\n'),
    );
    await dockerOk(d, ['build', '-q', '-t', 'regkit-test/roundtrip-dockercfg-generator:1', genDir]);

    const own = tempDir('roundtrip-own-generator');
    cpSync(project, own, { recursive: true });
    const services = readFileSync(join(own, 'codeship-services.yml'), 'utf8');
    writeFileSync(
      join(own, 'codeship-services.yml'),
      `${services}creds:\n  image: regkit-test/roundtrip-dockercfg-generator:1\n  encrypted_env_file: creds.env.encrypted\n`,
    );
    const steps = readFileSync(join(own, 'codeship-steps.yml'), 'utf8');
    writeFileSync(
      join(own, 'codeship-steps.yml'),
      steps.replace('encrypted_dockercfg_path: codeship-dockercfg.encrypted', 'dockercfg_service: creds'),
    );
    const env = `REGISTRY=${reg.host}\nDOCKER_AUTH=${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}\n`;
    writeFileSync(join(own, 'creds.env.encrypted'), encryptJetV2(Buffer.from(env), parseKey(KEY, 'test key')));
    rmSync(join(own, '.github'), { recursive: true });
    const converted = await runCli(['migrate', '--name', 'ci'], { cwd: own });
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(
      /dockercfg_service `creds` \(regkit-test\/roundtrip-dockercfg-generator\) is not one of Codeship's generators: it runs as a step before the login/,
    );
    const registries = parse(readFileSync(join(own, '.github/registries.yml'), 'utf8'));
    expect(registries.registries).toEqual([
      {
        name: expect.stringMatching(/^registry-127-0-0-1-\d+$/),
        provider: 'other',
        domain: reg.host,
        credentials: { dockercfg: '${RUNNER_TEMP}/codeship-dockercfg/creds/dockercfg' },
      },
    ]);

    const wf = parse(readFileSync(join(own, '.github/workflows/ci.yml'), 'utf8'));
    const job = Object.keys(wf.jobs).find((id) =>
      wf.jobs[id].steps.some((s: any) => /^regkit\/regkit\/push@/.test(s.uses ?? '')),
    )!;
    const sha = newSha();
    const push = pushRun({ branch: 'master', sha, repository: 'invision/segment-proxy', workflow: 'ci' });
    const ran = await runJob(wf, job, {
      workspace: own,
      push,
      secrets: { CODESHIP_AES_KEY: KEY },
      env: { ...d.env, REGKIT_BUILD_NETWORK: 'host' },
    });
    expect(failures(ran)).toEqual([]);
    for (const s of ran) if (s.result) expect(secretLeaks(s.result, [PASSWORD, KEY]).printed, s.name).toEqual([]);
    const names = ran.map((s) => s.name);
    expect(
      names.slice(
        names.indexOf('Generate registry credentials with creds'),
        names.indexOf('Log in to the registries') + 1,
      ),
    ).toHaveLength(2);
    expect(ran.find((s) => s.name === 'Log in to the registries')!.outcome).toBe('success');
    expect(ran.find((s) => s.kind === 'push')!.outputs.refs).toBe(`${reg.host}/${REPO}:master-${sha}`);
    expect((await getManifest(deployer(), REPO, `master-${sha}`)).status).toBe(200);
  });
});
