// Keyless logins through the credentials layer: GitHub's OIDC token traded with each
// cloud's local endpoint, and the credentials that come back accepted by a real registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCredentials, type CredentialContext, type CredentialRequest } from '../../../src/credentials/index.js';
import { verifyLogins } from '../../../src/credentials/verify.js';
import { basicAuth } from '../../../src/naming/index.js';
import type { CredentialSpec } from '../../../src/registries-file/index.js';
import { UserError } from '../../../src/errors.js';
import { makeImage, pushImage, getManifest } from '../../env/index.js';
import { makeRegistry } from '../../unit/credentials/registry.js';
import {
  CLIENT,
  CONNECTION,
  idTokenFrom,
  ROLE,
  SA,
  SECRETS,
  startStand,
  SUBJECT,
  TENANT,
  WIP,
  type Stand,
} from './stand.js';

let s: Stand;
beforeAll(async () => {
  s = await startStand();
});
afterAll(() => s?.stop());

function context() {
  const masked: string[] = [];
  const ctx: CredentialContext = {
    key: async () => {
      throw new UserError('no key here');
    },
    mask: (secret) => masked.push(secret),
    idToken: idTokenFrom(s.gh),
  };
  return { ctx, masked };
}

const provider = { aws: 'ecr', google: 'gar', azure: 'acr', dockerhub: 'dockerhub' } as const;

/** A registry of the given form on the local registry's host (the file's domain rules do not apply here). */
function request(
  name: string,
  spec: CredentialSpec,
  env: Record<string, string | undefined> = s.env,
): CredentialRequest {
  const form = Object.keys(spec)[0] as keyof typeof provider;
  return { registry: makeRegistry({ name, provider: provider[form], domain: s.registry.host }), spec, env };
}

const specs = {
  ecr: { aws: { region: 'us-east-1', role: ROLE } },
  gar: { google: { workload_identity_provider: WIP, service_account: SA } },
  acr: { azure: { tenant_id: TENANT, client_id: CLIENT } },
  hub: { dockerhub: { username: 'acme', connection_id: CONNECTION } },
} satisfies Record<string, CredentialSpec>;

const counts = () => ({
  gh: s.gh.requests.length,
  sts: s.sts.calls.length,
  ecr: s.ecr.calls.length,
  google: s.google.calls.length,
  entra: s.entra.calls.length,
  identity: s.identity.calls.length,
});
const since = (before: ReturnType<typeof counts>) =>
  Object.fromEntries(Object.entries(counts()).map(([k, v]) => [k, v - before[k as keyof typeof before]]));

