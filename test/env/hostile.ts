/**
 * Servers that misbehave on purpose, to prove that credentials go nowhere else and
 * that regkit gives up in bounded time. Each one records every byte it received.
 * Different 127.0.0.x addresses are different hosts (different origins) to the
 * client, and all of them are loopback, so plain http is allowed there.
 *
 *   const thief = await startHostile('127.0.0.3', (req, res) => answer(res, 200, { token: 'stolen' }));
 *   const cdn = await startHostile('127.0.0.2', (req, res) =>
 *     answer(res, 401, '', { 'www-authenticate': `Bearer realm="${thief.url}/token"` }));
 *   thief.requests;   // [{ method, path, headers, body }] — what it was sent
 *   await thief.stop();
 *
 * `startSilent` accepts connections and never answers. These servers run in the
 * test process (no child to track); stop() closes every connection.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HostileServer {
  url: string;
  host: string;
  requests: HostileRequest[];
  /** Connections accepted so far (a silent server never answers them). */
  connections: number;
  /** Everything received as one string (headers and bodies), for "was X ever sent here" checks. */
  received(): string;
  stop(): Promise<void>;
}

export type HostileHandler = (req: HostileRequest, res: http.ServerResponse) => void;

export function answer(
  res: http.ServerResponse,
  status: number,
  body: unknown = '',
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function listen(
  address: string,
  server: http.Server,
  sockets: Set<Socket>,
  requests: HostileRequest[],
): Promise<HostileServer> {
  server.on('connection', (s) => {
    out.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const out = {
    url: `http://${address}:${port}`,
    host: `${address}:${port}`,
    requests,
    connections: 0,
    received: () =>
      out.requests.map((r) => `${r.method} ${r.path}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n'),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return out;
}

/** A server on `address` (127.0.0.x) that records each request, then lets `handler` answer it. */
export async function startHostile(address: string, handler: HostileHandler): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const requests: HostileRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: HostileRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(r);
      handler(r, res);
    });
  });
  return listen(address, server, sockets, requests);
}

/** Accepts connections (and reads requests) but never answers a byte. */
export async function startSilent(address: string): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const requests: HostileRequest[] = [];
  const server = http.createServer((req) => {
    req.resume();
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: '' });
  });
  // Node would otherwise close idle requests after its own timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 0;
  return listen(address, server, sockets, requests);
}

export interface FakeRegistryOptions {
  /** Basic-auth users; every /v2/ request needs one of them. */
  users: Record<string, string>;
  /** The one image served, at `repo:tag` and by digest. */
  image: { mediaType: string; manifest: Buffer; digest: string; blobs: { digest: string; data: Buffer }[] };
  repo: string;
  tag: string;
  /** Answers a blob GET instead of serving it (redirect, drop, echo...); return true when handled. */
  blob?: (req: HostileRequest, res: http.ServerResponse, digest: string) => boolean;
  /** Answers a manifest request instead of serving it; return true when handled. */
  manifest?: (req: HostileRequest, res: http.ServerResponse) => boolean;
}

/**
 * Just enough of the distribution API to be a copy's source: Basic auth, GET /v2/, the
 * manifest by tag or digest, the blobs — with hooks for misbehaving on purpose.
 */
export function fakeRegistry(opts: FakeRegistryOptions): HostileHandler {
  const good = new Set(
    Object.entries(opts.users).map(([u, p]) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64')),
  );
  return (req, res) => {
    if (!good.has(String(req.headers.authorization))) {
      return answer(
        res,
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        { 'www-authenticate': 'Basic realm="fake"' },
      );
    }
    const path = req.path.split('?')[0];
    if (path === '/v2/') return answer(res, 200, {});
    const m = new RegExp(`^/v2/${opts.repo}/(manifests|blobs)/([^/]+)$`).exec(path);
    if (m?.[1] === 'manifests' && (m[2] === opts.tag || m[2] === opts.image.digest)) {
      if (opts.manifest?.(req, res)) return;
      res.writeHead(200, {
        'content-type': opts.image.mediaType,
        'docker-content-digest': opts.image.digest,
        'content-length': opts.image.manifest.length,
      });
      return res.end(req.method === 'HEAD' ? undefined : opts.image.manifest);
    }
    const blob = m?.[1] === 'blobs' ? opts.image.blobs.find((b) => b.digest === m[2]) : undefined;
    if (blob) {
      if (opts.blob?.(req, res, blob.digest)) return;
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'docker-content-digest': blob.digest,
        'content-length': blob.data.length,
      });
      return res.end(req.method === 'HEAD' ? undefined : blob.data);
    }
    answer(res, 404, { errors: [{ code: 'NAME_UNKNOWN', message: 'not here' }] });
  };
}
