/**
 * A stand-in for GitHub's OIDC token service: serves ACTIONS_ID_TOKEN_REQUEST_URL
 * the way the runner's does (GET …&audience=A with the request token as Bearer →
 * {"value": JWT}), signs RS256 JWTs with a key of its own, and publishes that key
 * where clouds look for it (/.well-known/openid-configuration → jwks_uri).
 *
 *   const gh = await startOidcIssuer({ subject: 'repo:acme/app:ref:refs/heads/main' });
 *   runAction('login', { env: { ...gh.env } })    // ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN
 *   gh.issued                                     // every token handed out, in order
 *   gh.expired = true                             // the next tokens expired an hour ago
 *   gh.forged = true                              // the next tokens are signed with another key
 */
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface OidcIssuer {
  /** The issuer (iss), also the base URL of its discovery document. */
  url: string;
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The sub claim of tokens issued from now on. */
  subject: string;
  /** Tokens issued from now on are already expired. */
  expired: boolean;
  /** Tokens issued from now on are signed with a key the JWKS does not hold (a forgery). */
  forged: boolean;
  issued: { audience: string; token: string }[];
  /** Requests for a token, refused ones included. */
  requests: { audience: string | null; status: number }[];
  close(): Promise<void>;
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export async function startOidcIssuer(opts: { subject: string }): Promise<OidcIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = randomBytes(8).toString('hex');
  const requestToken = `req-${randomBytes(12).toString('hex')}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  let url = '';
  const issuer: OidcIssuer = {
    url: '',
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    subject: opts.subject,
    expired: false,
    forged: false,
    issued: [],
    requests: [],
    close: async () => {},
  };
  const mint = (audience: string) => {
    const now = Math.floor(Date.now() / 1000) - (issuer.expired ? 3600 : 0);
    const claims = {
      iss: url,
      sub: issuer.subject,
      aud: audience,
      iat: now,
      nbf: now - 5,
      exp: now + 300,
      jti: randomBytes(8).toString('hex'),
      repository: 'acme/app',
      ref: 'refs/heads/main',
    };
    const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), issuer.forged ? otherKey : privateKey))}`;
  };
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', url);
    const json = (status: number, doc: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
    if (u.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer: url,
        jwks_uri: `${url}/.well-known/jwks`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (u.pathname === '/.well-known/jwks') return json(200, { keys: [jwk] });
    if (u.pathname === '/token' && req.method === 'GET') {
      const audience = u.searchParams.get('audience');
      const entry = { audience, status: 200 };
      issuer.requests.push(entry);
      if (req.headers.authorization !== `Bearer ${requestToken}` || u.searchParams.get('api-version') !== '2.0') {
        entry.status = 401;
        return json(401, { message: 'Bad credentials' });
      }
      const aud = audience ?? url;
      const token = mint(aud);
      issuer.issued.push({ audience: aud, token });
      return json(200, { count: 1, value: token });
    }
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.url = url;
  issuer.env.ACTIONS_ID_TOKEN_REQUEST_URL = `${url}/token?api-version=2.0`;
  issuer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return issuer;
}
