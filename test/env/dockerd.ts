/**
 * A real Docker engine (Debian's docker.io dockerd) for tests that need one.
 *
 *   const d = await startDockerd();          // shared by every test file of the run
 *   d.host; d.env                            // 'unix:///…/docker.sock', { DOCKER_HOST }
 *   const base = await baseImage(d);         // 'regkit-test/busybox:latest' (FROM scratch + busybox)
 *   const cfg = dockerConfig({ [reg.host]: { username: 'alice', password: 'a-pass' } });
 *   await dockerOk(d, ['tag', base, `${reg.host}/team/base:1`]);
 *   await dockerOk(d, ['push', `${reg.host}/team/base:1`], { config: cfg });
 *   const r = await docker(d, ['pull', ref], { config: cfg });   // { code, stdout, stderr }
 *   await d.stop();                          // shared: no-op (global teardown stops it)
 *   const own = await startDockerd({ shared: false });  await own.stop();   // a private one
 *
 * The daemon is started on first use, with its own --data-root, --exec-root, --pidfile,
 * socket and daemon.json under the run's state dir, its own containerd, and no
 * networking it would have to set up on the host: --bridge=none --iptables=false
 * --ip6tables=false --ip-masq=false. Loopback registries (127.0.0.0/8) are insecure by
 * default, so plain-http local registries work with no configuration.
 * In this sandbox: the legacy builder (`docker build`, what the `docker` client on PATH
 * uses without buildx) runs RUN steps fine; BuildKit (`DOCKER_BUILDKIT=1 /usr/bin/docker
 * build`, see DOCKER_CLI_BUILDKIT) needs `--network=host` (or none) for RUN steps,
 * because there is no default bridge network. Use unique repository names per test:
 * the shared daemon's image store is shared too.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { run, spawnTracked, stateDir, tempDir, type RunResult, type Tracked } from './processes.js';

/** The docker client on PATH (legacy builder here) and Debian's 20.10 client (daemon BuildKit). */
export const DOCKER_CLI = 'docker';
export const DOCKER_CLI_BUILDKIT = '/usr/bin/docker';
export const BASE_IMAGE = 'regkit-test/busybox:latest';

