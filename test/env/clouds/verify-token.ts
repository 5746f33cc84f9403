/**
 * What every cloud does with a GitHub OIDC token before trusting it: find the
 * issuer's key through its discovery document and JWKS (over HTTP, as clouds
 * do), check the RS256 signature, then the expiry, the audience and the subject.
 * The fakes turn the first failed check into their own cloud's error.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';

export type TokenCheck =
  | { ok: true; claims: Record<string, unknown> }
  | {
      ok: false;
      failed: 'format' | 'issuer' | 'signature' | 'expired' | 'audience' | 'subject';
      claims: Record<string, unknown>;
    };

export interface Trust {
  /** The issuer trusted; its JWKS is fetched from its discovery document. */
  issuer: string;
  audience: string;
  /** The sub claim, exactly, or a pattern with * wildcards (as trust policies write it). */
  subject: string;
}

function subjectMatches(pattern: string, sub: unknown): boolean {
  if (typeof sub !== 'string') return false;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(sub);
}

export async function checkToken(token: string, trust: Trust): Promise<TokenCheck> {
  const parts = token.split('.');
  let header: { alg?: string; kid?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  } catch {
    return { ok: false, failed: 'format', claims: {} };
  }
  if (parts.length !== 3 || header.alg !== 'RS256') return { ok: false, failed: 'format', claims };
  if (claims.iss !== trust.issuer) return { ok: false, failed: 'issuer', claims };
  const discovery = (await (await fetch(`${trust.issuer}/.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
  };
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid?: string })[] };
  const jwk = keys.find((k) => k.kid === header.kid);
  const good =
    jwk &&
    verify(
      'sha256',
      Buffer.from(`${parts[0]}.${parts[1]}`),
      createPublicKey({ key: jwk, format: 'jwk' }),
      Buffer.from(parts[2], 'base64url'),
    );
  if (!good) return { ok: false, failed: 'signature', claims };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now())
    return { ok: false, failed: 'expired', claims };
  if (![claims.aud].flat().includes(trust.audience)) return { ok: false, failed: 'audience', claims };
  if (!subjectMatches(trust.subject, claims.sub)) return { ok: false, failed: 'subject', claims };
  return { ok: true, claims };
}

/** Reads a request body. */
export async function bodyOf(req: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
