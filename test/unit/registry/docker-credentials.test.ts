import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerCredential } from '../../../src/registry/docker-credentials.js';
import { tempDir } from '../../env/processes.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function configDir(doc: unknown): string {
  const dir = tempDir('dc');
  writeFileSync(join(dir, 'config.json'), JSON.stringify(doc));
  return dir;
}

describe('dockerCredential', () => {
  it('reads auths under the key our login writes and under other spellings', async () => {
    const dir = configDir({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubber:hub-pass') },
        'ghcr.io': { auth: b64('octo:gh:pass') },
        'https://quay.io': { username: 'q', password: 'q-pass' },
        'http://localhost:5000/v2/': { auth: b64('local:l-pass') },
      },
    });
    const env = { DOCKER_CONFIG: dir };
    for (const hub of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
      expect(await dockerCredential(hub, env)).toEqual({ username: 'hubber', password: 'hub-pass' });
    }
    expect(await dockerCredential('ghcr.io', env)).toEqual({ username: 'octo', password: 'gh:pass' });
    expect(await dockerCredential('quay.io', env)).toEqual({ username: 'q', password: 'q-pass' });
    expect(await dockerCredential('localhost:5000', env)).toEqual({ username: 'local', password: 'l-pass' });
    expect(await dockerCredential('localhost:5001', env)).toBeUndefined();
  });

  it('uses ~/.docker/config.json without DOCKER_CONFIG, and anonymous without a file', async () => {
    const home = tempDir('home');
    expect(await dockerCredential('ghcr.io', { HOME: home })).toBeUndefined();
    mkdirSync(join(home, '.docker'));
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({ auths: { 'ghcr.io': { auth: b64('me:pw') } } }),
    );
    expect(await dockerCredential('ghcr.io', { HOME: home })).toEqual({ username: 'me', password: 'pw' });
  });

  it('keeps identity tokens apart from passwords', async () => {
    const dir = configDir({
      auths: { 'acme.azurecr.io': { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh-me' } },
    });
    expect(await dockerCredential('acme.azurecr.io', { DOCKER_CONFIG: dir })).toEqual({
      username: '<token>',
      password: '',
      identityToken: 'refresh-me',
    });
  });

  it('asks a credential helper named for the registry, and skips it when the entry is empty', async () => {
    const bin = tempDir('bin');
    // A helper that answers for the server URL it is given on stdin.
    writeFileSync(
      join(bin, 'docker-credential-fake'),
      '#!/bin/sh\nread server\necho "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"helper-user\\",\\"Secret\\":\\"secret-for-$server\\"}"\n',
    );
    chmodSync(join(bin, 'docker-credential-fake'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}` };
    const dir = configDir({
      credHelpers: { 'ghcr.io': 'fake', 'quay.io': '' },
      credsStore: 'fake',
      auths: { 'quay.io': { auth: b64('file:user') } },
    });
    expect(await dockerCredential('ghcr.io', { ...env, DOCKER_CONFIG: dir })).toEqual({
      username: 'helper-user',
      password: 'secret-for-ghcr.io',
    });
    expect(await dockerCredential('quay.io', { ...env, DOCKER_CONFIG: dir })).toEqual({
      username: 'file',
      password: 'user',
    });
    // Docker Hub is asked for by its index URL; the store serves what no helper or auths entry does.
    expect(await dockerCredential('docker.io', { ...env, DOCKER_CONFIG: dir })).toEqual({
      username: 'helper-user',
      password: 'secret-for-https://index.docker.io/v1/',
    });
  });

  it('names the file for a broken entry', async () => {
    const dir = configDir({ auths: { 'ghcr.io': { auth: b64('no-colon') } } });
    await expect(dockerCredential('ghcr.io', { DOCKER_CONFIG: dir })).rejects.toThrow(
      `${join(dir, 'config.json')}: auths["ghcr.io"]: "auth" is not base64 of username:password; log in again`,
    );
  });
});
