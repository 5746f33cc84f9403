/**
 * The token request of the distribution token-auth flow: GET realm?service=&scope=…
 * with Basic credentials (or none, for an anonymous token), or Docker's OAuth2
 * refresh-token POST for an `identitytoken`; and reading the answer.
 */
import type { RequestSpec } from './transport.js';
import type { Response } from './response.js';
import { basicAuth } from '../naming/index.js';

export interface TokenCredential {
  username: string;
  password: string;
  identityToken?: string;
}

export interface Token {
  value: string;
  expiresAt: number;
}

/** The Authorization header of HTTP Basic for these credentials. */
export function basicHeader(cred: TokenCredential): string {
  return 'Basic ' + basicAuth(cred.username, cred.password);
}

/** The request for a token with all `scopes` at once. */
export function tokenRequest(
  realm: URL,
  service: string | undefined,
  scopes: string[],
  cred: TokenCredential | undefined,
): RequestSpec {
  const url = new URL(realm);
  if (cred?.identityToken) {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: cred.identityToken,
      client_id: 'regkit',
    });
    if (service) form.set('service', service);
    if (scopes.length) form.set('scope', scopes.join(' '));
    return {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      credentials: true,
    };
  }
  if (service) url.searchParams.set('service', service);
  for (const s of scopes) url.searchParams.append('scope', s);
  return { method: 'GET', url, headers: cred ? { authorization: basicHeader(cred) } : {} };
}

/** The token of a 200 answer (`token` or OAuth2's `access_token`), undefined when it has none. */
export async function readToken(res: Response): Promise<Token | undefined> {
  const body = await res.json<{ token?: string; access_token?: string; expires_in?: number }>();
  const value = body.token || body.access_token;
  if (!value) return undefined;
  // The spec's default lifetime is 60 s; refresh a little early.
  const lifetime = Math.max(Number(body.expires_in) || 60, 60);
  return { value, expiresAt: Date.now() + (lifetime - 10) * 1000 };
}
