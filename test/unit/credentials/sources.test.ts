import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { encrypt, parseKey, generateKey, noKeyMessage } from '../../../src/crypto/index.js';
import {
  resolveCredentials,
  secretForms,
  type CredentialContext,
  type CredentialRequest,
} from '../../../src/credentials/index.js';
import { basicAuth } from '../../../src/naming/index.js';
import type { CredentialSpec, Provider, Registry } from '../../../src/registries-file/index.js';
import { UserError } from '../../../src/errors.js';
import { makeRegistry } from './registry.js';
import { tempDir } from '../../env/processes.js';

const vectors = new URL('../../fixtures/jet/', import.meta.url).pathname;
const vectorKey = parseKey(readFileSync(join(vectors, 'examples-key.aes'), 'utf8'), 'test');

let dir: string;
beforeAll(() => {
  dir = tempDir('cred');
  // The folder is the repository the files must live in, as GITHUB_WORKSPACE is for the action.
  process.chdir(dir);
});
const repo = process.cwd();
/** A copy of a test vector inside the folder the test treats as the repository. */
function vectorInRepo(name: string): string {
  const path = join(dir, name);
  copyFileSync(join(vectors, name), path);
  return path;
}
afterAll(() => {
  process.chdir(repo);
  rmSync(dir, { recursive: true, force: true });
});

function context(key?: Buffer) {
  const masked: string[] = [];
  const ctx: CredentialContext = {
    key: async (file) => {
      if (!key) throw new UserError(noKeyMessage({ input: undefined }, file));
      return key;
    },
    mask: (s) => masked.push(s),
  };
  return { ctx, masked };
}

function req(
  spec: CredentialSpec,
  r: Partial<Registry> & { provider?: Provider; domain?: string } = {},
): CredentialRequest {
  return { registry: makeRegistry({ name: 'reg', provider: 'other', domain: '127.0.0.1:5000', ...r }), spec, env: {} };
}

async function one(spec: CredentialSpec, r: Parameters<typeof req>[1] = {}, key?: Buffer) {
  const { ctx, masked } = context(key);
  const creds = await resolveCredentials([req(spec, r)], ctx);
  return { cred: creds.get(r.name ?? 'reg')!, masked };
}

