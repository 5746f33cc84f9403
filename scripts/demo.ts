/**
 * The main job end to end, against local registries this script starts:
 * a key, an encrypted (jet) dockercfg, a registries file, then — as the GitHub
 * runner would run them — login, build + push with a Go-template tag, promote
 * to a second registry with release tags, a real `docker pull` of the result,
 * and the login post step putting the Docker config back.
 *
 * Run with `npm run demo` (bundles this file with ncc: node 20 runs no .ts).
 * Everything it starts is stopped by PID when it ends, also on failure.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDockerd, startRegistry, baseImage, dockerOk, docker, tempDir, runOk } from '../test/env/index.js';
import { killRecorded, stateDir } from '../test/env/processes.js';
import { runAction, type ActionResult } from '../test/harness/action.js';
import { runCli } from '../test/harness/cli.js';

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
function step(title: string) {
  console.log(`\n${bold(`▶ ${title}`)}`);
}
function show(text: string) {
  for (const line of text.trimEnd().split('\n')) console.log(`  ${line}`);
}
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}
function actionOk(r: ActionResult, name: string): ActionResult {
  // Workflow commands (::group::, ::add-mask:: …) are for the runner, not for reading.
  const lines = r.stdout.split('\n').filter((l) => l && !/^::[a-z0-9-]+::/.test(l));
  show(lines.join('\n'));
  if (r.code !== 0) throw new Error(`${name} failed: ${r.errors.join(' ') || r.stderr.trim()}`);
  if (r.summary.trim()) show(`job summary:\n${r.summary}`);
  return r;
}
async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  console.log(`  $ regkit ${args.join(' ')}`);
  const r = await runCli(args, { cwd, env });
  show(r.stdout + r.stderr);
  if (r.code !== 0) throw new Error(`regkit ${args[0]} exited ${r.code}`);
  return r;
}

async function main() {
  step('Start a Docker engine and two registries on 127.0.0.1');
  const dockerd = await startDockerd({ shared: false });
  const staging = await startRegistry({ auth: 'htpasswd', users: { ci: 'staging-pass' } });
  const prod = await startRegistry({
    auth: 'token',
    users: { deployer: 'prod-pass', reader: 'read-pass' },
    access: { reader: [{ repo: '*', actions: ['pull'] }] },
  });
  show(
    `staging  ${staging.url}  (htpasswd: ci)\nprod     ${prod.url}  (token auth: deployer can push, reader can only pull)`,
  );

  const ws = tempDir('demo-workspace');
  const dockerConfig = join(ws, '.docker-config');
  mkdirSync(join(ws, '.github'), { recursive: true });
  mkdirSync(dockerConfig, { recursive: true });
  writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: {}, credsStore: '' }, null, 2) + '\n');
  const before = readFileSync(join(dockerConfig, 'config.json'));
  await runOk('git', ['init', '-q', '-b', 'main', ws]);
  await runOk('git', [
    '-C',
    ws,
    '-c',
    'user.name=Demo',
    '-c',
    'user.email=demo@example.com',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'Demo commit',
  ]);
  const sha = (await runOk('git', ['-C', ws, 'rev-parse', 'HEAD'])).trim();

  step('A key, an encrypted dockercfg (jet v2, as Codeship wrote them), a registries file');
  await cli(['generate', '--key-path', 'codeship.aes'], ws);
  const key = readFileSync(join(ws, 'codeship.aes'), 'utf8').trim();
  const auth = Buffer.from('ci:staging-pass').toString('base64');
  writeFileSync(join(ws, 'dockercfg.json'), JSON.stringify({ auths: { [staging.host]: { auth } } }));
  await cli(
    ['encrypt', 'dockercfg.json', '.github/dockercfg.encrypted', '--format', 'jet', '--key-path', 'codeship.aes'],
    ws,
  );
  writeFileSync(
    join(ws, '.github/registries.yml'),
    [
      'version: 1',
      'default: staging',
      'registries:',
      '  - name: staging',
      '    provider: other',
      `    domain: ${staging.host}`,
      '    prefix: acme',
      '    credentials:',
      '      encrypted_dockercfg: .github/dockercfg.encrypted',
      '  - name: prod',
      '    provider: other',
      `    domain: ${prod.host}`,
      '    prefix: acme-prod',
      '    credentials: { username: deployer, password: "${PROD_PASSWORD}" }',
      '',
    ].join('\n'),
  );
  show(readFileSync(join(ws, '.github/registries.yml'), 'utf8'));
  const env = {
    ...dockerd.env,
    DOCKER_CONFIG: dockerConfig,
    PROD_PASSWORD: 'prod-pass',
    REGKIT_AES_KEY: key,
    GITHUB_REPOSITORY: 'acme/demo',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_ACTOR: 'demo',
    GITHUB_SERVER_URL: 'https://github.com',
  };
  await cli(['validate'], ws, { PROD_PASSWORD: 'prod-pass', REGKIT_AES_KEY: key });

  step('A base image in the staging registry (built from busybox-static, no internet)');
  const base = await baseImage(dockerd);
  const baseRef = `${staging.host}/base/busybox:1`;
  await dockerOk(dockerd, ['tag', base, baseRef]);
  const stagingOnly = join(tempDir('demo-cfg'), 'config.json');
  writeFileSync(stagingOnly, JSON.stringify({ auths: { [staging.host]: { auth } } }));
  await dockerOk(dockerd, ['push', baseRef], { config: join(stagingOnly, '..') });
  writeFileSync(join(ws, 'Dockerfile'), `FROM ${baseRef}\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n`);
  writeFileSync(join(ws, 'hello.txt'), 'hello from a regkit demo image\n');

  step('login (root action): both registries, verified in parallel, config merged');
  const login = actionOk(await runAction('login', { cwd: ws, env, post: 'later' }), 'login');
  check(!readFileSync(join(dockerConfig, 'config.json'), 'utf8').includes('prod-pass'), 'password in clear in config');

  step('build: FROM the staging registry, pushed to the default registry with its prefix');
  const build = actionOk(
    await runAction('build', {
      cwd: ws,
      env,
      inputs: { 'image-name': 'app', tags: '{{ .Branch }}-{{ printf "%.8s" .CommitID }}' },
    }),
    'build',
  );
  const built = build.outputs.refs.split('\n')[0];
  show(`image ${built}\ndigest ${build.outputs.digest}`);

  step('promote: staging → prod with release tags, registry to registry, no daemon');
  const promote = actionOk(
    await runAction('promote', {
      cwd: ws,
      env,
      inputs: { source: built, registry: 'prod', 'image-name': 'app', tags: '1.0.0\nlatest' },
    }),
    'promote',
  );
  check(promote.outputs.digest === build.outputs.digest, 'promoted digest differs from the built one');

  step('the real Docker client pulls and runs the promoted image');
  const promoted = `${prod.host}/acme-prod/app:1.0.0`;
  await dockerOk(dockerd, ['pull', promoted], { config: dockerConfig });
  const run = await docker(dockerd, ['run', '--rm', promoted], { config: dockerConfig });
  show(`$ docker run --rm ${promoted}\n${run.stdout}`);
  check(run.stdout.includes('hello from a regkit demo image'), 'the promoted image did not run');

  step('tags: Codeship templates rendered as Go renders them');
  await cli(
    [
      'render',
      '{{ .Branch }}-{{ .CommitID }}',
      '{{ printf "%.8s" .CommitID }}',
      '{{ .Time.Format "20060102" }}',
      '--var',
      `CommitID=${sha}`,
      '--var',
      'Branch=feature/login',
    ],
    ws,
  );

  step("login's post step: the Docker config is back as it was");
  const post = await login.runPost!();
  check(post.code === 0, `post step failed: ${post.errors.join(' ')}`);
  const after = readFileSync(join(dockerConfig, 'config.json'));
  check(after.equals(before), 'config.json differs from before');
  show('config.json is byte-identical to the one before login');
  console.log(`\n${bold('demo passed')}`);
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(`\ndemo failed: ${(err as Error).message}`);
} finally {
  if (existsSync(stateDir())) {
    await killRecorded(stateDir());
    rmSync(stateDir(), { recursive: true, force: true });
  }
}
// In-process servers (token server) would keep the event loop alive.
process.exit(failed ? 1 : 0);
