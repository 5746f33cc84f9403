// The keyless credential forms: a role, a workload identity provider, a tenant, a Docker Hub connection.
import { describe, expect, test } from 'vitest';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { errorOf, FILE, withCredentials, yaml } from './yaml.js';

const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const ROLE = 'arn:aws:iam::123456789012:role/push';
const WIP = 'projects/123/locations/global/workloadIdentityPools/github/providers/acme';
const GUID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('keyless forms load on their provider', () => {
  test.each([
    ['ecr', ecr, `{ aws: { role: "${ROLE}" } }`, { aws: { role: ROLE } }],
    [
      'ecr',
      ecr,
      `{ aws: { region: us-east-1, role: "${ROLE}", audience: sts.amazonaws.com } }`,
      { aws: { region: 'us-east-1', role: ROLE, audience: 'sts.amazonaws.com' } },
    ],
    ['ecr', ecr, '{ aws: { role: "${AWS_ROLE}" } }', { aws: { role: '${AWS_ROLE}' } }],
    [
      'gar',
      'europe-docker.pkg.dev',
      `{ google: { workload_identity_provider: ${WIP}, service_account: pusher@acme.iam.gserviceaccount.com } }`,
      { google: { workload_identity_provider: WIP, service_account: 'pusher@acme.iam.gserviceaccount.com' } },
    ],
    [
      'gcr',
      'gcr.io',
      `{ google: { workload_identity_provider: ${WIP} } }`,
      { google: { workload_identity_provider: WIP } },
    ],
    [
      'acr',
      'acme.azurecr.io',
      `{ azure: { tenant_id: ${GUID}, client_id: "\${AZURE_CLIENT_ID}" } }`,
      { azure: { tenant_id: GUID, client_id: '${AZURE_CLIENT_ID}' } },
    ],
    [
      'dockerhub',
      undefined,
      `{ dockerhub: { username: acme, connection_id: ${GUID} } }`,
      { dockerhub: { username: 'acme', connection_id: GUID } },
    ],
  ])('%s %s', (provider, domain, credentials, expected) => {
    expect(
      parseRegistriesFile(yaml(withCredentials(provider, domain, credentials)), FILE).registries[0].credentials,
    ).toEqual(expected);
  });
});

describe('keyless forms refused with the place and what to write', () => {
  test.each([
    [
      'ecr',
      ecr,
      `{ aws: { role: "${ROLE}", access_key_id: AKIA } }`,
      '6:72',
      "aws has both role and access_key_id — remove the keys: with role, GitHub's OIDC token is traded for the role's credentials",
    ],
    [
      'ecr',
      ecr,
      '{ aws: { audience: sts.amazonaws.com } }',
      '6:27',
      'aws audience goes with role — add role: arn:aws:iam::<account>:role/<name>, or remove audience',
    ],
    [
      'ecr',
      ecr,
      '{ aws: { role: push } }',
      '6:33',
      'role "push" is not arn:aws:iam::<account>:role/<name> — write role: arn:aws:iam::<account>:role/<name>',
    ],
    [
      'gar',
      'europe-docker.pkg.dev',
      '{ google: { workload_identity_provider: github } }',
      '6:58',
      'workload_identity_provider "github" is not projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider> — write workload_identity_provider: projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>',
    ],
    [
      'gar',
      'europe-docker.pkg.dev',
      `{ google: { workload_identity_provider: ${WIP}, service_account: pusher } }`,
      '6:150',
      'service_account "pusher" is not <name>@<project>.iam.gserviceaccount.com — write service_account: <name>@<project>.iam.gserviceaccount.com',
    ],
    [
      'gar',
      'europe-docker.pkg.dev',
      '{ google: { json_key: "${K}", service_account: a@b.iam.gserviceaccount.com } }',
      '6:48',
      'google service_account goes with workload_identity_provider, not json_key — remove service_account, or use workload_identity_provider instead of json_key',
    ],
    [
      'acr',
      'acme.azurecr.io',
      `{ azure: { client_id: a, client_secret: b, tenant_id: ${GUID} } }`,
      '6:61',
      "azure has both client_secret and tenant_id — keep client_secret (a stored secret) or tenant_id (keyless, GitHub's OIDC token), not both",
    ],
    [
      'acr',
      'acme.azurecr.io',
      '{ azure: { client_id: a, tenant_id: contoso } }',
      '6:54',
      'tenant_id "contoso" is not the directory (tenant) id, a GUID — write tenant_id: the directory (tenant) id, a GUID',
    ],
    [
      'dockerhub',
      undefined,
      '{ dockerhub: { username: acme, connection_id: 42abc } }',
      '5:64',
      'connection_id "42abc" is not the connection id Docker Hub shows, a UUID — write connection_id: the connection id Docker Hub shows, a UUID',
    ],
    [
      'quay',
      undefined,
      `{ dockerhub: { username: acme, connection_id: ${GUID} } }`,
      '5:20',
      'dockerhub credentials are for provider dockerhub, not quay — use username/password or dockercfg here, or change provider',
    ],
  ])('%s %s', (provider, domain, credentials, at, what) => {
    expect(errorOf(withCredentials(provider, domain, credentials))).toBe(`${FILE}:${at}: registry "r": ${what}`);
  });

  test('a Docker Hub connection without its user', () => {
    expect(errorOf(withCredentials('dockerhub', undefined, `{ dockerhub: { connection_id: ${GUID} } }`))).toBe(
      `${FILE}:5:31: registry "r": missing "username" — add username: <user or organisation>`,
    );
  });
});