function file(name: string, data: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const configForm = JSON.stringify({
  auths: {
    'https://index.docker.io/v1/': { auth: basicAuth('hubuser', 'hub:pass') },
    'http://127.0.0.1:5000/v2/': { username: 'alice', password: 'alice-pw' },
    'quay.io/': { auth: basicAuth('acme+robot', 'robot-token') },
  },
});
const legacyForm = JSON.stringify({
  'https://registry-1.docker.io/v1/': { auth: basicAuth('legacyhub', 'legacy-pw'), email: 'x@example.com' },
  'https://gcr.io': { auth: basicAuth('_json_key', '{"a":1}'), email: 'not@used.com' },
});

describe('dockercfg', () => {
  it('picks the entry by domain in the config.json form, whatever the spelling of the key', async () => {
    const path = file('config.json', configForm);
    expect((await one({ dockercfg: path }, { provider: 'dockerhub', domain: 'docker.io' })).cred).toEqual({
      username: 'hubuser',
      password: 'hub:pass',
      source: `dockercfg ${path}`,
    });
    expect((await one({ dockercfg: path })).cred).toMatchObject({ username: 'alice', password: 'alice-pw' });
    expect((await one({ dockercfg: path }, { provider: 'quay', domain: 'quay.io' })).cred).toMatchObject({
      username: 'acme+robot',
      password: 'robot-token',
    });
  });

  it('reads the legacy .dockercfg form with Docker Hub aliases', async () => {
    const path = file('.dockercfg', legacyForm);
    expect((await one({ dockercfg: path }, { provider: 'dockerhub', domain: 'docker.io' })).cred).toMatchObject({
      username: 'legacyhub',
      password: 'legacy-pw',
    });
    expect((await one({ dockercfg: path }, { provider: 'gcr', domain: 'gcr.io' })).cred).toMatchObject({
      username: '_json_key',
      password: '{"a":1}',
    });
  });

  it("decrypts Codeship's jet v2 vector and picks its entries", async () => {
    const path = vectorInRepo('dockercfg.v2.encrypted');
    const { cred, masked } = await one({ encrypted_dockercfg: path }, {}, vectorKey);
    expect(cred).toEqual({ username: 'alice', password: 's3cret', source: `encrypted dockercfg ${path}` });
    expect(masked).toEqual(['s3cret', basicAuth('alice', 's3cret')]);
    expect(
      (await one({ encrypted_dockercfg: path }, { provider: 'dockerhub', domain: 'docker.io' }, vectorKey)).cred,
    ).toMatchObject({
      username: 'acmebot',
      password: 'hub-token',
    });
  });

  it('decrypts regkit-format and jet-v2 files written with a fresh key', async () => {
    const key = parseKey(generateKey(), 'test');
    for (const format of ['regkit', 'jet'] as const) {
      const path = file(`cfg.${format}`, encrypt(Buffer.from(legacyForm), key, format));
      expect(
        (await one({ encrypted_dockercfg: path }, { provider: 'dockerhub', domain: 'docker.io' }, key)).cred,
      ).toMatchObject({ password: 'legacy-pw' });
    }
  });

  it('names the file and the domain when there is no entry for it', async () => {
    const path = file('config2.json', configForm);
    await expect(one({ dockercfg: path }, { domain: 'registry.example.com' })).rejects.toThrow(
      `registry reg: ${path} has no entry for registry.example.com (it has docker.io, 127.0.0.1:5000, quay.io); add one or point credentials at the right file`,
    );
  });

  it('asks for the AES key, and refuses a wrong one, without showing any content', async () => {
    const path = vectorInRepo('dockercfg.v2.encrypted');
    await expect(one({ encrypted_dockercfg: path })).rejects.toThrow(
      /^No AES key provided to decrypt .*dockercfg\.v2\.encrypted/,
    );
    const wrong = parseKey(generateKey(), 'test');
    const err = await one({ encrypted_dockercfg: path }, {}, wrong).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/dockercfg\.v2\.encrypted/);
    expect(err.message).not.toMatch(/s3cret|YWxpY2U/);
  });

  it('rejects files that are not credentials, without quoting them', async () => {
    const notJson = file('bad.json', '{"auths": {"127.0.0.1:5000": {"auth": "c2VjcmV0LXRleHQ6eA=="}}');
    const err = await one({ dockercfg: notJson }).catch((e) => e);
    expect(err.message).toBe(`${notJson}: not valid JSON; expected a .dockercfg or a Docker config.json`);
    const noAuth = file('noauth.json', JSON.stringify({ auths: { '127.0.0.1:5000': { email: 'x' } } }));
    await expect(one({ dockercfg: noAuth })).rejects.toThrow(
      `registry reg: entry "127.0.0.1:5000" of ${noAuth} has neither "auth" nor "username" and "password"`,
    );
    const token = file('token.json', JSON.stringify({ auths: { '127.0.0.1:5000': { identitytoken: 'tok' } } }));
    await expect(one({ dockercfg: token })).rejects.toThrow(/holds an identity token/);
    await expect(one({ dockercfg: join(dir, 'missing.json') })).rejects.toThrow(
      `${join(dir, 'missing.json')} does not exist`,
    );
  });
});

