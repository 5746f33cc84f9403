/**
 * A forward HTTP proxy, as a corporate network puts in front of a runner: CONNECT
 * tunnels for https and absolute-form requests for plain http. It maps host names that
 * do not resolve (registry.regkit.invalid) to local servers, so a registry behind it is
 * reachable only through it. It records every request line and header it was sent, and
 * every byte that arrived on its sockets.
 *
 *   const p = await startForwardProxy({ hosts: { 'registry.regkit.invalid': reg.host } });
 *   env.HTTPS_PROXY = p.url;               // or p.urlWith('user', 'pass') with `auth`
 *   p.requests     // [{ method: 'CONNECT', target: 'registry.regkit.invalid:443', headers }, …]
 *   p.received()   // every byte clients sent (tunnelled TLS included), to search for secrets
 *   await p.stop();
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface ForwardProxyOptions {
  /** host (without port) → the 127.0.0.1:port it stands for; the requested port is replaced. */
  hosts: Record<string, string>;
  /** Demand Proxy-Authorization: Basic with these credentials (407 otherwise). */
  auth?: { username: string; password: string };
}

export interface ForwardedRequest {
  method: string;
  /** CONNECT: host:port; otherwise the absolute URL asked for. */
  target: string;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface ForwardProxy {
  host: string;
  url: string;
  urlWith(username: string, password: string): string;
  requests: ForwardedRequest[];
  received(): Buffer;
  stop(): Promise<void>;
}

export async function startForwardProxy(opts: ForwardProxyOptions): Promise<ForwardProxy> {
  const requests: ForwardedRequest[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const expected = opts.auth
    ? `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}`
    : undefined;

  /** host:port to dial, or undefined for a host the proxy does not know. */
  const route = (hostname: string): { host: string; port: number } | undefined => {
    const mapped = opts.hosts[hostname.toLowerCase()];
    if (!mapped) return undefined;
    const [host, port] = mapped.split(':');
    return { host: host!, port: Number(port) };
  };
  const authorized = (headers: IncomingHttpHeaders) => !expected || headers['proxy-authorization'] === expected;

  const server = createServer((req, res) => {
    const rec: ForwardedRequest = { method: req.method ?? '', target: req.url ?? '', headers: req.headers, status: 0 };
    requests.push(rec);
    res.on('finish', () => (rec.status = res.statusCode));
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    if (!authorized(req.headers)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test-proxy"' }).end();
      return;
    }
    const to = route(url.hostname);
    if (!to) {
      res.writeHead(502).end(`unknown host ${url.hostname}`);
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const up = request(
      { host: to.host, port: to.port, method: req.method, path: `${url.pathname}${url.search}`, headers, agent: false },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (d: Buffer) => chunks.push(d));
  });

  server.on('connect', (req, client: Socket, head: Buffer) => {
    const rec: ForwardedRequest = { method: 'CONNECT', target: req.url ?? '', headers: req.headers, status: 0 };
    requests.push(rec);
    const answer = (status: number, text: string) => {
      rec.status = status;
      client.end(
        `HTTP/1.1 ${status} ${text}\r\n${status === 407 ? 'Proxy-Authenticate: Basic realm="test-proxy"\r\n' : ''}Content-Length: 0\r\n\r\n`,
      );
    };
    if (!authorized(req.headers)) return answer(407, 'Proxy Authentication Required');
    const hostname = (req.url ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const to = route(hostname);
    if (!to) return answer(502, 'Bad Gateway');
    const upstream = connect(to.port, to.host, () => {
      rec.status = 200;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}`,
    urlWith: (u, p) => `http://${encodeURIComponent(u)}:${encodeURIComponent(p)}@${host}`,
    requests,
    received: () => Buffer.concat(chunks),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
