// Installing buildx where the runner's Docker has none: the real @actions/tool-cache against a
// loopback release server, the sha256 check, the runner's tool cache, and the link the real
// Docker CLI (28, no buildx of its own) then runs as its buildx plugin.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { installBuildx, buildxPlatform } from '../../src/docker/buildx-install.js';
import { UserError } from '../../src/errors.js';
import { startReleaseServer, type ReleaseServer } from '../env/release-server.js';
import { buildxStandIn, releaseTable } from '../env/buildx-stand-in.js';
import { run, tempDir } from '../env/processes.js';
import { DOCKER_CLI } from '../env/dockerd.js';

const VERSION = '0.0.0-test';
const platform = buildxPlatform()!;
const asset = `/v${VERSION}/buildx-v${VERSION}.${platform}`;
const bytes = buildxStandIn(VERSION);
const globals = globalThis as Record<string, unknown>;
let srv: ReleaseServer;
let env: NodeJS.ProcessEnv;
let lines: string[];
const saved = { ...process.env };

beforeAll(async () => {
  srv = await startReleaseServer();
  srv.files.set(`/files${asset}`, bytes);
  // tool-cache waits 10–20 s between attempts; its own test hook shortens that.
  globals.TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS = 0;
  globals.TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS = 0;
});
afterAll(async () => {
  delete globals.TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS;
  delete globals.TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS;
  await srv?.close();
});

beforeEach(() => {
  // A runner: its tool cache and temp folder (tool-cache reads them from process.env), a Docker config.
  const root = tempDir('runner');
  Object.assign(process.env, { RUNNER_TOOL_CACHE: join(root, 'tool-cache'), RUNNER_TEMP: join(root, 'temp') });
  env = {
    ...process.env,
    DOCKER_CONFIG: join(root, 'docker'),
    REGKIT_TEST_BUILDX_RELEASE: releaseTable(root, VERSION, bytes, platform),
  };
  srv.files.set(asset, bytes);
  srv.intercept = undefined;
  srv.requests.length = 0;
  lines = [];
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

const install = (mirror = srv.url) => installBuildx({ env, mirror, log: (l) => lines.push(l) });
const plugin = () => join(env.DOCKER_CONFIG!, 'cli-plugins', 'docker-buildx');

describe('installing buildx with the Actions tool cache', () => {
  it('follows a redirect with an absolute Location, checks the sha256, links the plugin, and the next job reuses the tool cache', async () => {
    srv.intercept = (req, res) => {
      if (!req.url?.startsWith('/v')) return false;
      res.writeHead(302, { location: `${srv.url}/files${req.url}` }).end();
      return true;
    };
    const first = await install(`${srv.url}/`);
    expect(srv.requests.map((r) => `${r.path} ${r.status}`)).toEqual([`${asset} 302`, `/files${asset} 200`]);
    expect(first).toMatchObject({ cached: false, version: VERSION, url: `${srv.url}${asset}` });
    expect(first.binary.startsWith(process.env.RUNNER_TOOL_CACHE!)).toBe(true);
    expect(readlinkSync(plugin())).toBe(first.binary);
    // The real Docker CLI runs it as its buildx plugin.
    const v = await run(DOCKER_CLI, ['buildx', 'version'], {
      env: { ...process.env, DOCKER_CONFIG: env.DOCKER_CONFIG },
    });
    expect(v.stdout.trim()).toBe(`github.com/docker/buildx v${VERSION} regkit-test-stand-in`);

    // Another job on this runner: a new Docker config, the same tool cache, no download.
    env.DOCKER_CONFIG = join(tempDir('docker'), 'cfg');
    srv.requests.length = 0;
    const second = await install();
    expect(second).toMatchObject({ cached: true, binary: first.binary });
    expect(srv.requests).toEqual([]);
    expect(readlinkSync(plugin())).toBe(first.binary);
  });

  it('retries a 503 and takes the 200 that follows', async () => {
    srv.intercept = (_req, res) => {
      if (srv.requests.length > 1) return false;
      res.writeHead(503).end('busy');
      return true;
    };
    const r = await install();
    expect(srv.requests.map((q) => q.status)).toEqual([503, 200]);
    expect(r.cached).toBe(false);
    expect(existsSync(plugin())).toBe(true);
  });

  it('refuses a download whose sha256 is not the pinned one, in one line, and keeps nothing of it', async () => {
    srv.files.set(asset, Buffer.concat([bytes, Buffer.from('# tampered\n')]));
    const err = await install().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      new RegExp(
        `^buildx-mirror: ${srv.url}${asset} has sha256 [0-9a-f]{64}, not the [0-9a-f]{64} published for buildx ${VERSION} ${platform} — refused; check the mirror$`,
      ),
    );
    expect(existsSync(plugin())).toBe(false);
    expect(existsSync(join(process.env.RUNNER_TOOL_CACHE!, 'docker-buildx'))).toBe(false);
  });

  it('a mirror that does not have the release is one line naming the URL', async () => {
    const err = await install(`${srv.url}/nothing-here`).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      `buildx-mirror: download of ${srv.url}/nothing-here${asset} failed: Unexpected HTTP response: 404 — check buildx-mirror, or install buildx on the runner`,
    );
    // 404 is not retried.
    expect(srv.requests).toHaveLength(1);
  });
});
