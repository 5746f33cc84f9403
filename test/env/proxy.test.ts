import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type Registry } from './registry.js';
import { startProxy, type Proxy } from './proxy.js';
import { makeImage } from './images.js';
import { getManifest, pushImage, registryRequest } from './upload.js';

describe('recording proxy', () => {
  let reg: Registry;
  let proxy: Proxy;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd', users: { u: 'p' } });
    proxy = await startProxy(reg.url);
  });
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
  });

  it('forwards a whole push, uploads included, and counts every request', async () => {
    const target = { url: proxy.url, username: 'u', password: 'p' };
    const img = makeImage({ seed: 'proxy', layers: [10_000] });
    proxy.requests.length = 0;
    await pushImage(target, 'team/app', img, 'v1');
    // Per blob (config, layer): HEAD 401, HEAD 404, POST, PUT; then the manifest PUT.
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'HEAD 401',
      'HEAD 404',
      'POST 202',
      'PUT 201',
      'HEAD 404',
      'POST 202',
      'PUT 201',
      'PUT 201',
    ]);
    expect(proxy.requests[3]!.query.digest).toEqual([img.config.digest]);
    expect((await getManifest({ url: reg.url, username: 'u', password: 'p' }, 'team/app', 'v1')).digest).toBe(
      img.digest,
    );
  });

  it('lets a test answer instead of the registry, or drop the connection', async () => {
    proxy.intercept = (req, res) => {
      if (req.url !== '/v2/') return false;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('injected');
      return true;
    };
    const target = { url: proxy.url, username: 'u', password: 'p' };
    proxy.requests.length = 0;
    expect((await registryRequest(target, 'team/app', 'GET', '/v2/')).status).toBe(503);
    expect((await registryRequest(target, 'team/app', 'GET', '/v2/team/app/tags/list')).status).toBe(200);
    expect(proxy.requests.map((r) => [r.path, r.status, r.intercepted])).toEqual([
      ['/v2/', 503, true],
      ['/v2/team/app/tags/list', 401, false],
      ['/v2/team/app/tags/list', 200, false],
    ]);

    proxy.intercept = (req) => {
      req.socket.destroy();
      return true;
    };
    await expect(registryRequest(target, 'team/app', 'GET', '/v2/')).rejects.toThrow(/socket hang up|ECONNRESET/);
    proxy.intercept = undefined;
  });
});
