// Which builder is chosen from the docker clients on PATH (stand-in clients: shell scripts
// answering as each kind of client does), and the per-phase Docker config folders.
import { afterAll, describe, expect, it } from 'vitest';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';

import { join } from 'node:path';
import { detectBuilder, dockerClients } from '../../../src/docker/builder.js';
import { createPhaseConfig } from '../../../src/docker/phase-config.js';
import { accountsByDomain, loginPhase } from '../../../src/credentials/accounts.js';
import { parseRegistriesFile, registryByName } from '../../../src/registries-file/index.js';
import { basicAuth } from '../../../src/naming/index.js';
import { tempDir } from '../../env/processes.js';

const root = tempDir('builder');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder with a `docker` that answers `version` with `version` and `buildx version` as told. */
function client(name: string, version: string, buildx: string | false): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const bx =
    buildx === false
      ? 'echo "docker: unknown command: docker buildx" >&2; exit 1'
      : `[ "$2" = inspect ] && printf 'Name: b\\nDriver:  ${buildx}\\n'; exit 0`;
  writeFileSync(
    join(dir, 'docker'),
    `#!/bin/sh\ncase "$1" in\n  version) echo "${version}" ;;\n  buildx) ${bx} ;;\nesac\n`,
  );
  chmodSync(join(dir, 'docker'), 0o755);
  return dir;
}

const modern = client('modern', '28.2.2', false);
const old = client('old', '20.10.24+dfsg1', false);
const withBuildx = client('buildx', '27.0.1', 'docker-container');
const path = (...dirs: string[]) => ({ PATH: dirs.join(':') });

describe('detectBuilder', () => {
  it('uses buildx when the first client has it, with its driver', async () => {
    expect(await detectBuilder(path(withBuildx, old))).toEqual({
      kind: 'buildx',
      client: join(withBuildx, 'docker'),
      driver: 'docker-container',
    });
  });
  it("else a client older than 23 for the daemon's BuildKit, even when it is not first on PATH", async () => {
    expect(await detectBuilder(path(modern, old))).toEqual({ kind: 'buildkit', client: join(old, 'docker') });
  });
  it('else the legacy builder of the first client', async () => {
    expect(await detectBuilder(path(modern))).toEqual({ kind: 'legacy', client: join(modern, 'docker') });
  });
  it('follows REGKIT_BUILDER and REGKIT_DOCKER, and says what is missing', async () => {
    expect(await detectBuilder({ ...path(modern, old), REGKIT_BUILDER: 'legacy' })).toEqual({
      kind: 'legacy',
      client: join(modern, 'docker'),
    });
    expect(await detectBuilder({ ...path(modern), REGKIT_DOCKER: join(old, 'docker') })).toEqual({
      kind: 'buildkit',
      client: join(old, 'docker'),
    });
    await expect(detectBuilder({ ...path(modern), REGKIT_BUILDER: 'buildx' })).rejects.toThrow(/has no buildx plugin/);
    await expect(detectBuilder({ ...path(modern), REGKIT_BUILDER: 'kaniko' })).rejects.toThrow(
      'REGKIT_BUILDER=kaniko: use buildx, buildkit or legacy',
    );
    await expect(detectBuilder(path(join(root, 'nowhere')))).rejects.toThrow('no docker client on PATH');
  });
  it('lists each client once, in PATH order', () => {
    expect(dockerClients(path(old, modern, old))).toEqual([join(old, 'docker'), join(modern, 'docker')]);
  });
});

describe('phase configs', () => {
  function userConfig(): string {
    const dir = join(mkdtempSync(join(root, 'home-')), '.docker');
    mkdirSync(join(dir, 'buildx', 'instances'), { recursive: true });
    writeFileSync(join(dir, 'buildx', 'instances', 'b'), '{}');
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ auths: { 'other.example.com': { auth: basicAuth('u', 'p') } }, proxies: { default: {} } }),
    );
    return dir;
  }

  it('start from a copy of the user config, link buildx state, are private and removed without a trace', () => {
    const user = userConfig();
    const before = readFileSync(join(user, 'config.json'));
    const c = createPhaseConfig('build', { DOCKER_CONFIG: user, RUNNER_TEMP: root });
    expect(c.dir.startsWith(join(root, 'regkit-docker-build-'))).toBe(true);
    expect(statSync(c.dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(c.dir, 'config.json'))).toEqual(before);
    expect(lstatSync(join(c.dir, 'buildx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(c.dir, 'buildx'))).toBe(join(user, 'buildx'));
    c.remove();
    expect(existsSync(c.dir)).toBe(false);
    expect(existsSync(join(user, 'buildx', 'instances', 'b'))).toBe(true);
  });

  it("get the phase's logins through the login code, and leave the user config alone", async () => {
    const user = userConfig();
    const before = readFileSync(join(user, 'config.json'));
    const file = join(root, 'registries.yml');
    writeFileSync(
      file,
      [
        'version: 1',
        'registries:',
        '  - { name: reader, provider: other, domain: "reg.example.com", credentials: { username: reader, password: "${READER_PW}" } }',
        '  - { name: pusher, provider: other, domain: "reg.example.com", primary: true, credentials: { username: pusher, password: p-pw } }',
      ].join('\n'),
    );
    const registriesFile = parseRegistriesFile(readFileSync(file, 'utf8'), file);
    const masked: string[] = [];
    const ctx = {
      config: file,
      env: { DOCKER_CONFIG: user, RUNNER_TEMP: root, READER_PW: 'r-pw' },
      key: { env: {} },
      mask: (s: string) => masked.push(s),
    };
    const read = await loginPhase('build', accountsByDomain([registryByName(registriesFile, 'reader')]), ctx);
    const write = await loginPhase('push', accountsByDomain([registryByName(registriesFile, 'pusher')]), ctx);
    const auths = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).auths;
    expect(auths(read.dir)).toEqual({
      'other.example.com': { auth: basicAuth('u', 'p') },
      'reg.example.com': { auth: basicAuth('reader', 'r-pw') },
    });
    expect(auths(write.dir)['reg.example.com']).toEqual({ auth: basicAuth('pusher', 'p-pw') });
    expect(read.logins.map((l) => l.username)).toEqual(['reader']);
    expect(masked).toEqual(expect.arrayContaining(['r-pw', 'p-pw']));
    expect(readFileSync(join(user, 'config.json'))).toEqual(before);
    read.remove();
    write.remove();
    await expect(
      loginPhase('x', accountsByDomain([registryByName(registriesFile, 'reader')]), {
        ...ctx,
        env: { DOCKER_CONFIG: user, RUNNER_TEMP: root },
      }),
    ).rejects.toThrow(/READER_PW/);
    // A failed login leaves no folder behind.
    expect(readdirSync(root).filter((n) => n.startsWith('regkit-docker-'))).toEqual([]);
  });
});
