// docker/login-action's inputs turned into an in-memory registries file.
import { describe, expect, it } from 'vitest';
import { registriesFromInputs, usesLoginInputs, type LoginInputs } from '../../../src/credentials/login-inputs.js';
import { resolveCredentialSpec } from '../../../src/registries-file/index.js';

const none: LoginInputs = { registry: '', username: '', password: '', ecr: '', registryAuth: '' };
const read = (inputs: Partial<LoginInputs>, masks: string[] = []) =>
  registriesFromInputs({ ...none, ...inputs }, (s) => masks.push(s));

describe('login inputs', () => {
  it('no inputs: the registries file is used', () => {
    expect(usesLoginInputs(none)).toBe(false);
    expect(read({})).toBeUndefined();
  });

  it('registry defaults to Docker Hub; values are literal, never ${VAR}s; the password is masked first', async () => {
    const masks: string[] = [];
    const integ = read({ username: 'bot', password: 'p$w${HOME}$$' }, masks)!;
    expect(masks).toEqual(['p$w${HOME}$$']);
    const [r] = integ.registries;
    expect(r).toMatchObject({
      name: 'docker.io',
      domain: 'docker.io',
      provider: 'other',
      at: { file: 'input registry', line: 1, column: 1 },
    });
    expect(await resolveCredentialSpec(integ, r!, { env: { HOME: '/home/x' } })).toEqual({
      username: 'bot',
      password: 'p$w${HOME}$$',
    });
  });

  it('ecr: auto on an ECR domain takes username/password as the AWS key; false keeps them as they are', async () => {
    const domain = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    const auto = read({ registry: domain, username: 'AKIA1', password: 's/k' })!;
    expect(auto.registries[0]).toMatchObject({
      provider: 'ecr',
      credentials: { aws: { access_key_id: 'AKIA1', secret_access_key: 's/k' } },
    });
    expect(read({ registry: domain })!.registries[0]!.credentials).toEqual({ aws: {} });
    expect(read({ registry: domain, username: 'AWS', password: 'tok', ecr: 'false' })!.registries[0]).toMatchObject({
      provider: 'other',
      credentials: { username: 'AWS', password: 'tok' },
    });
    expect(() => read({ registry: domain, ecr: 'maybe' })).toThrow(
      'input ecr:1:1: ecr must be auto, true or false, not "maybe"',
    );
    expect(() => read({ ecr: 'auto' })).toThrow(
      'input ecr: goes with registry (and username/password), as in docker/login-action — give registry, or remove ecr to use the registries file',
    );
  });

  it('registry-auth: a list, positions in the input, every password masked before any check', () => {
    const masks: string[] = [];
    const text =
      '- registry: ghcr.io\n  username: u1\n  password: pw-1\n- registry: GHCR.io\n  username: u2\n  password: pw-2\n';
    expect(() => read({ registryAuth: text }, masks)).toThrow(
      'input registry-auth:4:13: ghcr.io is given twice (also at input registry-auth:1:13) — one login per registry',
    );
    expect(masks).toEqual(['pw-1', 'pw-2']);
    expect(() => read({ registryAuth: 'registry: ghcr.io' })).toThrow(
      'input registry-auth:1:1: registry-auth must be a YAML list',
    );
    expect(() => read({ registryAuth: '[]' })).toThrow(
      'input registry-auth: the list is empty — give at least one registry',
    );
    expect(() => read({ registryAuth: '- registry: ghcr.io\n  username: u\n' })).toThrow(
      'input registry-auth:1:3: no password for ghcr.io',
    );
    expect(() => read({ registryAuth: '- registry: ghcr.io/acme\n  username: u\n  password: p\n' })).toThrow(
      /^input registry-auth:1:13: registry "ghcr.io\/acme" has a path/,
    );
    const two = read({
      registryAuth: '- username: hub-user\n  password: hub-pw\n- registry: quay.io\n  username: q\n  password: q-pw\n',
    })!;
    expect(two.registries.map((r) => [r.name, r.positions['credentials.password']])).toEqual([
      ['docker.io', { file: 'input registry-auth', line: 2, column: 13 }],
      ['quay.io', { file: 'input registry-auth', line: 5, column: 13 }],
    ]);
  });
});
