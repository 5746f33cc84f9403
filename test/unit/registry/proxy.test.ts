// The transport's proxy rules against a real forward proxy and a real (plain http) server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transport } from '../../../src/registry/transport.js';
import { proxySecrets } from '../../../src/registry/proxy.js';
import { startForwardProxy, type ForwardProxy } from '../../env/forward-proxy.js';

const VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
let server: Server;
let proxy: ForwardProxy;
const seen: { url: string; auth?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy = await startForwardProxy({ hosts: { 'app.regkit.invalid': `127.0.0.1:${(server.address() as AddressInfo).port}` } });
});
afterAll(async () => {
  server.close();
  await proxy.stop();
});
afterEach(() => {
  for (const k of VARS) delete process.env[k];
  proxy.requests.length = 0;
  seen.length = 0;
});

describe('plain http through a proxy', () => {
  it('sends an absolute-form request to the proxy without credentials', async () => {
    process.env.http_proxy = proxy.url;
    const t = new Transport({ retries: 0 });
    const res = await t.request({ method: 'GET', url: 'http://app.regkit.invalid/v2/' });
    expect(await res.text()).toBe('ok');
    expect(proxy.requests.map((q) => [q.method, q.target, q.headers.host])).toEqual([['GET', 'http://app.regkit.invalid/v2/', 'app.regkit.invalid']]);
    t.close();
  });

  it('refuses to send any Authorization that way unless the target is insecure', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const t = new Transport({ retries: 0 });
    const spec = { method: 'GET', url: 'http://app.regkit.invalid/v2/', headers: { authorization: 'Bearer tok-123' } };
    await expect(t.request(spec)).rejects.toThrow(
      'refusing to send credentials to app.regkit.invalid over plain http; mark the registry insecure: true only if that is really intended',
    );
    expect(proxy.requests).toEqual([]);
    const res = await t.request({ ...spec, insecure: true });
    await res.drain();
    expect(seen).toEqual([{ url: '/v2/', auth: 'Bearer tok-123' }]);
    t.close();
  });

  it('NO_PROXY with a port, and loopback, go direct', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'other.example, app.regkit.invalid:80';
    const t = new Transport({ retries: 0 });
    await expect(t.request({ method: 'GET', url: 'http://app.regkit.invalid/v2/' })).rejects.toThrow(/cannot reach app\.regkit\.invalid: ENOTFOUND/);
    const res = await t.request({ method: 'GET', url: `http://localhost:${(server.address() as AddressInfo).port}/v2/` });
    await res.drain();
    expect(proxy.requests).toEqual([]);
    t.close();
  });
});

describe('a proxy that is down', () => {
  it('names the proxy, for https (tunnel) and plain http alike', async () => {
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', () => r()));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((r) => gone.close(() => r()));
    process.env.HTTPS_PROXY = process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
    const t = new Transport({ retries: 0 });
    for (const url of ['https://app.regkit.invalid/v2/', 'http://app.regkit.invalid/v2/']) {
      await expect(t.request({ method: 'GET', url })).rejects.toThrow(`cannot reach app.regkit.invalid through the proxy 127.0.0.1:${port}: ECONNREFUSED`);
    }
    t.close();
  });
});

describe('proxySecrets', () => {
  it('lists the password as written and decoded, and the Proxy-Authorization value', () => {
    expect(proxySecrets({ HTTPS_PROXY: 'http://u%40corp:p%23w@proxy:3128', http_proxy: 'proxy:3128' })).toEqual(['p#w', 'p%23w', Buffer.from('u@corp:p#w').toString('base64')]);
    expect(proxySecrets({ NO_PROXY: '*' })).toEqual([]);
  });
});
