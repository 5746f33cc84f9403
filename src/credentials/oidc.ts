/**
 * GitHub's OIDC token for keyless logins: asked for once per audience, masked
 * the moment it arrives, and described in errors only by its claims (subject,
 * audience, expiry) — never the token itself.
 */
import { UserError, oneLine } from '../errors.js';
import type { CredentialContext } from './types.js';

const PERMISSION = 'add "permissions: id-token: write" to the workflow or the job';

// One token per audience for the whole login, however many registries share it.
const tokens = new WeakMap<CredentialContext, Map<string, Promise<string>>>();

/** GitHub's OIDC token for `audience`; `names` are the registries that need it, for messages. */
export function githubIdToken(
  ctx: CredentialContext,
  env: Record<string, string | undefined>,
  audience: string,
  names: string,
): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    const line =
      env.GITHUB_ACTIONS === 'true'
        ? `this job may not ask GitHub for an OIDC token — ${PERMISSION}`
        : 'keyless logins trade the OIDC token of a GitHub Actions job, and this is not one — log in from a workflow with "permissions: id-token: write", or give the registry stored credentials';
    return Promise.reject(new UserError(`registry ${names}: ${line}`));
  }
  const request = ctx.idToken;
  if (!request)
    return Promise.reject(
      new UserError(
        `registry ${names}: keyless logins are done by the login action (it asks GitHub for the OIDC token) — use the action, or give the registry stored credentials`,
      ),
    );
  let byAudience = tokens.get(ctx);
  if (!byAudience) tokens.set(ctx, (byAudience = new Map()));
  let pending = byAudience.get(audience);
  if (!pending) {
    pending = request(audience).then(
      (token) => {
        ctx.mask(token);
        return token;
      },
      (err) => {
        const why = oneLine(err).replace(/^Error message: /, '');
        throw new UserError(
          `registry ${names}: GitHub gave no OIDC token for audience "${audience}": ${why} — check that the job has ${PERMISSION.replace(/^add /, '')}`,
        );
      },
    );
    byAudience.set(audience, pending);
  }
  return pending;
}

interface Claims {
  sub?: string;
  aud?: string | string[];
  exp?: number;
}

/** The token's claims, read without checking the signature: only for telling the user what the cloud saw. */
export function claimsOf(token: string): Claims {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Claims;
  } catch {
    return {};
  }
}

/**
 * A cloud refused GitHub's token: its reason (the token cut out, should it echo it), then the claims
 * its trust settings are matched against, so the user sees which one differs.
 */
export function refused(names: string, cloud: string, reason: string, token: string, fix: string): UserError {
  const c = claimsOf(token);
  const said = reason.split(token).join('[the token]').replace(/\s+/g, ' ').trim();
  const claims = [`subject "${c.sub ?? '?'}"`, `audience "${[c.aud ?? '?'].flat().join(', ')}"`];
  if (typeof c.exp === 'number' && c.exp * 1000 <= Date.now())
    claims.push(`expired at ${new Date(c.exp * 1000).toISOString()}`);
  return new UserError(
    `registry ${names}: ${cloud} refused GitHub's OIDC token: ${said} (the token has ${claims.join(', ')}) — ${fix}`,
  );
}

const shared = new WeakMap<CredentialContext, Map<string, Promise<unknown>>>();

/** One exchange per key for the whole login: registries that share a cloud identity share its token. */
export function once<T>(ctx: CredentialContext, key: unknown[], make: () => Promise<T>): Promise<T> {
  let byKey = shared.get(ctx);
  if (!byKey) shared.set(ctx, (byKey = new Map()));
  const id = JSON.stringify(key);
  let pending = byKey.get(id) as Promise<T> | undefined;
  if (!pending) byKey.set(id, (pending = make()));
  return pending;
}
