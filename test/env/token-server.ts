/**
 * A Docker registry token server (the Bearer flow of Distribution's token auth),
 * running in the test process on 127.0.0.1.
 *
 *   const ts = await startTokenServer({
 *     users: { alice: { password: 'a-pass', access: [{ repo: 'team/*', actions: ['pull', 'push'] }] },
 *              reader: { password: 'r-pass', access: [{ repo: '*', actions: ['pull'] }] } },
 *     anonymous: [{ repo: 'public/*', actions: ['pull'] }],   // omit: no token without credentials
 *   });
 *   ts.realm; ts.service; ts.issuer; ts.certPath   // what the registry's config needs
 *   ts.requests                                     // every request received, in order
 *   ts.intercept = (req, res) => { ...; return true };  // answer some requests yourself
 *   await ts.stop();
 *
 * GET /token?service=S&scope=repository:team/app:pull,push&scope=... with Basic auth,
 * or POST /token (form: grant_type=password|refresh_token, as Docker sends), answers
 * {token, access_token, expires_in, issued_at[, refresh_token]}. The token is an ES256
 * JWT: header x5c = the server's self-signed cert (made with openssl), claims iss, sub,
 * aud (a string: the requested service), exp, nbf, iat, jti, access. A token grants only
 * the intersection of the requested and the allowed actions, so an account without
 * push rights logs in and pulls, and its push fails.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID, sign, X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk, tempDir } from './processes.js';
import { FULL_ACCESS, grant, parseScope, type Access, type AccessRule } from './token-access.js';

export { FULL_ACCESS, grant, parseScope, type Access, type AccessRule };

export interface TokenUser {
  password: string;
  /** Default FULL_ACCESS: every action on every repository, and the catalog. */
  access?: AccessRule[];
}

export interface TokenRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Form fields of a POST. */
  form?: Record<string, string[]>;
  /** Who the token was issued to ('' anonymous); undefined when refused. */
  subject?: string;
  granted?: Access[];
  status: number;
}

export interface TokenServerOptions {
  users?: Record<string, TokenUser>;
  anonymous?: AccessRule[];
  service?: string;
  issuer?: string;
  expiresIn?: number;
}

export interface TokenServer {
  url: string;
  realm: string;
  service: string;
  issuer: string;
  certPath: string;
  users: Record<string, TokenUser>;
  requests: TokenRequest[];
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  stop(): Promise<void>;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function signJwt(key: KeyObject, certDer: Buffer, claims: object): string {
  const header = { alg: 'ES256', typ: 'JWT', x5c: [certDer.toString('base64')] };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  // JWS wants the raw r||s form, not DER.
  const sig = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(sig)}`;
}

function multi(params: URLSearchParams): Record<string, string[]> {
  const o: Record<string, string[]> = {};
  for (const [k, v] of params) (o[k] ??= []).push(v);
  return o;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function basic(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? undefined : { user: text.slice(0, i), password: text.slice(i + 1) };
}

export async function makeSigningCert(cn = 'regkit-test-token'): Promise<{ keyPath: string; certPath: string }> {
  const dir = tempDir('token-cert');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  await runOk('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
    '-subj',
    `/CN=${cn}`,
    '-batch',
  ]);
  return { keyPath, certPath };
}

export async function startTokenServer(opts: TokenServerOptions = {}): Promise<TokenServer> {
  const { keyPath, certPath } = await makeSigningCert();
  const key = createPrivateKey(readFileSync(keyPath));
  const certDer = new X509Certificate(readFileSync(certPath)).raw;
  const service = opts.service ?? 'regkit-test-registry';
  const issuer = opts.issuer ?? 'regkit-test-token-issuer';
  const expiresIn = opts.expiresIn ?? 300;
  const refreshTokens = new Map<string, string>();

  const ts: TokenServer = {
    url: '',
    realm: '',
    service,
    issuer,
    certPath,
    users: opts.users ?? {},
    requests: [],
    stop: async () => {},
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: TokenRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: multi(url.searchParams),
      headers: req.headers,
      status: 0,
    };
    ts.requests.push(rec);
    const reply = (status: number, body: object) => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (ts.intercept && (await ts.intercept(req, res))) {
      rec.status = res.statusCode;
      return;
    }
    if (url.pathname !== '/token' || (req.method !== 'GET' && req.method !== 'POST'))
      return reply(404, { error: 'not found' });

    let params = url.searchParams;
    let subject: string | undefined;
    if (req.method === 'POST') {
      params = new URLSearchParams(await readBody(req));
      rec.form = multi(params);
      const grantType = params.get('grant_type');
      if (grantType === 'password') {
        const u = ts.users[params.get('username') ?? ''];
        if (u && u.password === params.get('password')) subject = params.get('username')!;
      } else if (grantType === 'refresh_token') {
        subject = refreshTokens.get(params.get('refresh_token') ?? '');
      } else {
        return reply(400, { error: 'unsupported_grant_type' });
      }
      if (subject === undefined)
        return reply(401, { error: 'invalid_grant', details: 'incorrect username or password' });
    } else {
      const cred = basic(req.headers.authorization);
      if (cred) {
        const u = ts.users[cred.user];
        if (!u || u.password !== cred.password) return reply(401, { details: 'incorrect username or password' });
        subject = cred.user;
      } else if (opts.anonymous) {
        subject = '';
      } else {
        return reply(401, { details: 'authentication required' });
      }
    }

    const requested = params
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .map(parseScope)
      .filter((a): a is Access => !!a);
    const rules = subject === '' ? (opts.anonymous ?? []) : (ts.users[subject]?.access ?? FULL_ACCESS);
    const granted = grant(requested, rules);
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(key, certDer, {
      iss: issuer,
      sub: subject,
      aud: params.get('service') ?? service,
      exp: now + expiresIn,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: granted,
    });
    rec.subject = subject;
    rec.granted = granted;
    const body: Record<string, unknown> = {
      token,
      access_token: token,
      expires_in: expiresIn,
      issued_at: new Date(now * 1000).toISOString(),
    };
    const wantsRefresh = params.get('access_type') === 'offline' || params.get('offline_token') === 'true';
    if (subject !== '' && wantsRefresh) {
      const refresh = randomBytes(18).toString('base64url');
      refreshTokens.set(refresh, subject);
      body.refresh_token = refresh;
    }
    reply(200, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  ts.url = `http://127.0.0.1:${port}`;
  ts.realm = `${ts.url}/token`;
  ts.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return ts;
}
