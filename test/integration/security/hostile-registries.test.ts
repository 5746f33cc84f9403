// The registry client against servers that misbehave on purpose. Different 127.0.0.x
// addresses are different hosts: whatever a foreign host received is checked byte for byte.
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  fakeRegistry,
  makeImage,
  startHostile,
  startRegistry,
  startSilent,
  type HostileServer,
} from '../../env/index.js';
import { RegistryError, RegistrySession, ping, pullScope } from '../../../src/registry/auth.js';
import { Transport } from '../../../src/registry/transport.js';
import { tokenRequest } from '../../../src/registry/token.js';
import { Sessions, copyRefs } from '../../../src/registry/index.js';
import { parseImageRef } from '../../../src/naming/index.js';
import { UserError } from '../../../src/errors.js';

const USER = 'alice';
const PASS = 'Xk9-pw-Secret-41';
const B64 = Buffer.from(`${USER}:${PASS}`).toString('base64');
const ID_TOKEN = 'idtok-Zr7-refresh-Secret';
const image = makeImage({ seed: 'hostile', layers: [64 * 1024] });

const servers: HostileServer[] = [];
const transports: Transport[] = [];
afterEach(async () => {
  transports.splice(0).forEach((t) => t.close());
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
async function host(address: string, handler: Parameters<typeof startHostile>[1]) {
  const s = await startHostile(address, handler);
  servers.push(s);
  return s;
}
function transport(opts: ConstructorParameters<typeof Transport>[0] = {}) {
  const t = new Transport({ retryBaseMs: 1, ...opts });
  transports.push(t);
  return t;
}
/** No form of the credential in what a foreign host received. */
function expectNothingSecret(text: string) {
  for (const s of [PASS, B64, ID_TOKEN]) expect(text).not.toContain(s);
}

describe('a 401 from a host a redirect led to', () => {
  it("is an error: the CDN's own challenge is not followed and its token realm gets nothing", async () => {
    const thief = await host('127.0.0.4', (_r, res) => answer(res, 200, { token: 'stolen' }));
    const cdn = await host('127.0.0.3', (_r, res) =>
      answer(res, 401, '', { 'www-authenticate': `Bearer realm="${thief.url}/token",service="cdn"` }),
    );
    const reg = await host(
      '127.0.0.2',
      fakeRegistry({
        users: { [USER]: PASS },
        image,
        repo: 'team/app',
        tag: '1.0',
        blob: (_r, res, d) => (res.writeHead(307, { location: `${cdn.url}/blobs/${d}` }).end(), true),
      }),
    );
    const session = new RegistrySession(
      { domain: reg.host },
      { username: USER, password: PASS },
      { transport: transport() },
    );
    const err = await session
      .request({ method: 'GET', path: `/v2/team/app/blobs/${image.layers[0].digest}`, scopes: [pullScope('team/app')] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toBe(
      `registry ${reg.host} redirected to ${cdn.host}, which asked for a login (HTTP 401); regkit logs in only to ${reg.host} and the token server its own challenge names`,
    );
    expect(thief.requests).toEqual([]);
    expect(cdn.requests).toHaveLength(1);
    expect(cdn.requests[0].headers.authorization).toBeUndefined();
    expectNothingSecret(cdn.received());
    // The session still speaks Basic to its registry: the foreign challenge changed nothing.
    const again = await session.request({
      method: 'GET',
      path: '/v2/team/app/manifests/1.0',
      scopes: [pullScope('team/app')],
    });
    expect(again.status).toBe(200);
    await again.drain();
    expect(reg.requests.at(-1)!.headers.authorization).toBe(`Basic ${B64}`);
  });

  it('is an error for the login check too (GET /v2/ redirected)', async () => {
    const thief = await host('127.0.0.4', (_r, res) => answer(res, 200, { token: 'stolen' }));
    const cdn = await host('127.0.0.3', (_r, res) => answer(res, 401, '', { 'www-authenticate': `Basic realm="cdn"` }));
    const reg = await host('127.0.0.2', (_r, res) => res.writeHead(302, { location: `${cdn.url}/v2/` }).end());
    const err = await ping({ domain: reg.host }, { username: USER, password: PASS }, { transport: transport() }).catch(
      (e) => e,
    );
    expect(err.message).toMatch(new RegExp(`^registry ${reg.host} redirected to ${cdn.host}, which asked for a login`));
    expect(thief.requests).toEqual([]);
    expectNothingSecret(cdn.received());
  });
});

describe('a token request carrying a refresh token', () => {
  it('does not follow a 307 to another host', async () => {
    const thief = await host('127.0.0.4', (_r, res) => answer(res, 200, { token: 'stolen' }));
    const tokens = await host('127.0.0.3', (_r, res) => res.writeHead(307, { location: `${thief.url}/token` }).end());
    const reg = await host('127.0.0.2', (_r, res) =>
      answer(res, 401, '', { 'www-authenticate': `Bearer realm="${tokens.url}/token",service="reg"` }),
    );
    const err = await ping(
      { domain: reg.host },
      { username: '<token>', password: '', identityToken: ID_TOKEN },
      { transport: transport() },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      `${tokens.host} redirected a request with credentials to another host (${thief.host}); regkit does not send credentials there`,
    );
    expect(thief.requests).toEqual([]);
    expect(tokens.requests[0].body).toContain('grant_type=refresh_token');
    expect(err.message).not.toContain(ID_TOKEN);
  });

  it('is never sent over plain http to a host that is not loopback', async () => {
    const spec = tokenRequest(new URL('http://auth.invalid/token'), 'reg', ['repository:a:pull'], {
      username: '<token>',
      password: '',
      identityToken: ID_TOKEN,
    });
    const err = await transport({ retries: 0 })
      .request(spec)
      .catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      'refusing to send credentials to auth.invalid over plain http; mark the registry insecure: true only if that is really intended',
    );
  });
});

describe('a registry that never answers', () => {
  it('fails once the deadline passes, saying each retry', async () => {
    const silent = await startSilent('127.0.0.5');
    servers.push(silent);
    const lines: string[] = [];
    const started = Date.now();
    const t = transport({
      timeoutMs: 300,
      retries: 5,
      retryBaseMs: 50,
      deadline: Date.now() + 1_500,
      onRetry: (m) => lines.push(m),
    });
    const err = await t.request({ method: 'GET', url: `${silent.url}/v2/` }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(
      new RegExp(
        `^${silent.host} did not answer in time \\(after \\d attempts?\\); check that the registry is up and reachable from the runner$`,
      ),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(
      new RegExp(`^${silent.host}: no answer; trying again in \\d+\\.\\d s \\(attempt 2 of 6\\)$`),
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('a source connection dropped mid-copy', () => {
  it('names the source host, not the target', async () => {
    const layer = image.layers[0];
    const src = await host(
      '127.0.0.2',
      fakeRegistry({
        users: { [USER]: PASS },
        image,
        repo: 'team/app',
        tag: '1.0',
        blob: (r, res, d) => {
          if (d !== layer.digest || r.method !== 'GET') return false;
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': layer.data.length });
          res.write(layer.data.subarray(0, 1000), () => res.socket?.destroy());
          return true;
        },
      }),
    );
    const target = await startRegistry();
    try {
      const sessions = new Sessions({
        transport: transport(),
        credential: async (d) => (d === src.host ? { username: USER, password: PASS } : undefined),
      });
      const err = await copyRefs(
        parseImageRef(`${src.host}/team/app:1.0`),
        [parseImageRef(`${target.host}/team/app:1.0`)],
        sessions,
      ).catch((e) => e);
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toMatch(new RegExp(`^cannot reach ${src.host}: ECONNRESET while sending to ${target.host}`));
    } finally {
      await target.stop();
    }
  });
});
