// Every rule of the registries file that ties keys together: each broken rule names file:line:col, the registry and the fix.
import { describe, expect, test } from 'vitest';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { errorOf, FILE, yaml } from './yaml.js';

describe('names', () => {
  test('are unique', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: ghcr, provider: ghcr }
        - { name: ghcr, provider: quay }
    `),
    ).toBe(
      `${FILE}:4:13: registry "ghcr": name "ghcr" is already used by registry #1 — give each registry its own name`,
    );
  });

  test('use characters a step input can carry', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: "my registry", provider: ghcr }
    `),
    ).toBe(
      `${FILE}:3:13: registry "my registry": name "my registry" has characters a name cannot have — use letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
  });
});

describe('references name a registry', () => {
  const two = `
        - { name: ghcr, provider: ghcr }
        - { name: quay, provider: quay }`;

  test('default, with a suggestion', () => {
    expect(
      errorOf(`
      version: 1
      default: ghrc
      registries:${two}
    `),
    ).toBe(`${FILE}:2:10: default "ghrc" names no registry — did you mean "ghcr"?`);
  });

  test('caching, with the list when nothing is close', () => {
    expect(
      errorOf(`
      version: 1
      caching: production
      registries:${two}
    `),
    ).toBe(`${FILE}:2:10: caching "production" names no registry — use one of ghcr, quay`);
  });

  test('fallback', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: ghcr, provider: ghcr, fallback: qauy }
        - { name: quay, provider: quay }
    `),
    ).toBe(`${FILE}:3:45: registry "ghcr": fallback "qauy" names no registry — did you mean "quay"?`);
  });
});

describe('fallback chains', () => {
  test('a loop through several registries', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: a, provider: ghcr, fallback: b }
        - { name: b, provider: quay, fallback: c }
        - { name: c, provider: other, domain: c.example.com, fallback: a }
    `),
    ).toBe(
      `${FILE}:3:42: registry "a": fallback chain loops: a → b → c → a — end the chain at a registry without fallback`,
    );
  });

  test('a registry that falls back to itself', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
          fallback: a
    `),
    ).toBe(`${FILE}:5:15: registry "a": fallback chain loops: a → a — end the chain at a registry without fallback`);
  });

  test('a chain that ends is fine', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: a, provider: ghcr, fallback: b }
        - { name: b, provider: quay, fallback: c }
        - { name: c, provider: other, domain: c.example.com }
    `),
      FILE,
    );
    expect(registriesFile.registries.map((r) => r.fallback)).toEqual(['b', 'c', undefined]);
  });
});

describe('caching', () => {
  test('is not Docker Hub', () => {
    expect(
      errorOf(`
      version: 1
      caching: hub
      registries:
        - { name: hub, provider: dockerhub }
    `),
    ).toBe(
      `${FILE}:2:10: caching registry "hub" is on Docker Hub, which does not keep build cache — name another registry as caching, or remove caching`,
    );
  });

  test('is not Docker Hub under another provider name either', () => {
    expect(
      errorOf(`
      version: 1
      caching: cache
      registries:
        - { name: cache, provider: other, domain: "https://index.docker.io/v1/" }
    `),
    ).toMatch(/^\.github\/registries\.yml:2:10: caching registry "cache" is on Docker Hub/);
  });
});

