/**
 * Azure Container Registry without a stored secret: GitHub's OIDC token is the
 * client assertion of an Entra app with a federated credential; Entra answers
 * with an access token, which the registry's own `/oauth2/exchange` trades for
 * an ACR refresh token. That refresh token is the registry password, with the
 * all-zero username ACR expects for it. The exchange lives beside the realm
 * the registry's challenge names (as the Azure CLI finds it), so sovereign
 * clouds (azurecr.us, azurecr.cn) need nothing but AZURE_AUTHORITY_HOST.
 */
import { UserError } from '../errors.js';
import type { Registry } from '../registries-file/index.js';
import { baseUrl, parseChallenges } from '../registry/index.js';
import { exchangeUrl, field, reasonOf, send, tradedToken } from './exchange.js';
import { githubIdToken, once } from './oidc.js';
import type { Credential, CredentialContext } from './types.js';

export const ACR_REFRESH_USERNAME = '00000000-0000-0000-0000-000000000000';

interface AzureKeyless {
  tenant_id: string;
  client_id: string;
  audience?: string;
}

// The resource ACR accepts Entra tokens for: Azure Resource Manager of the cloud the authority belongs to.
function armScope(authority: URL): string {
  if (authority.hostname.endsWith('.us')) return 'https://management.usgovcloudapi.net/.default';
  if (authority.hostname.endsWith('.cn')) return 'https://management.chinacloudapi.cn/.default';
  return 'https://management.azure.com/.default';
}

async function entraToken(
  a: AzureKeyless,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
  names: string,
): Promise<string> {
  const token = await githubIdToken(ctx, env, a.audience ?? 'api://AzureADTokenExchange', names);
  const authority = exchangeUrl(
    env.AZURE_AUTHORITY_HOST?.trim() || 'https://login.microsoftonline.com',
    'Microsoft Entra',
  );
  const url = new URL(
    `${authority.pathname.replace(/\/$/, '')}/${encodeURIComponent(a.tenant_id)}/oauth2/v2.0/token`,
    authority,
  );
  const answer = await send(url, 'Microsoft Entra', {
    form: {
      grant_type: 'client_credentials',
      client_id: a.client_id,
      scope: armScope(authority),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: token,
    },
  });
  return tradedToken(answer, ctx, {
    names,
    service: 'Microsoft Entra',
    refuser: `Microsoft Entra (app ${a.client_id})`,
    token,
    fix: "add a federated credential to the app whose issuer, subject and audience match this token's",
    refusals: [400, 401],
  });
}

/** Where this registry exchanges Entra tokens: beside the realm its challenge names, on its own host. */
async function exchangeEndpoint(registry: Registry): Promise<{ url: URL; service: string }> {
  const v2 = new URL('/v2/', baseUrl({ domain: registry.domain, insecure: registry.insecure || undefined }));
  const answer = await send(exchangeUrl(v2.href, `registry ${registry.name}`), `registry ${registry.name}`, {});
  const bearer = parseChallenges(answer.headers.get('www-authenticate') ?? undefined).find(
    (c) => c.scheme === 'bearer',
  );
  if (answer.status !== 401 || !bearer?.params.realm) {
    throw new UserError(
      `registry ${registry.name}: ${registry.domain} did not ask for a Bearer token (HTTP ${answer.status}), so it is not an Azure container registry — check the domain`,
    );
  }
  const realm = exchangeUrl(bearer.params.realm, `registry ${registry.name}'s token realm`);
  // The Entra token is good for the whole tenant: it goes to the registry's own host and nowhere else.
  if (realm.hostname !== v2.hostname) {
    throw new UserError(
      `registry ${registry.name}: ${registry.domain} names its token service on ${realm.hostname}; an Azure token is only sent to the registry's own host`,
    );
  }
  return { url: new URL('/oauth2/exchange', realm), service: bearer.params.service || v2.host };
}

export async function fromAzureKeyless(
  registry: Registry,
  a: AzureKeyless,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
): Promise<Credential> {
  const names = registry.name;
  const access = await once(ctx, ['entra', a, env.AZURE_AUTHORITY_HOST ?? ''], () => entraToken(a, env, ctx, names));
  const { url, service } = await exchangeEndpoint(registry);
  const answer = await send(url, `registry ${registry.name}'s token exchange`, {
    form: { grant_type: 'access_token', service, tenant: a.tenant_id, access_token: access },
  });
  const refresh = field(answer, 'refresh_token');
  if (answer.status !== 200 || !refresh) {
    const fix =
      answer.status === 401 || answer.status === 403
        ? ` — give the app ${a.client_id} the AcrPush (or AcrPull) role on the registry`
        : '';
    throw new UserError(
      `registry ${names}: ${registry.domain} refused to exchange the Entra token: ${reasonOf(answer)}${fix}`,
    );
  }
  ctx.mask(refresh);
  return {
    username: ACR_REFRESH_USERNAME,
    password: refresh,
    source: `Azure federated credential, app ${a.client_id} (keyless)`,
  };
}
