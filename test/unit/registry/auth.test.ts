import { afterEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { ping, pullScope, pushScope, RegistryError, RegistrySession } from '../../../src/registry/auth.js';
import { Transport } from '../../../src/registry/transport.js';
import { parseChallenges } from '../../../src/registry/challenge.js';
import { send, tinyServer, type TinyServer } from './servers.js';

const servers: TinyServer[] = [];
const transports: Transport[] = [];
afterEach(async () => {
  transports.splice(0).forEach((t) => t.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
function transport() {
  const t = new Transport({ retryBaseMs: 1 });
  transports.push(t);
  return t;
}
async function server(handler: Parameters<typeof tinyServer>[0]) {
  const s = await tinyServer(handler);
  servers.push(s);
  return s;
}

const GOOD = 'Basic ' + Buffer.from('alice:s3cret').toString('base64');

/** A token server that knows alice/s3cret and a registry that accepts its tokens. */
async function tokenRegistry() {
  const issued = new Map<string, string[]>(); // token -> scopes
  let n = 0;
  const tokens = await server((req, res) => {
    const url = new URL(req.url ?? '', 'http://x');
    if (req.headers.authorization && req.headers.authorization !== GOOD)
      return send(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
    const token = `tok-${++n}`;
    // anonymous tokens carry no access
    issued.set(token, req.headers.authorization ? url.searchParams.getAll('scope') : []);
    send(res, 200, { token, expires_in: 300 });
  });
  const state = { revoked: new Set<string>() };
  const registry = await server((req: http.IncomingMessage, res: http.ServerResponse) => {
    const challenge = `Bearer realm="${tokens.url}/token",service="test-registry"`;
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (req.url === '/v2/' && !token) return send(res, 401, '', { 'www-authenticate': challenge });
    if (req.url === '/v2/') return send(res, issued.has(token) ? 200 : 401, '', { 'www-authenticate': challenge });
    const repo = req.url?.split('/')[2] ?? '';
    const need = req.method === 'GET' ? `repository:a/${repo}:pull` : `repository:a/${repo}:pull,push`;
    if (!issued.get(token)?.includes(need) || state.revoked.has(token)) {
      return send(res, 401, '', { 'www-authenticate': `${challenge},scope="${need}",error="insufficient_scope"` });
    }
    send(res, 200, 'ok');
  });
  return { tokens, registry, issued, state, domain: registry.host };
}

describe('RegistrySession with token auth', () => {
  it('asks for several scopes in one token request and caches the token', async () => {
    const { tokens, registry, domain } = await tokenRegistry();
    const s = new RegistrySession({ domain }, { username: 'alice', password: 's3cret' }, { transport: transport() });
    const scopes = [pushScope('a/dst'), pullScope('a/src')];
    for (const repo of ['dst', 'src', 'dst']) {
      const res = await s.request({ method: repo === 'dst' ? 'PUT' : 'GET', path: `/v2/${repo}/x`, scopes });
      expect(res.status).toBe(200);
      await res.drain();
    }
    expect(tokens.seen).toHaveLength(1);
    const q = new URL(tokens.seen[0].url, 'http://x').searchParams;
    expect(q.get('service')).toBe('test-registry');
    expect(q.getAll('scope').sort()).toEqual(['repository:a/dst:pull,push', 'repository:a/src:pull']);
    expect(tokens.seen[0].headers.authorization).toBe(GOOD);
    // GET /v2/ once, then three requests with the same bearer token.
    expect(registry.seen.map((r) => r.headers.authorization)).toEqual([
      undefined,
      'Bearer tok-1',
      'Bearer tok-1',
      'Bearer tok-1',
    ]);
  });

  it('fetches a new token on 401 and widens scopes to the challenge', async () => {
    const { tokens, state, domain } = await tokenRegistry();
    const s = new RegistrySession({ domain }, { username: 'alice', password: 's3cret' }, { transport: transport() });
    await (await s.request({ method: 'GET', path: '/v2/src/x', scopes: [pullScope('a/src')] })).drain();
    state.revoked.add('tok-1');
    const res = await s.request({ method: 'GET', path: '/v2/src/x', scopes: [pullScope('a/src')] });
    expect(res.status).toBe(200);
    await res.drain();
    // Asked for pull on src but the registry wants push on other: the challenge's scope is added.
    const res2 = await s.request({ method: 'PUT', path: '/v2/other/x', scopes: [pullScope('a/src')] });
    expect(res2.status).toBe(200);
    await res2.drain();
    expect(tokens.seen).toHaveLength(3);
    expect(new URL(tokens.seen[2].url, 'http://x').searchParams.getAll('scope').sort()).toEqual([
      'repository:a/other:pull,push',
      'repository:a/src:pull',
    ]);
  });

  it('throws a RegistryError naming registry and status when access stays refused', async () => {
    const { domain } = await tokenRegistry();
    const s = new RegistrySession({ domain }, undefined, { transport: transport() });
    // anonymous tokens have no scopes here: the registry keeps answering 401
    const err = await s.request({ method: 'GET', path: '/v2/src/x', scopes: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.status).toBe(401);
    expect(err.message).toBe(`registry ${domain} requires a login for a/src:pull (HTTP 401); log in first`);
  });

  it('never sends Authorization to another origin (an upload location elsewhere)', async () => {
    const { domain } = await tokenRegistry();
    const elsewhere = await server((_req, res) => send(res, 201));
    const s = new RegistrySession({ domain }, { username: 'alice', password: 's3cret' }, { transport: transport() });
    await (
      await s.request({ method: 'PUT', path: `${elsewhere.url}/upload?x=1`, scopes: [pushScope('a/dst')] })
    ).drain();
    expect(elsewhere.seen[0].headers.authorization).toBeUndefined();
  });

  it('reports derived secrets (token) through onSecret', async () => {
    const { domain } = await tokenRegistry();
    const secrets: string[] = [];
    const s = new RegistrySession(
      { domain },
      { username: 'alice', password: 's3cret' },
      { transport: transport(), onSecret: (v) => secrets.push(v) },
    );
    await (await s.request({ method: 'GET', path: '/v2/src/x', scopes: [pullScope('a/src')] })).drain();
    expect(secrets).toEqual(['s3cret', GOOD.slice(6), GOOD, 'tok-1']);
  });
});

describe('ping', () => {
  it('accepts the right password against a token server on another host', async () => {
    const { tokens, domain } = await tokenRegistry();
    expect(await ping({ domain }, { username: 'alice', password: 's3cret' }, { transport: transport() })).toBe(
      'bearer',
    );
    expect(tokens.seen).toHaveLength(1);
  });

  it('names the registry and HTTP status for a wrong password, and never prints the password', async () => {
    const { domain } = await tokenRegistry();
    const err = await ping({ domain }, { username: 'alice', password: 'hunter2' }, { transport: transport() }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toBe(`wrong username or password for registry ${domain} (user "alice", HTTP 401)`);
    expect(err.message).not.toContain('hunter2');
  });

  it('checks Basic registries', async () => {
    const reg = await server((req, res) =>
      req.headers.authorization === GOOD
        ? send(res, 200)
        : send(res, 401, '', { 'www-authenticate': 'Basic realm="Registry Realm"' }),
    );
    expect(
      await ping({ domain: reg.host }, { username: 'alice', password: 's3cret' }, { transport: transport() }),
    ).toBe('basic');
    const err = await ping(
      { domain: reg.host },
      { username: 'alice', password: 'nope' },
      { transport: transport() },
    ).catch((e) => e);
    expect(err.message).toBe(`wrong username or password for registry ${reg.host} (user "alice", HTTP 401)`);
  });

  it('fails clearly when the token request is redirected to another host, sending it nothing', async () => {
    const thief = await server((_req, res) => send(res, 200, { token: 'stolen' }));
    const tokens = await server((_req, res) => send(res, 302, '', { location: `${thief.url}/token` }));
    const reg = await server((_req, res) =>
      send(res, 401, '', { 'www-authenticate': `Bearer realm="${tokens.url}/token",service="x"` }),
    );
    const err = await ping(
      { domain: reg.host },
      { username: 'alice', password: 's3cret' },
      { transport: transport() },
    ).catch((e) => e);
    expect(err.message).toBe(
      `${tokens.host} redirected a request with credentials to another host (${thief.host}); regkit does not send credentials there`,
    );
    expect(thief.seen).toHaveLength(0);
  });

  it('names the status when the registry fails, and when it is not a registry', async () => {
    const broken = await server((_req, res) => send(res, 503));
    const err = await ping({ domain: broken.host }, undefined, { transport: transport() }).catch((e) => e);
    expect(err.message).toBe(`registry ${broken.host} answered HTTP 503 to GET /v2/`);
    expect(broken.seen).toHaveLength(5);
    const web = await server((_req, res) => send(res, 404));
    const err2 = await ping({ domain: web.host }, undefined, { transport: transport() }).catch((e) => e);
    expect(err2.message).toBe(
      `${web.host} does not serve the registry API (GET /v2/ answered HTTP 404); check the domain`,
    );
  });

  it('returns none for an open registry', async () => {
    const open = await server((_req, res) => send(res, 200, '{}'));
    expect(
      await ping({ domain: `http://${open.host}/` }, { username: 'u', password: 'p' }, { transport: transport() }),
    ).toBe('none');
  });
});

describe('parseChallenges', () => {
  it('reads bearer params, quoted escapes and several challenges', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push", Basic realm="a \\"b\\""',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:samalba/my-app:pull,push',
        },
      },
      { scheme: 'basic', params: { realm: 'a "b"' } },
    ]);
    expect(parseChallenges('basic realm=x')).toEqual([{ scheme: 'basic', params: { realm: 'x' } }]);
    expect(parseChallenges(undefined)).toEqual([]);
  });
});
