/**
 * Docker Hub without a stored token: GitHub's OIDC token goes to Docker's
 * identity service with the id of an OIDC connection set up in Docker Hub
 * (OAuth 2.0 token exchange, RFC 8693), which answers with a short-lived
 * Docker Hub access token used as the password of the connection's user or
 * organisation — the exchange docker/login-action does.
 */
import { UserError } from '../errors.js';
import type { DockerHubKeyless, Registry } from '../registries-file/index.js';
import { exchangeUrl, send, tradedToken } from './exchange.js';
import { githubIdToken, once } from './oidc.js';
import type { Credential, CredentialContext } from './types.js';

const IDENTITY = 'https://identity.docker.com';
// The longest life Docker grants; the login serves the whole job.
const LIFETIME_SECONDS = 3600;

async function hubToken(
  d: DockerHubKeyless,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
  names: string,
): Promise<string> {
  // Checked again here: from a ${VAR} it was not seen when the file was read.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(d.connection_id.trim())) {
    throw new UserError(
      `registry ${names}: credentials.dockerhub.connection_id is not a UUID — copy the connection's id from Docker Hub`,
    );
  }
  const token = await githubIdToken(ctx, env, IDENTITY, names);
  const base = env.REGKIT_DOCKER_IDENTITY_URL?.trim() || IDENTITY;
  const url = exchangeUrl(`${base.replace(/\/$/, '')}/oauth/token`, 'Docker identity');
  const a = await send(url, 'Docker identity', {
    form: {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      subject_token: token,
      connection_id: d.connection_id.trim(),
      expires_in: String(LIFETIME_SECONDS),
    },
  });
  return tradedToken(a, ctx, {
    names,
    service: 'Docker identity',
    refuser: `Docker Hub (connection ${d.connection_id})`,
    token,
    fix: "the connection's rulesets must accept this repository's subject",
  });
}

export async function fromDockerHubKeyless(
  registry: Registry,
  d: DockerHubKeyless,
  env: Record<string, string | undefined>,
  ctx: CredentialContext,
): Promise<Credential> {
  const password = await once(ctx, ['dockerhub', d, env.REGKIT_DOCKER_IDENTITY_URL ?? ''], () =>
    hubToken(d, env, ctx, registry.name),
  );
  return { username: d.username, password, source: 'Docker Hub OIDC connection (keyless)' };
}
