// The transport's proxy rules against a real forward proxy and a real (plain http) server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transport } from '../../../src/registry/transport.js';
import { proxyFor, proxySecrets } from '../../../src/proxy/index.js';
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
  proxy = await startForwardProxy({
    hosts: { 'app.regkit.invalid': `127.0.0.1:${(server.address() as AddressInfo).port}` },
  });
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
    expect(proxy.requests.map((q) => [q.method, q.target, q.headers.host])).toEqual([
      ['GET', 'http://app.regkit.invalid/v2/', 'app.regkit.invalid'],
    ]);
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
    await expect(t.request({ method: 'GET', url: 'http://app.regkit.invalid/v2/' })).rejects.toThrow(
      /cannot reach app\.regkit\.invalid: ENOTFOUND/,
    );
    const res = await t.request({
      method: 'GET',
      url: `http://localhost:${(server.address() as AddressInfo).port}/v2/`,
    });
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
      await expect(t.request({ method: 'GET', url })).rejects.toThrow(
        `cannot reach app.regkit.invalid through the proxy 127.0.0.1:${port}: ECONNREFUSED`,
      );
    }
    t.close();
  });
});

describe('which proxy, decided by @actions/http-client', () => {
  it('lower case wins, NO_PROXY by suffix, port or *, loopback always direct', async () => {
    process.env.HTTPS_PROXY = 'http://upper:3128';
    process.env.https_proxy = 'http://lower:3128';
    const via = async (url: string) => (await proxyFor(new URL(url)))?.proxy.href;
    expect(await via('https://ghcr.io/v2/')).toBe('http://lower:3128/');
    expect(await via('https://127.0.0.1:5000/v2/')).toBeUndefined();
    expect(await via('https://localhost/v2/')).toBeUndefined();
    expect(await via('http://ghcr.io/v2/')).toBeUndefined(); // no HTTP_PROXY
    process.env.NO_PROXY = '.corp, registry.example:8443';
    expect(await via('https://a.b.corp/v2/')).toBeUndefined();
    expect(await via('https://registry.example:8443/v2/')).toBeUndefined();
    expect(await via('https://registry.example/v2/')).toBe('http://lower:3128/');
    process.env.no_proxy = '*';
    expect(await via('https://ghcr.io/v2/')).toBeUndefined();
  });

  it('a value without its scheme is refused without quoting it', async () => {
    process.env.HTTPS_PROXY = 'corp-user:s3cret@proxy:3128';
    await expect(proxyFor(new URL('https://ghcr.io/v2/'))).rejects.toThrow(
      'the proxy variable for https://ghcr.io (HTTPS_PROXY or HTTP_PROXY) is not an http:// or https:// URL — write it as http://[user:password@]host:port',
    );
  });

  it('user:password in the proxy URL becomes Proxy-Authorization, decoded', async () => {
    process.env.HTTPS_PROXY = 'http://corp%5Cme:p%40ss@proxy:8080';
    const route = await proxyFor(new URL('https://ghcr.io/v2/'));
    expect(route?.proxy.href).toBe('http://proxy:8080/');
    expect(route?.authorization).toBe(`Basic ${Buffer.from('corp\\me:p@ss').toString('base64')}`);
  });
});

describe('proxySecrets', () => {
  it('lists the password as written and decoded, and the Proxy-Authorization value', () => {
    expect(proxySecrets({ HTTPS_PROXY: 'http://u%40corp:p%23w@proxy:3128', http_proxy: 'proxy:3128' })).toEqual([
      'p#w',
      'p%23w',
      Buffer.from('u@corp:p#w').toString('base64'),
    ]);
    expect(proxySecrets({ NO_PROXY: '*' })).toEqual([]);
    expect(proxySecrets({ https_proxy: 'corp-user:s3cret@proxy:3128' })).toEqual([
      's3cret',
      Buffer.from('corp-user:s3cret').toString('base64'),
    ]);
  });
});
