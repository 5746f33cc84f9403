/**
 * Local Google Security Token Service (POST /sts/v1/token, the token exchange of
 * workload identity federation) and IAM credentials (POST
 * /iam/v1/projects/-/serviceAccounts/EMAIL:generateAccessToken) on one server.
 * Reach them with CLOUDSDK_API_ENDPOINT_OVERRIDES_STS=<url>/sts/ and
 * CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS=<url>/iam/.
 */
import { randomBytes } from 'node:crypto';
import { bodyOf, checkToken } from './verify-token.js';
import { listen, sendJson, type LocalServer } from './local-server.js';

export interface WorkloadProvider {
  /** The provider's allowed audience (default https://iam.googleapis.com/<provider name>). */
  audience?: string;
  /** Its attribute condition, on the subject. */
  subject: string;
}

export interface ServiceAccount {
  /** The access token generateAccessToken hands out (give it to the registry). */
  token: string;
  /** Subjects granted roles/iam.workloadIdentityUser on it. */
  principals: string[];
}

export interface GoogleCall {
  api: 'sts' | 'iam';
  status: number;
  target: string;
}

export interface GoogleEndpoints extends LocalServer {
  env: { CLOUDSDK_API_ENDPOINT_OVERRIDES_STS: string; CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS: string };
  calls: GoogleCall[];
  /** Federated tokens handed out by STS, in order. */
  issued: string[];
}

export async function startGoogleEndpoints(
  issuer: string,
  providers: Record<string, WorkloadProvider>,
  accounts: Record<string, ServiceAccount>,
): Promise<GoogleEndpoints> {
  const calls: GoogleCall[] = [];
  // federated token → the subject it stands for
  const federated = new Map<string, string>();
  const issued: string[] = [];
  const server = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await bodyOf(req);
    if (req.method === 'POST' && path === '/sts/v1/token') {
      const call: GoogleCall = { api: 'sts', status: 0, target: '' };
      calls.push(call);
      const fail = (status: number, error: string, description: string) =>
        sendJson(res, (call.status = status), { error, error_description: description });
      let doc: Record<string, string>;
      try {
        doc = JSON.parse(body);
      } catch {
        return fail(400, 'invalid_request', 'Invalid JSON payload received.');
      }
      call.target = (doc.audience ?? '').replace(/^\/\/iam\.googleapis\.com\//, '');
      if (doc.grantType !== 'urn:ietf:params:oauth:grant-type:token-exchange')
        return fail(400, 'unsupported_grant_type', `Invalid grant_type: ${doc.grantType}`);
      if (
        doc.subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt' ||
        doc.requestedTokenType !== 'urn:ietf:params:oauth:token-type:access_token'
      )
        return fail(400, 'invalid_request', 'Invalid token types');
      const provider = providers[call.target];
      if (!provider)
        return fail(400, 'invalid_target', 'The target service indicated by the "audience" parameters is invalid.');
      const expected = provider.audience ?? `https://iam.googleapis.com/${call.target}`;
      const check = await checkToken(doc.subjectToken ?? '', { issuer, audience: expected, subject: provider.subject });
      if (!check.ok) {
        if (check.failed === 'audience')
          return fail(
            400,
            'invalid_grant',
            `The audience in ID Token [${[check.claims.aud].flat().join(',')}] does not match the expected audience ${expected}.`,
          );
        if (check.failed === 'subject')
          return fail(400, 'unauthorized_client', 'The given credential is rejected by the attribute condition.');
        if (check.failed === 'expired')
          return fail(400, 'invalid_grant', 'ID Token issued at a time in the past is expired.');
        return fail(400, 'invalid_grant', `Invalid ID Token: ${check.failed}.`);
      }
      const token = `ya29.federated-${randomBytes(12).toString('hex')}`;
      federated.set(token, String(check.claims.sub));
      issued.push(token);
      call.status = 200;
      return sendJson(res, 200, {
        access_token: token,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: 3599,
      });
    }
    const m = /^\/iam\/v1\/projects\/-\/serviceAccounts\/([^/]+):generateAccessToken$/.exec(path);
    if (req.method === 'POST' && m) {
      const email = decodeURIComponent(m[1]);
      const call: GoogleCall = { api: 'iam', status: 0, target: email };
      calls.push(call);
      const fail = (status: number, state: string, message: string) =>
        sendJson(res, (call.status = status), { error: { code: status, message, status: state } });
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const subject = bearer ? federated.get(bearer) : undefined;
      if (!subject)
        return fail(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        );
      const sa = accounts[email];
      if (!sa || !sa.principals.includes(subject))
        return fail(
          403,
          'PERMISSION_DENIED',
          "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
        );
      const doc = JSON.parse(body || '{}') as { scope?: string[] };
      if (!doc.scope?.length) return fail(400, 'INVALID_ARGUMENT', 'Scope required.');
      call.status = 200;
      return sendJson(res, 200, { accessToken: sa.token, expireTime: new Date(Date.now() + 3600_000).toISOString() });
    }
    sendJson(res, 404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } });
  });
  return {
    ...server,
    calls,
    issued,
    env: {
      CLOUDSDK_API_ENDPOINT_OVERRIDES_STS: `${server.url}/sts/`,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS: `${server.url}/iam/`,
    },
  };
}
