/**
 * A recording (and optionally misbehaving) HTTP proxy in front of a registry, in the
 * test process on 127.0.0.1, so tests can count requests exactly and inject faults.
 *
 *   const p = await startProxy(reg.url);
 *   p.host / p.url        // use these instead of the registry's; Location headers follow
 *                         // (the Host header is passed through, so the registry names the proxy)
 *   p.requests            // [{ method, path, query, headers, status }] in arrival order
 *   p.requests.length = 0 // start counting afresh
 *   p.intercept = (req, res, n) => {            // n: 0-based index of this request
 *     if (req.method === 'GET' && n % 2 === 0) { res.writeHead(503).end(); return true; }
 *     return false;                              // false: forward to the registry
 *   };
 *   p.intercept = (req) => { req.socket.destroy(); return true; };   // connection reset
 *   await p.stop();
 */
import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ProxiedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Status sent back (0 until answered; what intercept sent when it answered). */
  status: number;
  intercepted: boolean;
}

export interface Proxy {
  host: string;
  url: string;
  requests: ProxiedRequest[];
  intercept?: (req: IncomingMessage, res: ServerResponse, n: number) => boolean | Promise<boolean>;
  stop(): Promise<void>;
}

export async function startProxy(upstream: string): Promise<Proxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let count = 0;
  const proxy: Proxy = { host: '', url: '', requests: [], stop: async () => {} };

  const server = createServer((req, res) => {
    const n = count++;
    const url = new URL(req.url ?? '/', 'http://x');
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    const rec: ProxiedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query,
      headers: req.headers,
      status: 0,
      intercepted: false,
    };
    proxy.requests.push(rec);
    res.on('finish', () => (rec.status = res.statusCode));
    void (async () => {
      if (proxy.intercept && (await proxy.intercept(req, res, n))) {
        rec.intercepted = true;
        return;
      }
      const up = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  proxy.host = `127.0.0.1:${port}`;
  proxy.url = `http://${proxy.host}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    });
  return proxy;
}
