/**
 * The keyless stand: a GitHub OIDC issuer, each cloud's token endpoints, and a real
 * Distribution registry behind the test token server whose accounts are the
 * credentials the clouds hand out — so a credential regkit obtained is proven
 * by the registry accepting it.
 */
import { startOidcIssuer, type OidcIssuer } from '../../env/clouds/oidc-issuer.js';
import { startStsEndpoint, type StsEndpoint } from '../../env/clouds/aws-sts.js';
import { startGoogleEndpoints, type GoogleEndpoints } from '../../env/clouds/google.js';
import { ACR_USERNAME, startEntra, type Entra } from '../../env/clouds/azure.js';
import { startDockerIdentity, type DockerIdentity } from '../../env/clouds/docker-identity.js';
import { startEcrEndpoint, type EcrEndpoint } from '../../env/ecr-endpoint.js';
import { startRegistry, type Registry } from '../../env/registry.js';

export const SUBJECT = 'repo:acme/app:ref:refs/heads/main';
export const ROLE = 'arn:aws:iam::111122223333:role/push';
export const WIP = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
export const SA = 'pusher@acme-prod.iam.gserviceaccount.com';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT = '5a1b2c3d-0000-4000-8000-00000000c1d2';
export const CONNECTION = '0b6f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

/** What the clouds hand out, and so what the registry knows as accounts. */
export const SECRETS = {
  stsSecret: 'sts/Secret+Key0123456789',
  stsSession: 'FwoGZXIvYXdzEBYaDSESSIONTOKENkeyless',
  ecrPassword: 'ecr-password-from-role',
  saToken: 'ya29.service-account-token-0123',
  refreshToken: 'acr-refresh-token-4567',
  hubToken: 'dckr_oat_hub-token-89ab',
};

export interface Stand {
  gh: OidcIssuer;
  sts: StsEndpoint;
  ecr: EcrEndpoint;
  google: GoogleEndpoints;
  entra: Entra;
  identity: DockerIdentity;
  registry: Registry;
  /** Every endpoint override, GitHub's OIDC variables included. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startStand(): Promise<Stand> {
  const gh = await startOidcIssuer({ subject: SUBJECT });
  const [sts, ecr, google, entra, identity, registry] = await Promise.all([
    startStsEndpoint(gh.url, {
      [ROLE]: {
        audience: 'sts.amazonaws.com',
        subject: 'repo:acme/app:*',
        keys: { accessKeyId: 'ASIAKEYLESSTEST', secretAccessKey: SECRETS.stsSecret, sessionToken: SECRETS.stsSession },
      },
    }),
    startEcrEndpoint({
      ASIAKEYLESSTEST: {
        secretAccessKey: SECRETS.stsSecret,
        sessionToken: SECRETS.stsSession,
        account: '111122223333',
        password: SECRETS.ecrPassword,
      },
    }),
    startGoogleEndpoints(
      gh.url,
      { [WIP]: { subject: SUBJECT } },
      { [SA]: { token: SECRETS.saToken, principals: [SUBJECT] } },
    ),
    startEntra(gh.url, { [CLIENT]: { tenant: TENANT, subject: SUBJECT, refreshToken: SECRETS.refreshToken } }),
    startDockerIdentity(gh.url, { [CONNECTION]: { subject: SUBJECT, token: SECRETS.hubToken } }),
    startRegistry({
      auth: 'token',
      users: {
        AWS: SECRETS.ecrPassword,
        oauth2accesstoken: SECRETS.saToken,
        [ACR_USERNAME]: SECRETS.refreshToken,
        acme: SECRETS.hubToken,
      },
    }),
  ]);
  // ACR's exchange lives beside its token realm.
  registry.tokenServer!.intercept = entra.acrExchange;
  const env = {
    GITHUB_ACTIONS: 'true',
    ...gh.env,
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_ECR: ecr.url,
    ...google.env,
    AZURE_AUTHORITY_HOST: entra.url,
    REGKIT_DOCKER_IDENTITY_URL: identity.url,
  };
  return {
    gh,
    sts,
    ecr,
    google,
    entra,
    identity,
    registry,
    env,
    stop: async () => {
      await Promise.all([sts.close(), ecr.close(), google.close(), entra.close(), identity.close(), registry.stop()]);
      await gh.close();
    },
  };
}

/** What @actions/core's getIDToken does, for tests that run the credentials layer without an action around it. */
export function idTokenFrom(gh: OidcIssuer): (audience: string) => Promise<string> {
  return async (audience) => {
    const res = await fetch(`${gh.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`, {
      headers: { authorization: `Bearer ${gh.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    });
    if (!res.ok) throw new Error(`Failed to get ID Token. Error Code : ${res.status}`);
    return ((await res.json()) as { value: string }).value;
  };
}
