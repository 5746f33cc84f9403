/**
 * HTTP for the registry client, on node:http/node:https (measured faster here than
 * fetch) with keep-alive agents. Knows nothing about registries or auth beyond
 * the rules that keep credentials safe:
 *
 *   const t = new Transport({ maxPerHost: 8 });
 *   const res = await t.request({ method: 'GET', url, headers, insecure });
 *   await res.json() | res.buffer() | res.drain()   // always consume: it frees the host slot
 *
 * - at most `maxPerHost` exchanges in flight per origin; a slot is held until the
 *   response body has been read, so callers must consume or drain every response;
 * - retries with exponential backoff (and Retry-After) on 408/429/5xx and on
 *   connection resets/timeouts, when the body can be sent again (none, Buffer, or a
 *   factory); after the last attempt the failing response is returned;
 * - redirects are followed; Authorization is dropped when the origin changes
 *   (or, with onCrossOriginRedirect: 'fail', the request fails instead); a body
 *   marked `credentials` (a token request's password or refresh token) never
 *   follows a redirect to another origin: that request fails;
 * - credentials (any Authorization, or a body marked `credentials`) are never
 *   sent over plain http, except to loopback or when the caller marks the target
 *   `insecure`;
 * - HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured (see proxy.ts): https through a
 *   CONNECT tunnel, plain http as absolute-form requests to the proxy, which then reads
 *   every header, so no credential goes that way unless the target is `insecure`.
 */
import http from 'node:http';
import type https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { UserError } from '../errors.js';
import { isLoopback } from '../naming/index.js';
import { Slots } from './pool.js';
import { proxyConfigured, proxyFor, proxyHeaders, proxyHttpsAgent } from '../proxy/index.js';
import { Response } from './response.js';

export { Response } from './response.js';

/** A body that can be sent again (Buffer, string, factory) or only once (a stream). */
export type RequestBody = Buffer | string | (() => Readable) | Readable;

export interface RequestSpec {
  method: string;
  url: URL | string;
  headers?: Record<string, string | number | undefined>;
  body?: RequestBody;
  /** Allows Basic credentials over plain http to a non-loopback host. */
  insecure?: boolean;
  /** The body itself carries a credential (a token request's password or refresh token). */
  credentials?: boolean;
  /** What to do with Authorization when a redirect leaves the origin. Default 'strip'. */
  onCrossOriginRedirect?: 'strip' | 'fail';
  /** false: one attempt only. */
  retry?: boolean;
}

export interface Exchange {
  method: string;
  url: URL;
  status: number;
}

export interface TransportOptions {
  maxPerHost?: number;
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Idle-socket timeout. */
  timeoutMs?: number;
  userAgent?: string;
  /** Called after every HTTP exchange, including retried and redirected ones. */
  onExchange?: (e: Exchange) => void;
  /** Called with one line before each retry: which host, what went wrong, when the next attempt is. */
  onRetry?: (message: string) => void;
  /**
   * Time (Date.now() ms) after which no request of this transport starts or waits any
   * longer: the whole of a login check, say, however many requests and retries it takes.
   */
  deadline?: number;
}

/** The network failed (after retries); `code` is Node's (ECONNRESET, ENOTFOUND...). */
export class NetworkError extends UserError {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isStream = (b: RequestBody | undefined): b is Readable => !!b && typeof b === 'object' && !Buffer.isBuffer(b);

export class Transport {
  readonly maxPerHost: number;
  /** Exchanges made so far (each retry and redirect hop counts). */
  exchanges = 0;
  private readonly opts: Required<Omit<TransportOptions, 'onExchange' | 'onRetry' | 'deadline'>> &
    Pick<TransportOptions, 'onExchange' | 'onRetry' | 'deadline'>;
  private readonly limiters = new Map<string, Slots>();
  private readonly httpAgent: http.Agent;
  /** Keep-alive connections to an HTTP proxy, for absolute-form requests; made on first use. */
  private proxyAgent?: http.Agent;
  /** Loaded on first use: node:https costs ~15 ms at start-up, and loopback registries never need it. */
  private https?: Promise<{ mod: typeof https; agent: https.Agent }>;
  private readonly agentOpts: http.AgentOptions;
  private readonly debug = !!process.env.REGKIT_DEBUG;

  constructor(opts: TransportOptions = {}) {
    this.opts = {
      maxPerHost: opts.maxPerHost ?? 8,
      retries: opts.retries ?? 4,
      retryBaseMs: opts.retryBaseMs ?? 250,
      retryMaxMs: opts.retryMaxMs ?? 8000,
      timeoutMs: opts.timeoutMs ?? 120_000,
      userAgent: opts.userAgent ?? 'regkit',
      onExchange: opts.onExchange,
      onRetry: opts.onRetry,
      deadline: opts.deadline,
    };
    this.maxPerHost = this.opts.maxPerHost;
    this.agentOpts = { keepAlive: true, maxSockets: this.maxPerHost, scheduling: 'lifo' };
    this.httpAgent = new http.Agent(this.agentOpts);
  }