export interface Dockerd {
  host: string;
  socket: string;
  env: { DOCKER_HOST: string };
  dir: string;
  logFile: string;
  shared: boolean;
  stop(): Promise<void>;
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function launch(
  dir: string,
  opts: { detachFromWorker: boolean },
): Promise<{ proc: Tracked; socket: string; logFile: string }> {
  mkdirSync(dir, { recursive: true });
  const socket = join(dir, 'docker.sock');
  const logFile = join(dir, 'dockerd.log');
  const configFile = join(dir, 'daemon.json');
  // Our own daemon.json, so /etc/docker/daemon.json on the machine does not apply.
  writeFileSync(configFile, '{}\n');
  const args = [
    `--config-file=${configFile}`,
    `--data-root=${join(dir, 'data')}`,
    `--exec-root=${join(dir, 'exec')}`,
    `--pidfile=${join(dir, 'docker.pid')}`,
    `--host=unix://${socket}`,
    '--bridge=none',
    '--iptables=false',
    '--ip6tables=false',
    '--ip-masq=false',
    '--userland-proxy=false',
    '--shutdown-timeout=3',
  ];
  if (process.env.REGKIT_DOCKERD_STORAGE) args.push(`--storage-driver=${process.env.REGKIT_DOCKERD_STORAGE}`);
  // If dockerd dies outright, its containerd, shims and containers must not outlive it.
  const proc = spawnTracked('dockerd', args, {
    name: 'dockerd',
    logFile,
    cleanupDir: dir,
    cgroupNamesDir: join(dir, 'data', 'containers'),
  });
  if (opts.detachFromWorker) proc.child.unref();
  const until = Date.now() + 60_000;
  while (!(await ping(socket))) {
    if (!proc.running() || Date.now() > until) {
      await proc.stop();
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      throw new Error(`dockerd did not start (log ${logFile}):\n${log.split('\n').slice(-15).join('\n')}`);
    }
    await sleep(50);
  }
  return { proc, socket, logFile };
}

function handle(dir: string, socket: string, logFile: string, shared: boolean, stop: () => Promise<void>): Dockerd {
  const host = `unix://${socket}`;
  return { host, socket, env: { DOCKER_HOST: host }, dir, logFile, shared, stop };
}

/** The run's shared daemon (started by whichever test file asks first), or a private one. */
export async function startDockerd(opts: { shared?: boolean } = {}): Promise<Dockerd> {
  if (opts.shared === false) {
    const dir = tempDir('dockerd');
    const { proc, socket, logFile } = await launch(dir, { detachFromWorker: false });
    return handle(dir, socket, logFile, false, async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = join(stateDir(), 'dockerd');
  const lock = join(stateDir(), 'dockerd.lock');
  const info = join(stateDir(), 'dockerd.json');
  const until = Date.now() + 90_000;
  for (;;) {
    if (existsSync(info)) {
      const { socket, logFile } = JSON.parse(readFileSync(info, 'utf8')) as { socket: string; logFile: string };
      if (await ping(socket)) return handle(dir, socket, logFile, true, async () => {});
      throw new Error(`the shared dockerd stopped answering (log ${logFile})`);
    }
    let mine = false;
    try {
      mkdirSync(lock); // atomic: exactly one test file starts the shared daemon
      mine = true;
    } catch {
      /* another file is starting it */
    }
    if (mine) {
      try {
        // Started for the whole run: it outlives this worker; global teardown stops it.
        const { socket, logFile } = await launch(dir, { detachFromWorker: true });
        writeFileSync(info, JSON.stringify({ socket, logFile }));
      } catch (err) {
        rmSync(lock, { recursive: true, force: true });
        throw err;
      }
      continue;
    }
    if (Date.now() > until) throw new Error('timed out waiting for the shared dockerd to start');
    await sleep(100);
  }
}

/** A DOCKER_CONFIG folder whose config.json has `auths` written directly (no docker login). */
export function dockerConfig(
  auths: Record<string, { username: string; password: string }> = {},
  extra: object = {},
): string {
  const dir = tempDir('docker-config');
  const entries = Object.fromEntries(
    Object.entries(auths).map(([host, c]) => [
      host,
      { auth: Buffer.from(`${c.username}:${c.password}`).toString('base64') },
    ]),
  );
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: entries, ...extra }, null, 2), { mode: 0o600 });
  return dir;
}

export interface DockerRunOptions {
  /** DOCKER_CONFIG folder; default an empty one, never the user's ~/.docker. */
  config?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string | Buffer;
  /** Which client: DOCKER_CLI (default) or DOCKER_CLI_BUILDKIT. */
  client?: string;
}

let emptyConfig: string | undefined;

export function docker(d: Dockerd, args: string[], opts: DockerRunOptions = {}): Promise<RunResult> {
  const config = opts.config ?? (emptyConfig ??= dockerConfig());
  const client = opts.client ?? DOCKER_CLI;
  const env = {
    ...process.env,
    ...d.env,
    DOCKER_CONFIG: config,
    ...(client === DOCKER_CLI_BUILDKIT ? { DOCKER_BUILDKIT: '1' } : {}),
    ...opts.env,
  };
  return run(client, args, { env, cwd: opts.cwd, input: opts.input, name: 'docker' });
}

/** docker(), throwing with the output when the command fails; returns stdout. */
export async function dockerOk(d: Dockerd, args: string[], opts: DockerRunOptions = {}): Promise<string> {
  const r = await docker(d, args, opts);
  if (r.code !== 0)
    throw new Error(`docker ${args.join(' ')} exited ${r.code}:\n${r.stderr.trim()}\n${r.stdout.trim()}`.trim());
  return r.stdout;
}

/** A base image with busybox (from busybox-static) built without the internet: FROM it in test Dockerfiles. */
export async function baseImage(d: Dockerd): Promise<string> {
  if ((await docker(d, ['image', 'inspect', BASE_IMAGE])).code === 0) return BASE_IMAGE;
  const ctx = tempDir('base-image');
  copyFileSync('/bin/busybox', join(ctx, 'busybox'));
  writeFileSync(
    join(ctx, 'Dockerfile'),
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      'ENV PATH=/bin',
      'CMD ["/bin/sh"]',
      '',
    ].join('\n'),
  );
  await dockerOk(d, ['build', '-q', '-t', BASE_IMAGE, ctx]);
  return BASE_IMAGE;
}
