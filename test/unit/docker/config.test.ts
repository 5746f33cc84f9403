import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import {
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  existsSync,
  lstatSync,
  readdirSync,
} from 'node:fs';

import { join } from 'node:path';
import { dockerConfigDir, parseConfig, addLogins, formatConfig, writeAtomic } from '../../../src/docker/config.js';
import { basicAuth, configKey } from '../../../src/naming/index.js';
import { takeSnapshot, planWrite, commitWrite, restoreSnapshot } from '../../../src/docker/snapshot.js';
import { UserError } from '../../../src/errors.js';
import { tempDir } from '../../env/processes.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('dcfg');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const alice = { domain: 'reg.example:5000', username: 'alice', password: 's3cret:with:colons' };
const hub = { domain: 'docker.io', username: 'bob', password: 'hubpass' };

function login(cfgDir: string, logins = [alice]) {
  const snap = takeSnapshot(cfgDir);
  commitWrite(snap, planWrite(snap, logins));
  return snap;
}

describe('where the config is', () => {
  it('uses DOCKER_CONFIG, else HOME/.docker', () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: '/x/y', HOME: '/h' })).toBe('/x/y');
    expect(dockerConfigDir({ HOME: '/h' })).toBe('/h/.docker');
    expect(dockerConfigDir({ DOCKER_CONFIG: '  ', HOME: '/h' })).toBe('/h/.docker');
  });
  it('stores Docker Hub under its index URL and other registries by host[:port]', () => {
    expect(configKey('docker.io')).toBe('https://index.docker.io/v1/');
    expect(configKey('ghcr.io')).toBe('ghcr.io');
    expect(configKey('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });
});

describe('adding logins', () => {
  it('writes base64(user:pass) and keeps every other key', () => {
    const doc = parseConfig(
      JSON.stringify({
        auths: { 'other.io': { auth: 'eA==' } },
        proxies: { default: { httpProxy: 'p' } },
        plugins: { x: 1 },
      }),
      'c',
    );
    const touched = addLogins(doc, [alice, hub], 'c');
    expect(touched).toEqual({ auths: ['reg.example:5000', 'https://index.docker.io/v1/'], credHelpers: [] });
    expect(doc).toEqual({
      auths: {
        'other.io': { auth: 'eA==' },
        'reg.example:5000': { auth: Buffer.from('alice:s3cret:with:colons').toString('base64') },
        'https://index.docker.io/v1/': { auth: basicAuth('bob', 'hubpass') },
      },
      proxies: { default: { httpProxy: 'p' } },
      plugins: { x: 1 },
    });
  });
  it('sends the client back to the file where a credential store or helper would take over', () => {
    const doc = parseConfig(JSON.stringify({ credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' } }), 'c');
    const touched = addLogins(doc, [alice], 'c');
    expect(doc.credHelpers).toEqual({ 'gcr.io': 'gcloud', 'reg.example:5000': '' });
    expect(doc.credsStore).toBe('desktop');
    expect(touched.credHelpers).toEqual(['reg.example:5000']);

    const helperOnly = parseConfig(
      JSON.stringify({ credHelpers: { 'reg.example:5000': 'ecr-login', 'x.io': 'y' } }),
      'c',
    );
    addLogins(helperOnly, [alice, { ...alice, domain: 'z.io' }], 'c');
    expect(helperOnly.credHelpers).toEqual({ 'reg.example:5000': '', 'x.io': 'y' });
  });
  it("names the line and column of broken JSON, never the text around it (another registry's user:pass)", () => {
    const b64 = Buffer.from('bob:Sk7-other-registry-pw').toString('base64');
    const text = `{\n\t"auths": {\n\t\t"a.example": { "auth": "${b64}" }\n\t\t"b.example": {}\n\t}\n}\n`;
    let message = '';
    try {
      parseConfig(text, '/c/config.json');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('/c/config.json:4:3: not valid JSON; fix or remove the Docker config');
    for (let i = 0; i + 6 <= b64.length; i++) expect(message).not.toContain(b64.slice(i, i + 6));
  });

  it('rejects a config that is not a JSON object, naming the file', () => {
    expect(() => parseConfig('{"auths": ', '/c/config.json')).toThrow(/\/c\/config\.json:1:\d+: not valid JSON/);
    expect(() => parseConfig('[]', '/c/config.json')).toThrow(UserError);
    expect(() => addLogins({ auths: [] } as never, [alice], 'f')).toThrow(/"auths" must be a JSON object/);
    expect(parseConfig('', 'c')).toEqual({});
  });
});

describe('writing', () => {
  it('creates the folder and a 0600 file, atomically, leaving no temporary files', () => {
    const cfg = join(dir, 'new', 'docker');
    login(cfg, [alice]);
    const file = join(cfg, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).auths['reg.example:5000'].auth).toBe(
      basicAuth(alice.username, alice.password),
    );
    expect(readdirSync(cfg)).toEqual(['config.json']);
  });
  it('narrows a wider existing mode to 0600 and keeps a symlinked config a symlink', () => {
    const real = join(dir, 'real.json');
    writeFileSync(real, '{}', { mode: 0o644 });
    const cfg = join(dir, 'cfg');
    mkdirSync(cfg);
    symlinkSync(real, join(cfg, 'config.json'));
    const snap = login(cfg);
    expect(lstatSync(join(cfg, 'config.json')).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    restoreSnapshot(snap);
    expect(readFileSync(real, 'utf8')).toBe('{}');
    expect(statSync(real).mode & 0o777).toBe(0o644);
  });
  it('fails with one line naming the file when it cannot write', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    expect(() => writeAtomic(join(blocker, 'config.json'), '{}')).toThrow(
      new RegExp(`cannot write the Docker config ${blocker}/config.json`),
    );
  });
});

describe('restoring', () => {
  const original =
    '{\n  "auths": {\n    "reg.example:5000": {"auth": "b2xkOm9sZA=="}\n  },\n  "credsStore": "",\n  "HttpHeaders": {"X": "1"}\n}';

  it('puts back the exact bytes and mode: replaced entries restored, added ones gone', () => {
    writeFileSync(join(dir, 'config.json'), original, { mode: 0o640 });
    const snap = login(dir, [alice, hub]);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toBe(original);
    expect(restoreSnapshot(snap)).toBe('restored');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(original);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o640);
  });
  it('removes a file, and a folder, that did not exist before', () => {
    const cfg = join(dir, 'fresh');
    const snap = login(cfg);
    expect(restoreSnapshot(snap)).toBe('restored');
    expect(existsSync(cfg)).toBe(false);
  });
  it('keeps the folder when something else was written into it since', () => {
    const cfg = join(dir, 'fresh');
    const snap = login(cfg);
    writeFileSync(join(cfg, 'buildx-state'), 'x');
    restoreSnapshot(snap);
    expect(readdirSync(cfg)).toEqual(['buildx-state']);
  });
  it('restores even when the main step died between taking the snapshot and recording the write', () => {
    writeFileSync(join(dir, 'config.json'), original);
    const snap = takeSnapshot(dir);
    const saved = JSON.parse(JSON.stringify(snap)); // what the state held before writing
    commitWrite(snap, planWrite(snap, [alice]));
    expect(restoreSnapshot(saved)).toBe('restored');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(original);
  });
  it('does nothing when nothing was written', () => {
    writeFileSync(join(dir, 'config.json'), original);
    expect(restoreSnapshot(takeSnapshot(dir))).toBe('unchanged');
    expect(restoreSnapshot(takeSnapshot(join(dir, 'none')))).toBe('unchanged');
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
  it('undoes only its own entries when a later step changed the file', () => {
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ auths: { 'reg.example:5000': { auth: 'b2xkOm9sZA==' } }, credsStore: 'pass' }),
    );
    const snap = login(dir, [alice, hub]);
    const later = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    later.auths['later.io'] = { auth: 'bGF0ZXI6eA==' };
    writeFileSync(join(dir, 'config.json'), formatConfig(later));
    expect(restoreSnapshot(snap)).toBe('entries-removed');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auths: { 'reg.example:5000': { auth: 'b2xkOm9sZA==' }, 'later.io': { auth: 'bGF0ZXI6eA==' } },
      credsStore: 'pass',
    });
  });
  it('survives a round trip through JSON, as the action state carries it', () => {
    writeFileSync(join(dir, 'config.json'), original);
    const snap = JSON.parse(JSON.stringify(login(dir)));
    restoreSnapshot(snap);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(original);
  });
});