  /** Sends with retries and redirects; returns the final response (any status). */
  async request(spec: RequestSpec): Promise<Response> {
    const replayable = !isStream(spec.body);
    const attempts = spec.retry === false || !replayable ? 1 : this.opts.retries + 1;
    const host = new URL(spec.url).host;
    for (let attempt = 1; ; attempt++) {
      this.checkDeadline(host, attempt);
      let res: Response;
      try {
        res = await this.follow(spec);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (err instanceof UserError) throw err;
        const failed = (err as { host?: string }).host ?? host;
        if (attempt < attempts && RETRY_CODES.has(code)) {
          await this.pause(this.backoff(attempt), failed, code === 'ETIMEDOUT' ? 'no answer' : code, attempt, attempts);
          continue;
        }
        if (code === 'ETIMEDOUT') this.checkDeadline(failed, attempt + 1, 0);
        if (
          RETRY_CODES.has(code) ||
          code.startsWith('ENOTFOUND') ||
          code.startsWith('ERR_TLS') ||
          code.includes('CERT')
        ) {
          const via = failed !== host ? ` while sending to ${host}` : '';
          const proxy = (err as { proxy?: string }).proxy;
          throw new NetworkError(
            `cannot reach ${failed}${proxy ? ` through the proxy ${proxy}` : ''}: ${code}${via}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`,
            code,
          );
        }
        throw err;
      }
      if (attempt < attempts && RETRY_STATUS.has(res.status)) {
        const after = Number(res.header('retry-after'));
        await res.drain();
        const delay =
          Number.isFinite(after) && after > 0 ? Math.min(after * 1000, this.opts.retryMaxMs) : this.backoff(attempt);
        await this.pause(delay, res.url.host, `HTTP ${res.status}`, attempt, attempts);
        continue;
      }
      return res;
    }
  }

  /** Waits before the next attempt, saying so; gives up at once when the deadline would pass first. */
  private async pause(ms: number, host: string, why: string, attempt: number, attempts: number): Promise<void> {
    const { deadline } = this.opts;
    if (deadline !== undefined && Date.now() + ms >= deadline) this.checkDeadline(host, attempt + 1, 0);
    this.opts.onRetry?.(
      `${host}: ${why}; trying again in ${(ms / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`,
    );
    await sleep(ms);
  }

  private checkDeadline(host: string, attempt: number, left = (this.opts.deadline ?? Infinity) - Date.now()): void {
    if (left > 0) return;
    const tries = attempt > 1 ? ` (after ${attempt - 1} attempt${attempt > 2 ? 's' : ''})` : '';
    throw new NetworkError(
      `${host} did not answer in time${tries}; check that the registry is up and reachable from the runner`,
      'ETIMEDOUT',
    );
  }

  /** Frees the keep-alive sockets (lets a process exit at once). */
  close(): void {
    this.httpAgent.destroy();
    this.proxyAgent?.destroy();
    void this.https?.then(({ agent }) => agent.destroy());
  }

  private client(
    url: URL,
  ): Promise<{ mod: typeof http | typeof https; agent: http.Agent }> | { mod: typeof http; agent: http.Agent } {
    if (url.protocol !== 'https:') return { mod: http, agent: this.httpAgent };
    // With a proxy configured the agent tunnels per host (NO_PROXY hosts and loopback go direct).
    return (this.https ??= import('node:https').then(async (mod) => ({
      mod: mod.default,
      agent: proxyConfigured() ? await proxyHttpsAgent(this.agentOpts) : new mod.default.Agent(this.agentOpts),
    })));
  }

  private backoff(attempt: number): number {
    const base = Math.min(this.opts.retryBaseMs * 2 ** (attempt - 1), this.opts.retryMaxMs);
    return base / 2 + Math.random() * (base / 2);
  }