describe('keyless logins', () => {
  it('trades one GitHub token per audience with each cloud; the registry accepts every credential for pull and push', async () => {
    const { ctx, masked } = context();
    const before = counts();
    const requests = [
      request('ecr', specs.ecr),
      request('ecr-eu', { aws: { region: 'eu-west-1', role: ROLE } }),
      request('gar', specs.gar),
      request('gar-us', specs.gar),
      request('acr', specs.acr),
      request('hub', specs.hub),
    ];
    const creds = await resolveCredentials(requests, ctx);
    expect(Object.fromEntries([...creds].map(([n, c]) => [n, [c.username, c.password, c.source]]))).toEqual({
      ecr: ['AWS', SECRETS.ecrPassword, `ECR token (us-east-1), role ${ROLE} (keyless)`],
      'ecr-eu': ['AWS', SECRETS.ecrPassword, `ECR token (eu-west-1), role ${ROLE} (keyless)`],
      gar: ['oauth2accesstoken', SECRETS.saToken, `Google service account ${SA} (keyless)`],
      'gar-us': ['oauth2accesstoken', SECRETS.saToken, `Google service account ${SA} (keyless)`],
      acr: [
        '00000000-0000-0000-0000-000000000000',
        SECRETS.refreshToken,
        `Azure federated credential, app ${CLIENT} (keyless)`,
      ],
      hub: ['acme', SECRETS.hubToken, 'Docker Hub OIDC connection (keyless)'],
    });
    // One role assumed for both regions, one ECR call per region, one Google exchange for both GAR registries.
    expect(since(before)).toEqual({ gh: 4, sts: 1, ecr: 2, google: 2, entra: 2, identity: 1 });
    expect(
      s.gh.requests
        .slice(before.gh)
        .map((r) => r.audience)
        .sort(),
    ).toEqual([
      'api://AzureADTokenExchange',
      `https://iam.googleapis.com/${WIP}`,
      'https://identity.docker.com',
      'sts.amazonaws.com',
    ]);
    expect(s.sts.calls.at(-1)).toMatchObject({
      action: 'AssumeRoleWithWebIdentity',
      role: ROLE,
      signed: false,
      status: 200,
    });
    expect(
      s.ecr.calls
        .slice(-2)
        .map((c) => [c.accessKeyId, c.region, c.status])
        .sort(),
    ).toEqual([
      ['ASIAKEYLESSTEST', 'eu-west-1', 200],
      ['ASIAKEYLESSTEST', 'us-east-1', 200],
    ]);
    expect(s.google.calls.slice(-2).map((c) => [c.api, c.target, c.status])).toEqual([
      ['sts', WIP, 200],
      ['iam', SA, 200],
    ]);
    expect(s.entra.calls.slice(-2).map((c) => [c.api, c.app, c.status])).toEqual([
      ['entra', CLIENT, 200],
      ['acr', CLIENT, 200],
    ]);
    expect(s.entra.calls.at(-1)?.service).toBe(s.registry.tokenServer!.service);
    expect(s.identity.calls.at(-1)).toEqual({ connection: CONNECTION, expiresIn: '3600', status: 200 });

    // Every GitHub token and everything derived from one was masked.
    const issued = s.gh.issued.slice(-4).map((t) => t.token);
    const federated = s.google.issued.at(-1)!;
    for (const secret of [...issued, federated, SECRETS.stsSecret, SECRETS.stsSession, ...Object.values(SECRETS)])
      expect(masked).toContain(secret);
    expect(masked).toContain(basicAuth('acme', SECRETS.hubToken));
    // ... each the moment it arrived: the GitHub token before what it was traded for.
    expect(masked.indexOf(issued[0])).toBeLessThan(masked.indexOf(SECRETS.refreshToken));

    await verifyLogins(
      requests.map(({ registry }) => ({ registry, credential: creds.get(registry.name)! })),
      () => {},
    );
    for (const name of ['ecr', 'gar', 'acr', 'hub']) {
      const { username, password } = creds.get(name)!;
      const img = makeImage({ seed: `keyless-${name}` });
      await pushImage({ url: s.registry.url, username, password }, `team/${name}`, img, '1');
      expect((await getManifest({ url: s.registry.url, username, password }, `team/${name}`, '1')).status).toBe(200);
    }
  });

  it('asks a busy service again: two 503s, then the token', async () => {
    const { ctx } = context();
    const before = counts();
    s.identity.busy = 2;
    const creds = await resolveCredentials([request('hub', specs.hub)], ctx);
    expect(creds.get('hub')?.password).toBe(SECRETS.hubToken);
    expect(since(before)).toMatchObject({ gh: 1, identity: 3 });
    expect(s.identity.calls.slice(-3).map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it('takes the federated token itself as the password when no service account is named', async () => {
    const { ctx } = context();
    const creds = await resolveCredentials([request('gar', { google: { workload_identity_provider: WIP } })], ctx);
    expect(creds.get('gar')).toEqual({
      username: 'oauth2accesstoken',
      password: s.google.issued.at(-1),
      source: 'Google workload identity (keyless)',
    });
    expect(s.google.calls.at(-1)).toMatchObject({ api: 'sts', status: 200 });
  });
});

/** The one line a refused login gives; the tokens GitHub issued for it never appear in it. */
async function refusal(
  name: keyof typeof specs,
  spec: CredentialSpec = specs[name],
  env: Record<string, string | undefined> = s.env,
): Promise<string> {
  const issuedBefore = s.gh.issued.length;
  const err = await resolveCredentials([request(name, spec, env)], context().ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const line = (err as Error).message;
  expect(line).not.toContain('\n');
  for (const { token } of s.gh.issued.slice(issuedBefore)) {
    expect(line).not.toContain(token);
    expect(line).not.toContain(token.split('.')[2]);
  }
  return line;
}

describe("refusals: one line with the cloud's reason and the claims it judged, never the token", () => {
  const sub = `subject "${SUBJECT}"`;

  it('wrong audience', async () => {
    expect(await refusal('ecr', { aws: { region: 'us-east-1', role: ROLE, audience: 'sts.example.com' } })).toBe(
      `registry ecr: AWS STS (role ${ROLE}) refused GitHub's OIDC token: InvalidIdentityTokenException: Incorrect token audience (the token has ${sub}, audience "sts.example.com") — the role's trust policy must allow token.actions.githubusercontent.com with this subject and audience`,
    );
    expect(
      await refusal('gar', {
        google: { workload_identity_provider: WIP, service_account: SA, audience: 'https://example.com/acme' },
      }),
    ).toBe(
      `registry gar: Google STS (${WIP}) refused GitHub's OIDC token: invalid_grant: The audience in ID Token [https://example.com/acme] does not match the expected audience https://iam.googleapis.com/${WIP}. (the token has ${sub}, audience "https://example.com/acme") — the provider's attribute condition and its allowed audiences must accept this token`,
    );
    expect(await refusal('acr', { azure: { tenant_id: TENANT, client_id: CLIENT, audience: 'api://Other' } })).toMatch(
      /^registry acr: Microsoft Entra \(app 5a1b2c3d-0000-4000-8000-00000000c1d2\) refused GitHub's OIDC token: invalid_client: AADSTS700213: No matching federated identity record found .* Assertion Audience: 'api:\/\/Other'\. \(the token has subject "repo:acme\/app:ref:refs\/heads\/main", audience "api:\/\/Other"\) — add a federated credential to the app whose issuer, subject and audience match this token's$/,
    );
  });

  describe('wrong subject', () => {
    beforeAll(() => {
      s.gh.subject = 'repo:someone/fork:pull_request';
    });
    afterAll(() => {
      s.gh.subject = SUBJECT;
    });
    it.each([
      [
        'ecr',
        `AWS STS (role ${ROLE}) refused GitHub's OIDC token: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`,
      ],
      [
        'gar',
        `Google STS (${WIP}) refused GitHub's OIDC token: unauthorized_client: The given credential is rejected by the attribute condition.`,
      ],
      [
        'acr',
        `Microsoft Entra (app ${CLIENT}) refused GitHub's OIDC token: invalid_client: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:someone/fork:pull_request'.`,
      ],
      [
        'hub',
        `Docker Hub (connection ${CONNECTION}) refused GitHub's OIDC token: access_denied: no ruleset of the connection matches the token`,
      ],
    ] as const)('%s', async (name, reason) => {
      const line = await refusal(name);
      expect(line.startsWith(`registry ${name}: ${reason}`)).toBe(true);
      expect(line).toContain('(the token has subject "repo:someone/fork:pull_request", audience "');
    });
  });

  describe('expired token', () => {
    beforeAll(() => {
      s.gh.expired = true;
    });
    afterAll(() => {
      s.gh.expired = false;
    });
    it.each([
      [
        'ecr',
        /AWS STS \(role .*\) refused GitHub's OIDC token: ExpiredTokenException: Token expired: current date\/time \d+ must be before the expiration date\/time \d+ \(the token has subject ".*", audience "sts.amazonaws.com", expired at \d{4}-\d\d-\d\dT[\d:.]+Z\)/,
      ],
      [
        'gar',
        /Google STS .* refused GitHub's OIDC token: invalid_grant: ID Token issued at a time in the past is expired\. \(the token has subject .*, expired at /,
      ],
      [
        'acr',
        /Microsoft Entra .* refused GitHub's OIDC token: invalid_client: AADSTS700024: Client assertion is not within its valid time range\. \(the token has .*, expired at /,
      ],
      [
        'hub',
        /Docker Hub .* refused GitHub's OIDC token: access_denied: the id token is not valid: expired \(the token has .*, expired at /,
      ],
    ] as const)('%s', async (name, pattern) => {
      expect(await refusal(name)).toMatch(pattern);
    });
  });

  it.each(['ecr', 'gar', 'acr', 'hub'] as const)('missing id-token permission: %s', async (name) => {
    const env = { ...s.env, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined };
    const before = counts();
    expect(await refusal(name, specs[name], env)).toBe(
      `registry ${name}: this job may not ask GitHub for an OIDC token — add "permissions: id-token: write" to the workflow or the job`,
    );
    expect(since(before)).toEqual({ gh: 0, sts: 0, ecr: 0, google: 0, entra: 0, identity: 0 });
  });

  describe('forged token (signed with a key the issuer does not publish)', () => {
    beforeAll(() => {
      s.gh.forged = true;
    });
    afterAll(() => {
      s.gh.forged = false;
    });
    it.each([
      ['ecr', "InvalidIdentityTokenException: Couldn't retrieve verification key from your identity provider"],
      ['gar', 'invalid_grant: Invalid ID Token: signature.'],
      [
        'acr',
        'invalid_client: AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.',
      ],
      ['hub', 'access_denied: the id token is not valid: signature'],
    ] as const)('%s', async (name, reason) => {
      expect(await refusal(name)).toContain(`refused GitHub's OIDC token: ${reason}`);
    });
  });

  it('outside GitHub Actions: one line saying where keyless logins work', async () => {
    const env = {
      ...s.env,
      GITHUB_ACTIONS: undefined,
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
    };
    expect(await refusal('hub', specs.hub, env)).toBe(
      'registry hub: keyless logins trade the OIDC token of a GitHub Actions job, and this is not one — log in from a workflow with "permissions: id-token: write", or give the registry stored credentials',
    );
  });

  it('a connection id from a ${VAR} that is not one', async () => {
    const before = counts();
    expect(await refusal('hub', { dockerhub: { username: 'acme', connection_id: 'acme-connection' } })).toBe(
      "registry hub: credentials.dockerhub.connection_id is not a UUID — copy the connection's id from Docker Hub",
    );
    expect(since(before)).toEqual({ gh: 0, sts: 0, ecr: 0, google: 0, entra: 0, identity: 0 });
  });

  it('a service account the workload may not impersonate', async () => {
    expect(
      await refusal('gar', {
        google: { workload_identity_provider: WIP, service_account: 'other@acme-prod.iam.gserviceaccount.com' },
      }),
    ).toBe(
      "registry gar: Google IAM credentials refused an access token for other@acme-prod.iam.gserviceaccount.com: PERMISSION_DENIED: Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist). — grant the workload identity pool's principal for this repository roles/iam.workloadIdentityUser on other@acme-prod.iam.gserviceaccount.com",
    );
  });
});
