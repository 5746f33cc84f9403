// The login flow without an action around it: what it writes, and that the
// snapshot it hands out before writing is enough to undo a step that died.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';

import { join } from 'node:path';
import { logIn, type LoginOptions } from '../../../src/credentials/login.js';
import { restoreSnapshot, type Snapshot } from '../../../src/docker/snapshot.js';
import { basicAuth } from '../../../src/naming/index.js';
import { tempDir } from '../../env/processes.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('login');
  writeFileSync(
    join(dir, 'registries.yml'),
    [
      'version: 1',
      'registries:',
      '  - { name: one, provider: other, domain: one.example.com, credentials: { username: u1, password: "${ONE_PW}" } }',
      '  - { name: two, provider: other, domain: two.example.com:5000, credentials: { username: u2, password: p2 } }',
      '  - { name: hub, provider: dockerhub, credentials: { username: hubuser, password: hubpw } }',
      '  - { name: anon, provider: other, domain: anon.example.com }',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function options(cfgDir: string, extra: Partial<LoginOptions> = {}): LoginOptions {
  return {
    config: join(dir, 'registries.yml'),
    registries: [],
    registryContexts: [],
    verify: false,
    env: { ONE_PW: 'p1' },
    key: { env: {} },
    dockerConfigDir: cfgDir,
    mask: () => {},
    ...extra,
  };
}

describe('logIn', () => {
  it('writes one entry per domain, Docker Hub under its index URL, and reports anonymous registries', async () => {
    const cfgDir = join(dir, 'cfg1');
    const masked: string[] = [];
    const result = await logIn(options(cfgDir, { mask: (s) => masked.push(s) }));
    expect(JSON.parse(readFileSync(join(cfgDir, 'config.json'), 'utf8'))).toEqual({
      auths: {
        'one.example.com': { auth: basicAuth('u1', 'p1') },
        'two.example.com:5000': { auth: basicAuth('u2', 'p2') },
        'https://index.docker.io/v1/': { auth: basicAuth('hubuser', 'hubpw') },
      },
    });
    expect(result.logins.map((l) => [l.name, l.domain, l.username, l.verified])).toEqual([
      ['one', 'one.example.com', 'u1', false],
      ['two', 'two.example.com:5000', 'u2', false],
      ['hub', 'docker.io', 'hubuser', false],
    ]);
    expect(result.notLoggedIn).toEqual([
      { name: 'anon', domain: 'anon.example.com', reason: 'no credentials (anonymous)' },
    ]);
    expect(masked).toEqual(expect.arrayContaining(['p1', 'p2', 'hubpw', basicAuth('u1', 'p1')]));
  });

  it('hands out the snapshot before writing, so a step that dies after the write can still be undone', async () => {
    const cfgDir = join(dir, 'cfg2');
    mkdirSync(cfgDir);
    const original = '{"auths":{"one.example.com":{"auth":"b2xkOm9sZA=="}},"credsStore":"x"}';
    writeFileSync(join(cfgDir, 'config.json'), original);
    const saved: string[] = [];
    const onSnapshot = (s: Snapshot) => {
      saved.push(JSON.stringify(s));
      // What the state held when the step died: the config was written, the second save never happened.
      if (saved.length === 2) throw new Error('the runner killed the step');
    };
    await expect(logIn(options(cfgDir, { onSnapshot }))).rejects.toThrow('the runner killed the step');
    expect(readFileSync(join(cfgDir, 'config.json'), 'utf8')).not.toBe(original);
    expect(restoreSnapshot(JSON.parse(saved[0]))).toBe('restored');
    expect(readFileSync(join(cfgDir, 'config.json'), 'utf8')).toBe(original);
  });

  it('fails before writing anything when the existing config is not JSON', async () => {
    const cfgDir = join(dir, 'cfg3');
    mkdirSync(cfgDir);
    writeFileSync(join(cfgDir, 'config.json'), '{ broken');
    let snapshots = 0;
    await expect(logIn(options(cfgDir, { onSnapshot: () => snapshots++ }))).rejects.toThrow(
      `${join(cfgDir, 'config.json')}:1:3: not valid JSON`,
    );
    expect(snapshots).toBe(0);
    expect(readFileSync(join(cfgDir, 'config.json'), 'utf8')).toBe('{ broken');
  });

  it('does not touch the config when a credential cannot be resolved', async () => {
    const cfgDir = join(dir, 'cfg4');
    await expect(logIn(options(cfgDir, { env: {} }))).rejects.toThrow(/registry "one": \$\{ONE_PW\} is not set/);
    expect(existsSync(cfgDir)).toBe(false);
  });
});