  private async follow(spec: RequestSpec): Promise<Response> {
    let url = new URL(spec.url);
    let method = spec.method;
    let body = spec.body;
    const headers: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(spec.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
    for (let hop = 0; ; hop++) {
      const secretBody = !!spec.credentials && body !== undefined;
      const res = await this.once(method, url, headers, body, spec.insecure ?? false, secretBody);
      const location = res.header('location');
      if (!REDIRECT_STATUS.has(res.status) || !location) return res;
      await res.drain();
      if (hop >= MAX_REDIRECTS)
        throw new UserError(`too many redirects from ${new URL(spec.url).host}${new URL(spec.url).pathname}`);
      const next = new URL(location, url);
      const keepsBody = !(res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST'));
      if (next.origin !== url.origin && (headers.authorization !== undefined || secretBody)) {
        if (spec.onCrossOriginRedirect === 'fail' || (secretBody && keepsBody)) {
          throw new UserError(
            `${url.host} redirected a request with credentials to another host (${next.host}); regkit does not send credentials there`,
          );
        }
        delete headers.authorization;
      }
      if (!keepsBody) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        delete headers['content-length'];
        delete headers['content-type'];
      } else if (isStream(body)) {
        throw new UserError(`${url.host} redirected an upload (HTTP ${res.status}) that cannot be sent twice`);
      }
      url = next;
    }
  }

  private limiter(url: URL): Slots {
    let l = this.limiters.get(url.origin);
    if (!l) this.limiters.set(url.origin, (l = new Slots(this.maxPerHost)));
    return l;
  }

  private async once(
    method: string,
    url: URL,
    headers: Record<string, string | number>,
    body: RequestBody | undefined,
    insecure: boolean,
    secretBody: boolean,
  ): Promise<Response> {
    const credentials = headers.authorization !== undefined || secretBody;
    if (url.protocol === 'http:' && credentials && !insecure && !isLoopback(url.host)) {
      throw new UserError(
        `refusing to send credentials to ${url.host} over plain http; mark the registry insecure: true only if that is really intended`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UserError(`unsupported URL scheme in ${url.protocol}//${url.host}`);
    const payload = typeof body === 'function' ? body() : body;
    const outHeaders: Record<string, string | number> = { 'user-agent': this.opts.userAgent, ...headers };
    if (typeof payload === 'string' || Buffer.isBuffer(payload))
      outHeaders['content-length'] = Buffer.byteLength(payload);
    else if (!payload && (method === 'PUT' || method === 'POST' || method === 'PATCH'))
      outHeaders['content-length'] = 0;
    let { mod, agent } = await this.client(url);
    // Plain http through a proxy: the request goes to the proxy, naming the target in full.
    let target: http.RequestOptions = {};
    const route = url.protocol === 'http:' ? await proxyFor(url) : undefined;
    // Credentials get here only for insecure targets (checked above; loopback never uses a proxy).
    if (route) {
      Object.assign(outHeaders, { host: url.host }, proxyHeaders(route));
      if (route.proxy.protocol === 'https:') mod = (await import('node:https')).default;
      agent = this.proxyAgent ??= new mod.Agent(this.agentOpts);
      target = {
        protocol: route.proxy.protocol,
        hostname: route.proxy.hostname,
        port: route.proxy.port || undefined,
        path: url.href,
      };
    }
    const limiter = this.limiter(url);
    await limiter.acquire();
    if (this.debug)
      process.stderr.write(
        `regkit: ${performance.now() | 0} > ${method} ${url.origin}${url.pathname}${url.search ? '?…' : ''}\n`,
      );
    return new Promise<Response>((resolve, reject) => {
      let released = false;
      const release = () => {
        if (!released) {
          released = true;
          limiter.release();
        }
      };
      const timeout = Math.max(1, Math.min(this.opts.timeoutMs, (this.opts.deadline ?? Infinity) - Date.now()));
      const req = mod.request(url, { ...target, method, headers: outHeaders, agent, timeout }, (res) => {
        res.once('end', release);
        res.once('close', release);
        res.once('error', release);
        this.exchanges++;
        if (this.debug)
          process.stderr.write(`regkit: ${performance.now() | 0} < ${res.statusCode} ${method} ${url.pathname}\n`);
        const response = new Response(res.statusCode ?? 0, res.headers, url, res);
        this.opts.onExchange?.({ method, url, status: response.status });
        resolve(response);
      });
      req.once('timeout', () =>
        req.destroy(
          Object.assign(new Error(`timed out talking to ${url.host}`), { code: 'ETIMEDOUT', host: url.host }),
        ),
      );
      // A body that fails (a digest mismatch) is the cause, whatever the socket says next.
      // The socket's complaint can come first, so the body gets a moment to report.
      let bodyError: Error | undefined;
      // Name the host that failed: after a redirect it is not the one first asked, and a
      // streamed body's source (another registry) may be what broke.
      const named = (e: Error) => Object.assign(e, { host: (e as { host?: string }).host ?? url.host });
      req.once('error', (err) => {
        release();
        if (route) Object.assign(err, { proxy: route.proxy.host });
        const body = isStream(payload) ? payload : undefined;
        if (!body) return reject(named(err));
        setImmediate(() => reject(named(bodyError ?? (body.errored as Error | null) ?? err)));
      });
      if (isStream(payload)) {
        payload.once('error', (err) => (bodyError ??= err));
        pipeline(payload, req, (err) => {
          if (err) req.destroy(err);
        });
      } else {
        req.end(payload);
      }
    });
  }
}

let shared: Transport | undefined;
/** One transport per process, so keep-alive connections and host limits are shared. */
export function defaultTransport(): Transport {
  return (shared ??= new Transport());
}
