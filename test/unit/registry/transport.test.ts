import { afterEach, describe, expect, it } from 'vitest';
import { Transport } from '../../../src/registry/transport.js';
import { UserError } from '../../../src/errors.js';
import { send, tinyServer, type TinyServer } from './servers.js';

const servers: TinyServer[] = [];
const transports: Transport[] = [];
afterEach(async () => {
  transports.splice(0).forEach((t) => t.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(...args: Parameters<typeof tinyServer>) {
  const s = await tinyServer(...args);
  servers.push(s);
  return s;
}
function transport(opts: ConstructorParameters<typeof Transport>[0] = {}) {
  const t = new Transport({ retryBaseMs: 1, ...opts });
  transports.push(t);
  return t;
}

describe('Transport', () => {
  it('retries 500, 503 and 429 and returns the success', async () => {
    const statuses = [500, 429, 503, 200];
    const s = await server((_req, res, seen) => send(res, statuses[seen.length - 1], 'ok'));
    const t = transport();
    const res = await t.request({ method: 'GET', url: `${s.url}/v2/` });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(s.seen).toHaveLength(4);
  });

  it('returns the last failing response after the retries run out', async () => {
    const s = await server((_req, res) => send(res, 502));
    const res = await transport({ retries: 2 }).request({ method: 'GET', url: `${s.url}/x` });
    await res.drain();
    expect(res.status).toBe(502);
    expect(s.seen).toHaveLength(3);
  });

  it('does not retry a 404 or a streamed body', async () => {
    const s = await server((_req, res) => send(res, 404));
    const t = transport();
    expect((await t.request({ method: 'GET', url: `${s.url}/x` })).status).toBe(404);
    const { Readable } = await import('node:stream');
    const s2 = await server((req, res) => req.resume().on('end', () => send(res, 500)));
    const res = await t.request({ method: 'PUT', url: `${s2.url}/x`, body: Readable.from([Buffer.from('abc')]) });
    await res.drain();
    expect(res.status).toBe(500);
    expect(s.seen).toHaveLength(1);
    expect(s2.seen).toHaveLength(1);
  });

  it('retries a connection reset', async () => {
    const s = await server((req, res, seen) => {
      if (seen.length === 1) req.socket.destroy();
      else send(res, 200, 'second');
    });
    const res = await transport().request({ method: 'GET', url: `${s.url}/v2/` });
    expect(await res.text()).toBe('second');
    expect(s.seen).toHaveLength(2);
  });

  it('keeps Authorization on a same-origin redirect and drops it when the host changes', async () => {
    const other = await server((_req, res) => send(res, 200, 'blob'));
    const s = await server((req, res) => {
      if (req.url === '/a') send(res, 307, '', { location: '/b' });
      else if (req.url === '/b') send(res, 302, '', { location: `${other.url}/c?sig=1` });
      else send(res, 404);
    });
    const res = await transport().request({
      method: 'GET',
      url: `${s.url}/a`,
      headers: { authorization: 'Bearer secret-token' },
    });
    expect(await res.text()).toBe('blob');
    expect(s.seen.map((x) => [x.url, x.headers.authorization])).toEqual([
      ['/a', 'Bearer secret-token'],
      ['/b', 'Bearer secret-token'],
    ]);
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0].url).toBe('/c?sig=1');
    expect(other.seen[0].headers.authorization).toBeUndefined();
  });

  it('fails instead of following a cross-host redirect when asked to', async () => {
    const other = await server((_req, res) => send(res, 200, '{}'));
    const s = await server((_req, res) => send(res, 302, '', { location: `${other.url}/token` }));
    const err = await transport()
      .request({
        method: 'GET',
        url: `${s.url}/token`,
        headers: { authorization: 'Basic dTpw' },
        onCrossOriginRedirect: 'fail',
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(`redirected a request with credentials to another host (${other.host})`);
    expect(other.seen).toHaveLength(0);
  });

  it('refuses Basic credentials over plain http to a non-loopback host unless insecure', async () => {
    const t = transport({ retries: 0 });
    const err = await t
      .request({ method: 'GET', url: 'http://registry.invalid/v2/', headers: { authorization: 'Basic dTpw' } })
      .catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^refusing to send credentials to registry.invalid over plain http/);
    const err2 = await t
      .request({
        method: 'GET',
        url: 'http://registry.invalid/v2/',
        headers: { authorization: 'Basic dTpw' },
        insecure: true,
      })
      .catch((e) => e);
    expect(err2).toBeInstanceOf(UserError);
    expect(err2.message).toMatch(/^cannot reach registry.invalid/);
  });

  it('allows Basic over plain http to loopback', async () => {
    const s = await server((_req, res) => send(res, 200));
    const res = await transport().request({
      method: 'GET',
      url: `${s.url}/v2/`,
      headers: { authorization: 'Basic dTpw' },
    });
    await res.drain();
    expect(s.seen[0].headers.authorization).toBe('Basic dTpw');
  });

  it('holds at most maxPerHost exchanges in flight per host, until each body is read', async () => {
    let active = 0;
    let peak = 0;
    const s = await server((_req, res) => {
      active++;
      peak = Math.max(peak, active);
      res.writeHead(200);
      res.write('part');
      setTimeout(() => {
        active--;
        res.end('end');
      }, 20);
    });
    const t = transport({ maxPerHost: 3 });
    const bodies = await Promise.all(
      Array.from({ length: 12 }, () => t.request({ method: 'GET', url: `${s.url}/x` }).then((r) => r.text())),
    );
    expect(bodies.every((b) => b === 'partend')).toBe(true);
    expect(peak).toBe(3);
  });

  it('reuses connections (keep-alive)', async () => {
    const s = await server((_req, res) => send(res, 200, 'x'));
    const t = transport();
    for (let i = 0; i < 5; i++) await (await t.request({ method: 'GET', url: `${s.url}/x` })).drain();
    expect(s.seen).toHaveLength(5);
    expect(new Set(s.seen.map((x) => x.port)).size).toBe(1);
  });
});