describe('shared domains', () => {
  test('need a primary', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: hub, provider: dockerhub }
        - { name: hub-bot, provider: dockerhub }
    `),
    ).toBe(
      `${FILE}:4:5: registry "hub-bot": registries "hub", "hub-bot" share domain docker.io and none is primary — add primary: true to the one whose account serves pulls`,
    );
  });

  test('have only one primary', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: a, provider: other, domain: r.example.com, primary: true }
        - { name: b, provider: other, domain: R.Example.com, primary: true }
    `),
    ).toBe(
      `${FILE}:4:65: registry "b": registries "a", "b" share domain r.example.com and are all primary — keep primary: true on one of them only`,
    );
  });

  test('Docker Hub aliases are one domain', () => {
    for (const alias of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/']) {
      expect(
        errorOf(`
        version: 1
        registries:
          - { name: hub, provider: dockerhub }
          - { name: other-hub, provider: other, domain: "${alias}" }
      `),
      ).toMatch(/share domain docker\.io and none is primary/);
    }
  });

  test('one primary is enough, and one registry alone needs none', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: hub, provider: dockerhub }
        - { name: hub-bot, provider: dockerhub, primary: true }
        - { name: quay, provider: quay }
    `),
      FILE,
    );
    expect(registriesFile.registries.map((r) => r.primary)).toEqual([false, true, false]);
  });
});

describe('domains', () => {
  const domainError = (provider: string, domain?: string) =>
    errorOf(`
      version: 1
      registries:
        - name: r
          provider: ${provider}${domain === undefined ? '' : `\n          domain: "${domain}"`}
    `);

  test('are implied for dockerhub, ghcr and quay', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: hub, provider: dockerhub }
        - { name: ghcr, provider: ghcr }
        - { name: quay, provider: quay }
        - { name: own-quay, provider: quay, domain: quay.internal.example.com }
        - { name: hub2, provider: dockerhub, domain: registry-1.docker.io, primary: true }
    `),
      FILE,
    );
    expect(registriesFile.registries.map((r) => r.domain)).toEqual([
      'docker.io',
      'ghcr.io',
      'quay.io',
      'quay.internal.example.com',
      'docker.io',
    ]);
  });

  test.each([
    ['ecr', '<account>.dkr.ecr.<region>.amazonaws.com'],
    ['gar', '<region>-docker.pkg.dev'],
    ['gcr', 'gcr.io'],
    ['acr', '<name>.azurecr.io'],
    ['artifactory', 'registry.example.com'],
    ['ibm', 'registry.example.com'],
    ['other', 'registry.example.com'],
  ])('are required for %s', (provider, example) => {
    expect(domainError(provider)).toBe(
      `${FILE}:3:5: registry "r": provider ${provider} needs a domain — add domain: ${example}`,
    );
  });

  test.each([
    [
      'ecr',
      '123456789012.dkr.ecr.amazonaws.com',
      '<account>.dkr.ecr.<region>.amazonaws.com, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    ],
    [
      'ecr',
      '12345.dkr.ecr.us-east-1.amazonaws.com',
      '<account>.dkr.ecr.<region>.amazonaws.com, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    ],
    ['gar', 'docker.pkg.dev', '<region>-docker.pkg.dev, e.g. europe-west1-docker.pkg.dev'],
    ['gcr', 'gcr.example.com', 'gcr.io or <region>.gcr.io (us.gcr.io, eu.gcr.io, asia.gcr.io)'],
    ['acr', 'acme.azure.io', '<name>.azurecr.io, e.g. acme.azurecr.io'],
    ['dockerhub', 'ghcr.io', 'docker.io (or leave domain out)'],
    ['ghcr', 'docker.io', 'ghcr.io (or leave domain out)'],
  ])('of %s have its shape: %s', (provider, domain, expected) => {
    expect(domainError(provider, domain)).toBe(
      `${FILE}:5:13: registry "r": domain "${domain}" is not a domain for provider ${provider} — expected ${expected}`,
    );
  });

  test.each([
    ['ecr', '123456789012.dkr.ecr.eu-central-1.amazonaws.com'],
    ['gar', 'us-central1-docker.pkg.dev'],
    ['gcr', 'gcr.io'],
    ['gcr', 'eu.gcr.io'],
    ['acr', 'acme.azurecr.io'],
    ['other', 'localhost:5000'],
    ['other', '127.0.0.1:5000'],
    ['other', '[::1]:5000'],
    ['artifactory', 'https://acme.jfrog.io/'],
  ])('%s accepts %s', (provider, domain) => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: r, provider: ${provider}, domain: "${domain}" }
    `),
      FILE,
    );
    expect(registriesFile.registries[0].domain).toBe(domain.replace(/^https:\/\//, '').replace(/\/$/, ''));
  });

  test('without an http:// scheme', () => {
    expect(domainError('other', 'http://r.example.com')).toBe(
      `${FILE}:5:13: registry "r": domain "http://r.example.com" has an http:// scheme — write the host alone and set insecure: true for plain http`,
    );
  });

  test('without a path', () => {
    expect(domainError('other', 'r.example.com/team')).toBe(
      `${FILE}:5:13: registry "r": domain "r.example.com/team" has a path "/team" — write host[:port] only and put repository paths in prefix`,
    );
  });

  test('without ${VAR}', () => {
    expect(domainError('other', '${REGISTRY_HOST}')).toBe(
      `${FILE}:5:13: registry "r": domain "\${REGISTRY_HOST}" holds a \${VAR}, which is expanded only inside credentials — write the domain itself`,
    );
  });

  test('a host name', () => {
    expect(domainError('other', 'not a host')).toBe(
      `${FILE}:5:13: registry "r": domain "not a host" is not a host name — write host[:port], e.g. registry.example.com:5000`,
    );
  });
});

describe('insecure', () => {
  test('is refused on a provider that serves https only', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: ghcr
          provider: ghcr
          insecure: true
    `),
    ).toBe(
      `${FILE}:5:15: registry "ghcr": insecure: true on provider ghcr, which serves https only — remove insecure (it is for your own registries: provider other, artifactory or quay)`,
    );
  });

  test('marks your own registry', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: lan, provider: other, domain: "10.0.0.5:5000", insecure: true }
        - { name: local, provider: other, domain: "localhost:5000" }
    `),
      FILE,
    );
    expect(registriesFile.registries.map((r) => r.insecure)).toEqual([true, false]);
  });
});

describe('prefix', () => {
  const prefixError = (prefix: string) =>
    errorOf(`
      version: 1
      registries:
        - name: r
          provider: ghcr
          prefix: "${prefix}"
    `);

  test('without leading or trailing slashes', () => {
    expect(prefixError('/acme/')).toBe(
      `${FILE}:5:13: registry "r": prefix "/acme/" starts or ends with "/" — write prefix: acme`,
    );
    expect(prefixError('acme/team/')).toBe(
      `${FILE}:5:13: registry "r": prefix "acme/team/" starts or ends with "/" — write prefix: acme/team`,
    );
  });

  test('in lower-case repository-path characters', () => {
    const fix = 'use lower-case letters, digits and ".", "_", "-" between them, with "/" between parts';
    expect(prefixError('Acme')).toBe(`${FILE}:5:13: registry "r": prefix "Acme" is not a repository path — ${fix}`);
    expect(prefixError('acme//team')).toBe(
      `${FILE}:5:13: registry "r": prefix "acme//team" is not a repository path — ${fix}`,
    );
    expect(prefixError('acme/-team')).toBe(
      `${FILE}:5:13: registry "r": prefix "acme/-team" is not a repository path — ${fix}`,
    );
  });

  test('nested paths with separators are fine', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
      version: 1
      registries:
        - { name: r, provider: ghcr, prefix: acme/team_a/sub-project.v2 }
    `),
      FILE,
    );
    expect(registriesFile.registries[0].prefix).toBe('acme/team_a/sub-project.v2');
  });
});
