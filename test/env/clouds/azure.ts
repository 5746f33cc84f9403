/**
 * A local Microsoft Entra token endpoint (POST /{tenant}/oauth2/v2.0/token with a
 * jwt-bearer client assertion, checked against each app's federated credential)
 * and ACR's `/oauth2/exchange` (Entra access token → ACR refresh token), which a
 * test serves beside its registry's token realm: `ts.intercept = entra.acrExchange`.
 * Reach Entra with AZURE_AUTHORITY_HOST.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { bodyOf, checkToken } from './verify-token.js';
import { listen, sendJson, type LocalServer } from './local-server.js';

export interface EntraApp {
  tenant: string;
  /** The federated credential: audience (default api://AzureADTokenExchange) and subject. */
  audience?: string;
  subject: string;
  /** The ACR refresh token its access tokens are exchanged for; undefined: the app has no role on the registry. */
  refreshToken?: string;
}

export interface AzureCall {
  api: 'entra' | 'acr';
  status: number;
  app: string;
  scope?: string;
  service?: string;
}

export interface Entra extends LocalServer {
  calls: AzureCall[];
  /** A token-server intercept answering POST /oauth2/exchange. */
  acrExchange(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

const ZERO = '00000000-0000-0000-0000-000000000000';

export async function startEntra(issuer: string, apps: Record<string, EntraApp>): Promise<Entra> {
  const calls: AzureCall[] = [];
  // access token → client id
  const issued = new Map<string, string>();
  const server = await listen(async (req, res) => {
    const m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const form = new URLSearchParams(await bodyOf(req));
    const call: AzureCall = {
      api: 'entra',
      status: 0,
      app: form.get('client_id') ?? '',
      scope: form.get('scope') ?? '',
    };
    calls.push(call);
    const fail = (status: number, error: string, description: string) =>
      sendJson(res, (call.status = status), {
        error,
        error_description: description,
        error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
      });
    if (req.method !== 'POST' || !m) return fail(404, 'invalid_request', 'AADSTS90002: Tenant not found.');
    if (form.get('grant_type') !== 'client_credentials')
      return fail(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return fail(
        400,
        'invalid_request',
        'AADSTS7000218: The request body must contain the following parameter: client_assertion or client_secret.',
      );
    const app = apps[call.app];
    if (!app || app.tenant !== m[1])
      return fail(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${call.app}' was not found in the directory '${m[1]}'.`,
      );
    const assertion = form.get('client_assertion') ?? '';
    const check = await checkToken(assertion, {
      issuer,
      audience: app.audience ?? 'api://AzureADTokenExchange',
      subject: app.subject,
    });
    if (!check.ok) {
      if (check.failed === 'expired')
        return fail(400, 'invalid_client', 'AADSTS700024: Client assertion is not within its valid time range.');
      if (check.failed === 'signature')
        return fail(
          401,
          'invalid_client',
          'AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.',
        );
      const c = check.claims;
      return fail(
        400,
        'invalid_client',
        `AADSTS700213: No matching federated identity record found for presented assertion subject '${String(c.sub)}'. Assertion Issuer: '${String(c.iss)}'. Assertion Audience: '${[c.aud].flat().join(',')}'.`,
      );
    }
    const token = `entra-${randomBytes(16).toString('hex')}`;
    issued.set(token, call.app);
    call.status = 200;
    sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
  });
  const acrExchange = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/oauth2/exchange') return false;
    const form = new URLSearchParams(await bodyOf(req));
    const app = issued.get(form.get('access_token') ?? '');
    const call: AzureCall = { api: 'acr', status: 0, app: app ?? '', service: form.get('service') ?? '' };
    calls.push(call);
    const fail = (status: number, message: string) =>
      sendJson(res, (call.status = status), { errors: [{ code: 'UNAUTHORIZED', message }] });
    if (req.method !== 'POST' || form.get('grant_type') !== 'access_token')
      return (fail(400, 'grant_type must be access_token'), true);
    if (!app) return (fail(401, 'the access token is not valid'), true);
    if (form.get('tenant') !== apps[app].tenant) return (fail(401, 'the tenant does not match the access token'), true);
    const refresh = apps[app].refreshToken;
    if (!refresh) return (fail(401, `The identity ${app} does not have permission to access the registry`), true);
    call.status = 200;
    sendJson(res, 200, { refresh_token: refresh });
    return true;
  };
  return { ...server, calls, acrExchange };
}

export { ZERO as ACR_USERNAME };
