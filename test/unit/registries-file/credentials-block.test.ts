// The credentials block (docs/registries-file.md): one form per registry, each form on the providers it belongs to.
import { describe, expect, test } from 'vitest';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { errorOf, FILE, withCredentials, yaml } from './yaml.js';

const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

describe('every form loads on its provider', () => {
  test.each([
    [
      'quay',
      undefined,
      '{ username: "org+bot", password: "${QUAY_TOKEN}" }',
      { username: 'org+bot', password: '${QUAY_TOKEN}' },
    ],
    ['other', 'r.example.com', '{ dockercfg: .docker/config.json }', { dockercfg: '.docker/config.json' }],
    [
      'dockerhub',
      undefined,
      '{ encrypted_dockercfg: .github/dockercfg.encrypted }',
      { encrypted_dockercfg: '.github/dockercfg.encrypted' },
    ],
    [
      'ecr',
      ecr,
      '{ aws: { region: us-east-1, access_key_id: "${AWS_ID}", secret_access_key: "${AWS_SECRET}" } }',
      { aws: { region: 'us-east-1', access_key_id: '${AWS_ID}', secret_access_key: '${AWS_SECRET}' } },
    ],
    ['ecr', ecr, '{ aws: {} }', { aws: {} }],
    ['gcr', 'gcr.io', '{ google: { json_key: "${GCP_KEY}" } }', { google: { json_key: '${GCP_KEY}' } }],
    [
      'gar',
      'europe-west1-docker.pkg.dev',
      '{ google: { json_key_file: .github/gcp.json.encrypted } }',
      { google: { json_key_file: '.github/gcp.json.encrypted' } },
    ],
    ['gar', 'us-docker.pkg.dev', '{ google: { access_token: "${TOKEN}" } }', { google: { access_token: '${TOKEN}' } }],
    [
      'acr',
      'acme.azurecr.io',
      '{ azure: { client_id: "${ID}", client_secret: "${SECRET}" } }',
      { azure: { client_id: '${ID}', client_secret: '${SECRET}' } },
    ],
    [
      'acr',
      'acme.azurecr.io',
      '{ username: acme, password: "${ACR_ADMIN}" }',
      { username: 'acme', password: '${ACR_ADMIN}' },
    ],
    ['ibm', 'us.icr.io', '{ ibm: { apikey: "${IBM_KEY}" } }', { ibm: { apikey: '${IBM_KEY}' } }],
  ])('%s %s %s', (provider, domain, credentials, expected) => {
    const registriesFile = parseRegistriesFile(yaml(withCredentials(provider, domain, credentials)), FILE);
    expect(registriesFile.registries[0].credentials).toEqual(expected);
  });

  test('credentials may be left out', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: ghcr, provider: ghcr }
    `),
      FILE,
    );
    expect(registriesFile.registries[0].credentials).toBeUndefined();
  });
});

describe('exactly one form', () => {
  test('two forms', () => {
    expect(errorOf(withCredentials('quay', undefined, '{ username: a, password: b, dockercfg: c.json }'))).toBe(
      `${FILE}:5:46: registry "r": credentials has both username/password and dockercfg — keep exactly one form`,
    );
  });

  test('no form', () => {
    expect(errorOf(withCredentials('quay', undefined, '{}'))).toBe(
      `${FILE}:5:18: registry "r": credentials has no form — add username/password, dockercfg, encrypted_dockercfg or the provider's own form — or remove credentials`,
    );
  });

  test('a username without a password', () => {
    expect(errorOf(withCredentials('quay', undefined, '{ username: bot }'))).toBe(
      `${FILE}:5:20: registry "r": credentials has a username but no password — add password:`,
    );
  });

  test('a password without a username', () => {
    expect(errorOf(withCredentials('quay', undefined, '{ password: "${T}" }'))).toBe(
      `${FILE}:5:20: registry "r": credentials has a password but no username — add username:`,
    );
  });

  test('google with two keys', () => {
    expect(errorOf(withCredentials('gcr', 'gcr.io', '{ google: { json_key: a, access_token: b } }'))).toBe(
      `${FILE}:6:20: registry "r": google has json_key and access_token — give exactly one of json_key, json_key_file, access_token, workload_identity_provider`,
    );
  });

  test('azure needs a secret or a tenant', () => {
    expect(errorOf(withCredentials('acr', 'acme.azurecr.io', '{ azure: { client_id: a } }'))).toBe(
      `${FILE}:6:20: registry "r": azure has client_id only — add tenant_id: <directory id> (keyless) or client_secret: \${AZURE_CLIENT_SECRET}`,
    );
  });
});

describe('provider forms belong to their provider', () => {
  test.each([
    ['gcr', 'gcr.io', '{ aws: { region: us-east-1 } }', 'aws credentials are for provider ecr, not gcr'],
    ['ecr', ecr, '{ google: { access_token: t } }', 'google credentials are for provider gcr or gar, not ecr'],
    [
      'ibm',
      'us.icr.io',
      '{ azure: { client_id: a, client_secret: b } }',
      'azure credentials are for provider acr, not ibm',
    ],
    ['acr', 'acme.azurecr.io', '{ ibm: { apikey: k } }', 'ibm credentials are for provider ibm, not acr'],
    ['other', 'r.example.com', '{ aws: {} }', 'aws credentials are for provider ecr, not other'],
  ])('%s with %s', (provider, domain, credentials, what) => {
    expect(errorOf(withCredentials(provider, domain, credentials))).toBe(
      `${FILE}:6:20: registry "r": ${what} — use username/password or dockercfg here, or change provider`,
    );
  });

  test("an aws region that is not the domain's", () => {
    expect(errorOf(withCredentials('ecr', ecr, '{ aws: { region: eu-west-1 } }'))).toBe(
      `${FILE}:6:35: registry "r": aws region eu-west-1 differs from the domain's region us-east-1 — write region: us-east-1 or leave region out`,
    );
  });
});

describe('variable references are checked without any environment', () => {
  test('an unclosed ${', () => {
    expect(errorOf(withCredentials('quay', undefined, '{ username: bot, password: "${TOKEN" }'))).toBe(
      `${FILE}:5:45: registry "r": password: "\${" without a closing "}" — write \${NAME}, or $$ for a literal $`,
    );
  });

  test('a default, which is not supported', () => {
    expect(errorOf(withCredentials('quay', undefined, '{ username: "${USER:-bot}", password: x }'))).toBe(
      `${FILE}:5:30: registry "r": username: a "\${...}" that is not a variable reference — write \${NAME} with letters, digits and _ only (no defaults), or $$ for a literal $`,
    );
  });

  test('a literal $ on its own and $$ are fine', () => {
    const registriesFile = parseRegistriesFile(
      yaml(withCredentials('quay', undefined, '{ username: bot, password: "pa$$w$rd" }')),
      FILE,
    );
    expect(registriesFile.registries[0].credentials).toEqual({ username: 'bot', password: 'pa$$w$rd' });
  });
});
