/**
 * A loopback HTTP server for downloads (tool releases), in the test process on
 * 127.0.0.1, recording every request and able to misbehave:
 *
 *   const s = await startReleaseServer();
 *   s.files.set('/v1.0/tool-v1.0.linux-amd64', bytes);   // GET answers 200 with these bytes
 *   s.intercept = (req, res) => s.requests.length === 1 && !!res.writeHead(503).end();  // the first request only
 *   (intercept's n counts every request the server ever had)
 *   s.requests          // [{ method, path, status }]
 *   await s.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReleaseServer {
  url: string;
  files: Map<string, Buffer>;
  requests: { method: string; path: string; status: number }[];
  /** Return true when it answered the request itself. */
  intercept?: (req: IncomingMessage, res: ServerResponse, n: number) => boolean;
  close(): Promise<void>;
}

export async function startReleaseServer(): Promise<ReleaseServer> {
  let count = 0;
  const s: ReleaseServer = { url: '', files: new Map(), requests: [], close: async () => {} };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const rec = { method: req.method ?? '', path, status: 0 };
    s.requests.push(rec);
    res.on('finish', () => (rec.status = res.statusCode));
    if (s.intercept?.(req, res, count++)) return;
    const body = s.files.get(path);
    if (!body || req.method !== 'GET') return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return s;
}