describe('static and provider credentials', () => {
  it('username/password, named by what they are for the provider', async () => {
    expect((await one({ username: 'u', password: 'p' })).cred).toEqual({
      username: 'u',
      password: 'p',
      source: 'username/password',
    });
    expect(
      (await one({ username: 'acme+ci', password: 't' }, { provider: 'quay', domain: 'quay.io' })).cred.source,
    ).toBe('Quay robot account');
    expect(
      (await one({ username: 'admin', password: 't' }, { provider: 'acr', domain: 'acme.azurecr.io' })).cred.source,
    ).toBe('ACR admin user');
    expect(
      (await one({ username: 'octocat', password: 'ghs_x' }, { provider: 'ghcr', domain: 'ghcr.io' })).cred.source,
    ).toBe('GITHUB_TOKEN');
    const explicit = { provider: 'ghcr' as const, domain: 'ghcr.io', credentials: { username: 'a', password: 'b' } };
    expect((await one({ username: 'octocat', password: 'ghp_x' }, explicit)).cred.source).toBe('username/password');
  });

  it('generates the fixed users of gcr/gar, acr, ibm', async () => {
    const key = JSON.stringify(
      {
        type: 'service_account',
        private_key_id: 'abc123def',
        private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n-----END PRIVATE KEY-----\n',
      },
      null,
      2,
    );
    const g = await one({ google: { json_key: key } }, { provider: 'gar', domain: 'europe-west1-docker.pkg.dev' });
    expect(g.cred).toEqual({ username: '_json_key', password: key, source: 'Google service-account key' });
    expect(g.masked).toEqual(
      expect.arrayContaining(['abc123def', 'MIIEvQIBADANBg', 'kqhkiG9w0BAQEF', basicAuth('_json_key', key)]),
    );
    expect(g.masked).not.toContain('{');

    const plainKeyFile = file('sa.json', key);
    expect(
      (await one({ google: { json_key_file: plainKeyFile } }, { provider: 'gcr', domain: 'gcr.io' })).cred.password,
    ).toBe(key);
    const k = parseKey(generateKey(), 't');
    const encKeyFile = file('sa.json.encrypted', encrypt(Buffer.from(key), k, 'jet'));
    expect(
      (await one({ google: { json_key_file: encKeyFile } }, { provider: 'gcr', domain: 'gcr.io' }, k)).cred,
    ).toMatchObject({ username: '_json_key', password: key });
    await expect(one({ google: { json_key: 'not json at all' } })).rejects.toThrow(
      'registry reg: credentials.google.json_key is not a service-account JSON key',
    );

    expect((await one({ google: { access_token: 'ya29.tok' } })).cred).toMatchObject({
      username: 'oauth2accesstoken',
      password: 'ya29.tok',
    });
    expect((await one({ azure: { client_id: 'app-id', client_secret: 'sp-secret' } })).cred).toEqual({
      username: 'app-id',
      password: 'sp-secret',
      source: 'Azure service principal',
    });
    expect((await one({ ibm: { apikey: 'ibm-key' } })).cred).toEqual({
      username: 'iamapikey',
      password: 'ibm-key',
      source: 'IBM Cloud API key',
    });
  });

  it('masks the password and base64(user:pass) before refusing an empty or malformed username', async () => {
    const { ctx, masked } = context();
    await expect(resolveCredentials([req({ username: 'a:b', password: 'pw-secret' })], ctx)).rejects.toThrow(
      'registry reg: the username must not contain ":"',
    );
    expect(masked).toEqual(['pw-secret', basicAuth('a:b', 'pw-secret')]);
    await expect(one({ username: 'u', password: '' })).rejects.toThrow('registry reg: the password is empty');
  });

  it('resolves many registries at once, each by name', async () => {
    const { ctx } = context();
    const creds = await resolveCredentials(
      [
        req({ username: 'a', password: '1' }, { name: 'one' }),
        req({ ibm: { apikey: 'k' } }, { name: 'two', provider: 'ibm', domain: 'icr.io' }),
      ],
      ctx,
    );
    expect([...creds.keys()].sort()).toEqual(['one', 'two']);
    expect(creds.get('two')?.username).toBe('iamapikey');
  });
});

describe('what is masked', () => {
  it('masks single-line secrets whole and multi-line ones by their non-blank lines', () => {
    expect(secretForms('abc')).toEqual(['abc']);
    expect(secretForms('')).toEqual([]);
    expect(secretForms('line one\n\nline two\n')).toEqual(['line one', 'line two']);
  });
});
