/**
 * Google without a stored key: GitHub's OIDC token goes to Google's Security
 * Token Service (workload identity federation) for a federated access token,
 * which either is the registry password itself or, with a service account,
 * is traded at IAM credentials for that account's access token. The registry
 * username is then `oauth2accesstoken`, as for any Google access token.
 */
import { UserError } from '../errors.js';
import type { GoogleKeyless, Registry } from '../registries-file/index.js';
import { exchangeUrl, field, reasonOf, send, tradedToken } from './exchange.js';
import { githubIdToken, once } from './oidc.js';
import type { Credential, CredentialContext } from './types.js';

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * The base URL of a Google API: gcloud's own override variable (CLOUDSDK_API_ENDPOINT_OVERRIDES_STS,
 * …_IAMCREDENTIALS), else the API on the universe domain (GOOGLE_CLOUD_UNIVERSE_DOMAIN, for sovereign clouds).
 */
function apiBase(env: Record<string, string | undefined>, api: 'sts' | 'iamcredentials'): string {
  const override = env[`CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`]?.trim();
  if (override) return override.endsWith('/') ? override : `${override}/`;
  return `https://${api}.${env.GOOGLE_CLOUD_UNIVERSE_DOMAIN?.trim() || 'googleapis.com'}/`;
}

async function federatedToken(
  g: GoogleKeyless,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
  names: string,
): Promise<string> {
  const audience = g.audience ?? `https://iam.googleapis.com/${g.workload_identity_provider}`;
  const token = await githubIdToken(ctx, env, audience, names);
  const url = exchangeUrl(`${apiBase(env, 'sts')}v1/token`, 'Google STS');
  const a = await send(url, 'Google STS', {
    json: {
      grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: `//iam.googleapis.com/${g.workload_identity_provider}`,
      scope: SCOPE,
      requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
      subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
      subjectToken: token,
    },
  });
  return tradedToken(a, ctx, {
    names,
    service: 'Google STS',
    refuser: `Google STS (${g.workload_identity_provider})`,
    token,
    fix: "the provider's attribute condition and its allowed audiences must accept this token",
  });
}

async function serviceAccountToken(
  g: GoogleKeyless & { service_account: string },
  federated: string,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
  names: string,
): Promise<string> {
  const url = exchangeUrl(
    `${apiBase(env, 'iamcredentials')}v1/projects/-/serviceAccounts/${encodeURIComponent(g.service_account)}:generateAccessToken`,
    'Google IAM credentials',
  );
  const a = await send(url, 'Google IAM credentials', {
    headers: { authorization: `Bearer ${federated}` },
    json: { scope: [SCOPE], lifetime: '3600s' },
  });
  const token = field(a, 'accessToken');
  if (a.status === 200 && token) {
    ctx.mask(token);
    return token;
  }
  const fix =
    a.status === 403 || a.status === 401
      ? ` — grant the workload identity pool's principal for this repository roles/iam.workloadIdentityUser on ${g.service_account}`
      : '';
  throw new UserError(
    `registry ${names}: Google IAM credentials refused an access token for ${g.service_account}: ${reasonOf(a)}${fix}`,
  );
}

/** gcr/gar keyless: the access token of the service account (or the federated token itself, without one). */
export async function fromGoogleKeyless(
  registry: Registry,
  g: GoogleKeyless,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
): Promise<Credential> {
  const names = registry.name;
  const federated = await once(ctx, ['google-sts', g, apiBase(env, 'sts')], () => federatedToken(g, env, ctx, names));
  if (!g.service_account)
    return { username: 'oauth2accesstoken', password: federated, source: 'Google workload identity (keyless)' };
  const sa = { ...g, service_account: g.service_account };
  const token = await once(ctx, ['google-sa', g, apiBase(env, 'iamcredentials')], () =>
    serviceAccountToken(sa, federated, env, ctx, names),
  );
  return {
    username: 'oauth2accesstoken',
    password: token,
    source: `Google service account ${g.service_account} (keyless)`,
  };
}
