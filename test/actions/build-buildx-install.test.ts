// The build action on a runner whose Docker has no buildx, asked for a platform: it installs
// buildx from a mirror (a loopback release server serving a stand-in plugin that builds on
// the daemon's BuildKit), builds with it, and the next job takes it from the tool cache.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../harness/action.js';
import { startReleaseServer, type ReleaseServer } from '../env/release-server.js';
import { buildxStandIn, releaseTable } from '../env/buildx-stand-in.js';
import { tempDir } from '../env/processes.js';
import { DOCKER_CLI, dockerOk, startDockerd, type Dockerd } from '../env/dockerd.js';
import { buildxPlatform } from '../../src/docker/buildx-install.js';
import { pushEvent, unique, workspace } from './build-fixture.js';

const VERSION = '0.0.0-test';
let d: Dockerd;
let srv: ReleaseServer;
beforeAll(async () => {
  [d, srv] = await Promise.all([startDockerd(), startReleaseServer()]);
  srv.files.set(`/v${VERSION}/buildx-v${VERSION}.${buildxPlatform()}`, buildxStandIn(VERSION));
});
afterAll(async () => srv?.close());

it('installs buildx from the mirror for a platform build, builds with it, and the next job reuses the tool cache', async () => {
  const root = tempDir('runner');
  const table = releaseTable(root, VERSION, buildxStandIn(VERSION), buildxPlatform()!);
  // The Docker 28 client alone: no buildx plugin, no older client for BuildKit.
  const client = execFileSync('sh', ['-c', `command -v ${DOCKER_CLI}`])
    .toString()
    .trim();
  const name = unique('bx');
  const build = () =>
    runAction('build', {
      cwd: workspace([{ name: 'local', provider: 'other', domain: 'registry.example.com' }], {
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
        'hello.txt': 'hi\n',
      }),
      inputs: {
        'image-name': name,
        'disable-push': true,
        platforms: 'linux/amd64',
        'buildx-mirror': srv.url,
        cache: 'false',
      },
      env: {
        ...d.env,
        ...pushEvent('main'),
        REGKIT_DOCKER: client,
        RUNNER_TOOL_CACHE: join(root, 'tool-cache'),
        REGKIT_TEST_BUILDX_RELEASE: table,
      },
    });

  const first = await build();
  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain(
    `buildx ${VERSION}: the runner's Docker has no buildx plugin; downloading ${srv.url}/v${VERSION}/`,
  );
  expect(first.stdout).toContain('buildx stand-in: docker build');
  expect(first.summary).toContain('| Builder | buildx (docker) |');
  expect(srv.requests.map((r) => r.status)).toEqual([200]);
  expect((await dockerOk(d, ['image', 'inspect', '--format', '{{.Id}}', first.outputs.image])).trim()).toBe(
    JSON.parse(first.outputs.metadata).imageId,
  );

  // The next job on this runner: a new HOME (Docker config), the same tool cache.
  const second = await build();
  expect(second.code).toBe(0);
  expect(second.stdout).toContain(`buildx ${VERSION}: found in the runner's tool cache`);
  expect(srv.requests).toHaveLength(1);
});

it('a legacy builder with a cache in use tries buildx too; a download refused for its sha256 is a warning, and the legacy builder builds', async () => {
  const root = tempDir('runner');
  // The table pins other bytes than the mirror serves.
  const table = releaseTable(root, VERSION, Buffer.from('not what the mirror has'), buildxPlatform()!);
  const client = execFileSync('sh', ['-c', `command -v ${DOCKER_CLI}`])
    .toString()
    .trim();
  srv.requests.length = 0;
  const r = await runAction('build', {
    cwd: workspace([{ name: 'local', provider: 'other', domain: 'registry.example.com' }], {
      Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
      'hello.txt': 'legacy\n',
    }),
    inputs: { 'image-name': unique('bx'), 'disable-push': true, 'buildx-mirror': srv.url, cache: 'actions' },
    env: {
      ...d.env,
      ...pushEvent('main'),
      REGKIT_DOCKER: client,
      RUNNER_TOOL_CACHE: join(root, 'tool-cache'),
      REGKIT_TEST_BUILDX_RELEASE: table,
    },
  });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.warnings[0]).toMatch(
    new RegExp(
      `^buildx-mirror: ${srv.url}/v${VERSION}/\\S+ has sha256 [0-9a-f]{64}, not the [0-9a-f]{64} published for buildx ${VERSION} \\S+ — refused; check the mirror; building with the legacy builder$`,
    ),
  );
  // No cache service is offered to this step: cache: actions says so too.
  expect(r.warnings.slice(1)).toEqual([
    expect.stringMatching(/^cache: the Actions cache service is not available to this step/),
  ]);
  expect(r.summary).toContain('| Builder | legacy |');
  expect(srv.requests).toHaveLength(1);
  expect(existsSync(join(r.home, '.docker', 'cli-plugins', 'docker-buildx'))).toBe(false);
});
