/**
 * A local Docker identity service: POST /oauth/token, the OAuth 2.0 token
 * exchange of Docker Hub OIDC connections (a GitHub ID token and a connection
 * id → a Docker Hub access token). Reach it with REGKIT_DOCKER_IDENTITY_URL.
 */
import { bodyOf, checkToken } from './verify-token.js';
import { listen, sendJson, type LocalServer } from './local-server.js';

export interface OidcConnection {
  /** The connection's ruleset, on the subject. */
  subject: string;
  /** The Docker Hub access token handed out (give it to the registry). */
  token: string;
}

export interface IdentityCall {
  connection: string;
  expiresIn: string;
  status: number;
}

export interface DockerIdentity extends LocalServer {
  calls: IdentityCall[];
  /** Answer this many of the next requests with 503, as a service under load does. */
  busy: number;
}

export async function startDockerIdentity(
  issuer: string,
  connections: Record<string, OidcConnection>,
  opts: { tls?: { cert: string; key: string } } = {},
): Promise<DockerIdentity> {
  const calls: IdentityCall[] = [];
  const server = await listen(async (req, res) => {
    const form = new URLSearchParams(await bodyOf(req));
    const call: IdentityCall = {
      connection: form.get('connection_id') ?? '',
      expiresIn: form.get('expires_in') ?? '',
      status: 0,
    };
    calls.push(call);
    const fail = (status: number, error: string, description: string) =>
      sendJson(res, (call.status = status), { error, error_description: description });
    if (identity.busy > 0) {
      identity.busy--;
      return fail(503, 'temporarily_unavailable', 'try again');
    }
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/oauth/token')
      return fail(404, 'not_found', 'not found');
    if (
      form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange' ||
      form.get('subject_token_type') !== 'urn:ietf:params:oauth:token-type:id_token'
    ) {
      return fail(400, 'unsupported_grant_type', 'grant_type must be token-exchange with an id_token subject');
    }
    const n = Number(call.expiresIn);
    if (!(n >= 300 && n <= 3600)) return fail(400, 'invalid_request', 'expires_in must be between 300 and 3600');
    const connection = connections[call.connection];
    if (!connection) return fail(400, 'invalid_request', 'unknown connection');
    const check = await checkToken(form.get('subject_token') ?? '', {
      issuer,
      audience: 'https://identity.docker.com',
      subject: connection.subject,
    });
    if (!check.ok)
      return fail(
        401,
        'access_denied',
        check.failed === 'subject'
          ? 'no ruleset of the connection matches the token'
          : `the id token is not valid: ${check.failed}`,
      );
    call.status = 200;
    sendJson(res, 200, { access_token: connection.token, token_type: 'Bearer', expires_in: n });
  }, opts);
  const identity: DockerIdentity = { ...server, calls, busy: 0 };
  return identity;
}
