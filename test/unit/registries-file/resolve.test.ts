// Resolution every action uses: domains, names, pull credentials, push target, pushed name, fallback chain.
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { isDockerHub, isLoopback, normalizeDomain } from '../../../src/naming/index.js';
import {
  allowsPlainHttp,
  fallbackChain,
  parseRegistriesFile,
  pullRegistryFor,
  pushedName,
  pushTarget,
  registryByName,
  selectRegistries,
  type RegistriesFile,
} from '../../../src/registries-file/index.js';
import { FILE, yaml } from './yaml.js';

const registriesFile: RegistriesFile = parseRegistriesFile(
  yaml(`
    version: 1
    default: ghcr
    registries:
      - { name: ghcr, provider: ghcr, prefix: acme }
      - { name: hub, provider: dockerhub, primary: true, fallback: mirror }
      - { name: hub-bot, provider: dockerhub }
      - { name: team-hub, provider: dockerhub, prefix: acmeteam }
      - { name: mirror, provider: other, domain: "mirror.example.com:5000", fallback: last-resort }
      - { name: last-resort, provider: other, domain: "localhost:5001" }
      - { name: prod, provider: ecr, domain: 123456789012.dkr.ecr.us-east-1.amazonaws.com, prefix: team/app }
  `),
  FILE,
);
const byName = (name: string) => registriesFile.registries.find((r) => r.name === name)!;

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('domains', () => {
  test.each([
    ['docker.io', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['https://index.docker.io/v1/', 'docker.io'],
    ['HTTPS://Index.Docker.IO/v1/', 'docker.io'],
    ['docker.io:443', 'docker.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['http://localhost:5000/', 'localhost:5000'],
    ['Quay.io/', 'quay.io'],
    ['  r.example.com:8443  ', 'r.example.com:8443'],
  ])('normalizeDomain(%s) = %s', (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  test('isDockerHub knows every alias and nothing else', () => {
    for (const d of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/'])
      expect(isDockerHub(d)).toBe(true);
    for (const d of ['ghcr.io', 'docker.example.com', 'mydocker.io', 'hub.docker.com'])
      expect(isDockerHub(d)).toBe(false);
  });

  test('loopback, and who may get credentials over plain http', () => {
    for (const d of ['localhost', 'localhost:5000', '127.0.0.1:5000', '127.1.2.3', '[::1]:5000'])
      expect(isLoopback(d)).toBe(true);
    for (const d of ['10.0.0.1:5000', 'localhost.example.com', '128.0.0.1', 'r.example.com'])
      expect(isLoopback(d)).toBe(false);
    expect(allowsPlainHttp(byName('last-resort'))).toBe(true);
    expect(allowsPlainHttp(byName('mirror'))).toBe(false);
    expect(allowsPlainHttp({ domain: 'mirror.example.com:5000', insecure: true })).toBe(true);
  });
});

describe('registryByName and selectRegistries', () => {
  test('finds by name', () => {
    expect(registryByName(registriesFile, 'prod').domain).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
  });

  test('an unknown name names where it came from, suggests, and lists the registries', () => {
    expect(userError(() => registryByName(registriesFile, 'hub_bot', 'input registries'))).toBe(
      `input registries: no registry named "hub_bot" in ${FILE} — did you mean "hub-bot"? (registries: ghcr, hub, hub-bot, team-hub, mirror, last-resort, prod)`,
    );
    expect(userError(() => registryByName(registriesFile, 'nothing-like-it'))).toBe(
      `no registry named "nothing-like-it" in ${FILE} — (registries: ghcr, hub, hub-bot, team-hub, mirror, last-resort, prod)`,
    );
  });

  test('selects in the order given without repeats; all when none are named', () => {
    expect(selectRegistries(registriesFile, ['prod', 'ghcr', 'prod']).map((r) => r.name)).toEqual(['prod', 'ghcr']);
    expect(selectRegistries(registriesFile, []).map((r) => r.name)).toEqual(
      registriesFile.registries.map((r) => r.name),
    );
    expect(userError(() => selectRegistries(registriesFile, ['ghcr', 'prd'], 'input registries'))).toMatch(
      /^input registries: no registry named "prd" .* did you mean "prod"\?/,
    );
  });
});

describe('pullRegistryFor', () => {
  test('the primary for a shared domain, under any Docker Hub alias', () => {
    for (const d of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/']) {
      expect(pullRegistryFor(registriesFile, d, [])?.name).toBe('hub');
    }
  });

  test('a registry context for the domain wins over the primary', () => {
    expect(pullRegistryFor(registriesFile, 'docker.io', ['hub-bot'])?.name).toBe('hub-bot');
    expect(pullRegistryFor(registriesFile, 'docker.io', ['prod', 'team-hub'])?.name).toBe('team-hub');
  });

  test('contexts for other domains leave the primary', () => {
    expect(pullRegistryFor(registriesFile, 'docker.io', ['prod'])?.name).toBe('hub');
  });

  test('the only registry for a domain', () => {
    expect(pullRegistryFor(registriesFile, 'ghcr.io', [])?.name).toBe('ghcr');
    expect(pullRegistryFor(registriesFile, 'https://mirror.example.com:5000/', [])?.name).toBe('mirror');
  });

  test('none for a domain no registry has', () => {
    expect(pullRegistryFor(registriesFile, 'quay.io', [])).toBeUndefined();
    expect(pullRegistryFor(registriesFile, 'mirror.example.com', [])).toBeUndefined();
  });

  test('two contexts on one domain is an error', () => {
    expect(userError(() => pullRegistryFor(registriesFile, 'ghcr.io', ['hub', 'hub-bot']))).toBe(
      'registry-contexts: "hub" and "hub-bot" are both for docker.io — keep one registry context per domain',
    );
  });

  test('every context must name a registry, whatever the domain', () => {
    expect(userError(() => pullRegistryFor(registriesFile, 'ghcr.io', ['hub-bto']))).toMatch(
      /^registry-contexts: no registry named "hub-bto" .* did you mean "hub-bot"\?/,
    );
  });
});

describe('pushTarget', () => {
  test("the step's registry, else the default", () => {
    expect(pushTarget(registriesFile, 'prod').name).toBe('prod');
    expect(pushTarget(registriesFile).name).toBe('ghcr');
    expect(pushTarget(registriesFile, '').name).toBe('ghcr');
  });

  test('an unknown registry', () => {
    expect(userError(() => pushTarget(registriesFile, 'prdo'))).toMatch(
      /^registry: no registry named "prdo" .* did you mean "prod"\?/,
    );
  });

  test('neither says what to set', () => {
    const noDefault = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: ghcr, provider: ghcr }
    `),
      FILE,
    );
    expect(userError(() => pushTarget(noDefault))).toBe(
      `no registry to push to — set the step's registry input or add default: <name> to ${FILE}`,
    );
  });
});

describe('pushedName', () => {
  test('domain, prefix, image and tag', () => {
    expect(pushedName(byName('ghcr'), 'app', 'v1')).toBe('ghcr.io/acme/app:v1');
    expect(pushedName(byName('prod'), 'api/server', '1.2.3')).toBe(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app/api/server:1.2.3',
    );
    expect(pushedName(byName('mirror'), 'tools/app')).toBe('mirror.example.com:5000/tools/app');
  });

  test('a prefix the image name already starts with is not doubled', () => {
    expect(pushedName(byName('ghcr'), 'acme/app', 'v1')).toBe('ghcr.io/acme/app:v1');
    expect(pushedName(byName('prod'), 'team/app/api', 'v1')).toBe(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app/api:v1',
    );
    // Only whole path parts count as the prefix.
    expect(pushedName(byName('ghcr'), 'acmecorp/app', 'v1')).toBe('ghcr.io/acme/acmecorp/app:v1');
    expect(pushedName(byName('ghcr'), 'acme', 'v1')).toBe('ghcr.io/acme/acme:v1');
  });

  test('Docker Hub: library/ for one-part names without prefix', () => {
    expect(pushedName(byName('hub'), 'nginx', 'latest')).toBe('docker.io/library/nginx:latest');
    expect(pushedName(byName('hub'), 'library/nginx', 'latest')).toBe('docker.io/library/nginx:latest');
    expect(pushedName(byName('hub'), 'acme/app', 'v1')).toBe('docker.io/acme/app:v1');
    expect(pushedName(byName('team-hub'), 'app', 'v1')).toBe('docker.io/acmeteam/app:v1');
    expect(pushedName(byName('team-hub'), 'acmeteam/app', 'v1')).toBe('docker.io/acmeteam/app:v1');
  });

  test("an image name that starts with the registry's own domain, under any alias", () => {
    expect(pushedName(byName('ghcr'), 'ghcr.io/acme/app', 'v1')).toBe('ghcr.io/acme/app:v1');
    expect(pushedName(byName('hub'), 'index.docker.io/nginx', 'v1')).toBe('docker.io/library/nginx:v1');
    expect(pushedName(byName('mirror'), 'mirror.example.com:5000/app', 'v1')).toBe('mirror.example.com:5000/app:v1');
  });

  test('a tag in the image name', () => {
    expect(pushedName(byName('ghcr'), 'app:v2')).toBe('ghcr.io/acme/app:v2');
    expect(userError(() => pushedName(byName('ghcr'), 'app:v2', 'v3'))).toBe(
      'image name "app:v2" already has a tag and the tag "v3" was given too — give the image name without ":v2"',
    );
  });

  test('bad names and tags', () => {
    expect(userError(() => pushedName(byName('ghcr'), 'quay.io/acme/app', 'v1'))).toBe(
      'image name "quay.io/acme/app" names domain quay.io, but the push goes to registry "ghcr" (ghcr.io) — give the image name without a domain',
    );
    expect(userError(() => pushedName(byName('ghcr'), 'My-App', 'v1'))).toMatch(
      /^image name "My-App" is not a repository name — /,
    );
    expect(userError(() => pushedName(byName('ghcr'), 'app', '-v1'))).toMatch(/^tag "-v1" is not a valid tag — /);
    expect(userError(() => pushedName(byName('ghcr'), 'app@sha256:abc'))).toMatch(
      /^image name "app@sha256:abc" has a digest — /,
    );
  });
});

describe('fallbackChain', () => {
  test('the registry, then each fallback in turn', () => {
    expect(fallbackChain(registriesFile, 'hub').map((r) => r.name)).toEqual(['hub', 'mirror', 'last-resort']);
    expect(fallbackChain(registriesFile, 'last-resort').map((r) => r.name)).toEqual(['last-resort']);
  });

  test('an unknown name', () => {
    expect(userError(() => fallbackChain(registriesFile, 'hubb'))).toMatch(
      /^no registry named "hubb" .* did you mean "hub"\?/,
    );
  });
});
