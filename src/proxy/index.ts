/**
 * HTTP proxies from the environment the runner passes on: HTTPS_PROXY, HTTP_PROXY and
 * NO_PROXY, upper or lower case. Whether a URL goes through a proxy, and which one, is
 * decided by @actions/http-client's getProxyUrl (NO_PROXY, and loopback always goes
 * direct), so regkit and the rest of the Actions toolkit agree on every host.
 *
 * - https: a CONNECT tunnel through the proxy; TLS (and the registry's Authorization)
 *   runs inside it, the proxy sees only the host name and port.
 * - plain http: absolute-form requests to the proxy, which reads them whole; the
 *   transport therefore sends credentials that way only to registries marked insecure.
 * - The proxy's own user:password (from its URL) goes only to the proxy, as
 *   Proxy-Authorization; proxySecrets() lists what to mask.
 *
 * @actions/http-client (and the undici it loads) is imported only when a proxy variable is set.
 */
import type httpsTypes from 'node:https';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { UserError } from '../errors.js';
import { basicAuth } from '../naming/index.js';

const VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

export interface ProxyRoute {
  /** The proxy's origin, without credentials, for messages. */
  proxy: URL;
  /** `Basic …` for Proxy-Authorization when the proxy URL carries user:password. */
  authorization?: string;
}

/** The proxy refused a tunnel or could not be used. */
export class ProxyError extends UserError {
  override name = 'ProxyError';
}

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return VARS.some((k) => !!env[k]);
}

// Lenient on purpose: only used to find what to mask, so `user:pass@host:port` without a scheme counts too.
function parseProxyUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    return new URL(`http://${value}`);
  } catch {
    try {
      return new URL(`http://${value}`);
    } catch {
      return undefined;
    }
  }
}

function credentialsOf(url: URL): { user: string; password: string } | undefined {
  if (!url.username && !url.password) return undefined;
  return { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/** Every form of a proxy credential that could be printed: the password, the header value, the URL as written. */
export function proxySecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const out = new Set<string>();
  for (const k of VARS) {
    const value = env[k];
    const url = value ? parseProxyUrl(value) : undefined;
    const cred = url && credentialsOf(url);
    if (!cred) continue;
    if (cred.password) out.add(cred.password);
    if (url.password) out.add(url.password);
    out.add(basicAuth(cred.user, cred.password));
  }
  return [...out];
}

type GetProxyUrl = (serverUrl: string) => string;
let loading: Promise<GetProxyUrl> | undefined;
const routes = new Map<string, ProxyRoute | null>();

/** The proxy a request to `url` goes through, or undefined for a direct connection. */
export async function proxyFor(url: URL): Promise<ProxyRoute | undefined> {
  if (!proxyConfigured()) return undefined;
  const key = `${url.protocol}//${url.host}`;
  const id = [key, ...VARS.map((k) => process.env[k]), process.env.no_proxy, process.env.NO_PROXY].join('\0');
  let route = routes.get(id);
  if (route === undefined) {
    const getProxyUrl = await (loading ??= import('@actions/http-client').then((m) => m.getProxyUrl));
    const href = getProxyUrl(key);
    route = null;
    if (href) {
      const full = new URL(href);
      if (full.protocol !== 'http:' && full.protocol !== 'https:') {
        // Nothing of the value is quoted: it may hold the proxy's password.
        throw new ProxyError(
          `the proxy variable for ${url.protocol}//${url.host} (HTTPS_PROXY or HTTP_PROXY) is not an http:// or https:// URL — write it as http://[user:password@]host:port`,
        );
      }
      const cred = credentialsOf(full);
      route = {
        proxy: new URL(full.origin),
        authorization: cred ? `Basic ${basicAuth(cred.user, cred.password)}` : undefined,
      };
    }
    routes.set(id, route);
  }
  return route ?? undefined;
}

/** Headers for an absolute-form (plain http) request through the proxy. */
export function proxyHeaders(route: ProxyRoute): Record<string, string> {
  return route.authorization ? { 'proxy-authorization': route.authorization } : {};
}

function defaultPort(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

/** Opens a CONNECT tunnel to host:port; resolves with the socket once the proxy answered 2xx. */
export async function tunnel(route: ProxyRoute, host: string, port: number): Promise<Duplex> {
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const { proxy } = route;
  // An https:// proxy is spoken to over TLS itself; the tunnel's own TLS runs inside that.
  const mod = proxy.protocol === 'https:' ? (await import('node:https')).default : (await import('node:http')).default;
  return new Promise((resolve, reject) => {
    const req = mod.request({
      host: proxy.hostname,
      port: defaultPort(proxy),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...proxyHeaders(route) },
      agent: false,
    });
    req.once('connect', (res, socket, head) => {
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
        socket.destroy();
        const why =
          res.statusCode === 407 ? ' (proxy authentication required: put user:password in the proxy URL)' : '';
        reject(
          new ProxyError(
            `proxy ${route.proxy.host} refused a tunnel to ${target}: HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim() +
              why,
          ),
        );
        return;
      }
      if (head.length) socket.unshift(head);
      resolve(socket);
    });
    req.once('error', (err: NodeJS.ErrnoException) => {
      // The transport retries by code and names the proxy in its message.
      reject(
        Object.assign(new Error(`cannot reach proxy ${route.proxy.host}: ${err.code ?? err.message}`), {
          code: err.code,
          proxy: route.proxy.host,
        }),
      );
    });
    req.end();
  });
}

/**
 * An https agent that opens each connection through the proxy getProxyUrl names for its
 * host (a CONNECT tunnel, then TLS to the registry inside it), or directly. Keep-alive
 * pooling works as for any https.Agent.
 */
export async function proxyHttpsAgent(opts: httpsTypes.AgentOptions): Promise<httpsTypes.Agent> {
  const https = (await import('node:https')).default;
  const tlsMod = (await import('node:tls')).default;
  class TunnelAgent extends https.Agent {
    override createConnection(
      options: tls.ConnectionOptions & { host?: string; port?: number },
      cb: (err: Error | null, s?: Duplex) => void,
    ): Duplex | undefined {
      const host = options.host ?? 'localhost';
      const port = Number(options.port) || 443;
      const servername = options.servername || (/^[\d.]+$|:/.test(host) ? undefined : host);
      const url = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${port}`);
      proxyFor(url)
        .then(async (route) => {
          if (!route) return tlsMod.connect({ ...options, host, port, servername });
          const socket = await tunnel(route, host, port);
          return tlsMod.connect({ ...options, socket, servername });
        })
        .then(
          (s) => cb(null, s),
          (err: Error) => cb(err),
        );
      return undefined;
    }
  }
  return new TunnelAgent(opts);
}
