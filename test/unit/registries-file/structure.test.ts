// The shape of the registries file: YAML syntax, keys, types; every error one line with file:line:col.
import { describe, expect, test } from 'vitest';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { errorOf, FILE, yaml } from './yaml.js';

describe('YAML syntax', () => {
  test('a syntax error gives the parser line and column', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: [ghcr
    `),
    ).toMatch(/^\.github\/registries\.yml:5:1: YAML syntax error: wrong indentation .* — fix the YAML at that place$/);
  });

  test('a repeated key is a YAML error at the second key', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
          name: b
    `),
    ).toBe(`${FILE}:5:5: YAML syntax error: Map keys must be unique — fix the YAML at that place`);
  });

  test('parser messages never quote the text at fault (a password)', () => {
    const alias = errorOf(`
      version: 1
      registries:
        - name: a
          provider: other
          domain: r.example
          credentials: { username: u, password: *Xk9-pw-Secret }
    `);
    expect(alias).toBe(
      `${FILE}:6:43: YAML alias (*) names no anchor (&) defined before it — quote the value if * is part of it`,
    );
    const folded = errorOf('version: 1\nregistries:\n  - name: a\n    password: >S3cretPW\n');
    expect(folded).toMatch(/^\.github\/registries\.yml:4:16: YAML syntax error: unexpected characters/);
    const escape = errorOf('version: 1\np: "\\qS3cret"\n');
    for (const m of [alias, folded, escape]) expect(m).not.toMatch(/Xk9|S3cret/);
  });

  test('billion laughs, deep nesting and a huge file end in one user error', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [n, p] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ])
      laughs.push(
        `${n}: &${n} [${Array(9)
          .fill('*' + p)
          .join(',')}]`,
      );
    expect(errorOf(laughs.join('\n'))).toBe(
      `${FILE}: aliases (*name) expand to too much data — write the values out instead of nesting aliases`,
    );
    expect(errorOf('a: ' + '['.repeat(5000) + ']'.repeat(5000))).toMatch(
      /^\.github\/registries\.yml:1:\d+: YAML syntax error: values are nested too deeply/,
    );
    expect(
      errorOf('a:\n' + Array.from({ length: 80 }, (_, i) => ' '.repeat(2 * i + 2) + 'k:').join('\n') + ' 1'),
    ).toMatch(/nested more than 64 levels deep/);
    const huge = 'version: 1\nregistries:\n' + '  - name: a\n    provider: ghcr\n'.repeat(400_000);
    const started = Date.now();
    expect(errorOf(huge)).toBe(
      `${FILE}: the file is larger than 1024 KiB — a registries file is a few KB; check that config points at the right file`,
    );
    expect(Date.now() - started).toBeLessThan(10_000); // a ceiling: minutes before
  });

  test('an empty file', () => {
    expect(errorOf('\n# nothing here\n')).toBe(`${FILE}:1:1: the file is empty — add version: 1 and registries:`);
  });

  test('a file that is not a map', () => {
    expect(errorOf('- a\n- b\n')).toBe(`${FILE}:1:1: the file must be a map of keys, not a list — write a map of keys`);
  });
});

describe('version', () => {
  test('missing', () => {
    expect(
      errorOf(`
      registries:
        - name: a
          provider: ghcr
    `),
    ).toBe(`${FILE}:1:1: missing "version" — add version: 1 at the top of the file`);
  });

  test('not 1', () => {
    expect(
      errorOf(`
      version: 2
      registries:
        - { name: a, provider: ghcr }
    `),
    ).toBe(`${FILE}:1:10: version 2 is not supported — write version: 1`);
  });
});

describe('unknown keys, with a suggestion', () => {
  test('top level', () => {
    expect(
      errorOf(`
      version: 1
      defualt: a
      registries:
        - { name: a, provider: ghcr }
    `),
    ).toBe(`${FILE}:2:1: unknown key "defualt" — did you mean "default"?`);
  });

  test('top level, nothing close', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: a, provider: ghcr }
      steps: []
    `),
    ).toBe(
      `${FILE}:4:1: unknown key "steps" — remove it (allowed here: version, default, caching, registries, env_files)`,
    );
  });

  test('in a registry', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
          prefx: acme
    `),
    ).toBe(`${FILE}:5:5: registry "a": unknown key "prefx" — did you mean "prefix"?`);
  });

  test('a credentials key written beside the registry keys', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
          password: x
    `),
    ).toBe(`${FILE}:5:5: registry "a": unknown key "password" — put it under credentials:`);
  });

  test('in credentials', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: other
          domain: r.example.com
          credentials:
            usrname: bob
            password: x
    `),
    ).toBe(`${FILE}:7:7: registry "a": unknown key "usrname" — did you mean "username"?`);
  });

  test('in a provider form', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: prod
          provider: ecr
          domain: 123456789012.dkr.ecr.us-east-1.amazonaws.com
          credentials:
            aws: { regoin: us-east-1 }
    `),
    ).toBe(`${FILE}:7:14: registry "prod": unknown key "regoin" — did you mean "region"?`);
  });
});

describe('registry keys', () => {
  test('missing name, named by its place in the list', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
        - provider: quay
    `),
    ).toBe(`${FILE}:5:5: registry #2: missing "name" — add name: with a unique name, e.g. name: ghcr`);
  });

  test('missing provider', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
    `),
    ).toBe(
      `${FILE}:3:5: registry "a": missing "provider" — add provider: one of dockerhub, ghcr, ecr, gcr, gar, acr, quay, artifactory, ibm, other`,
    );
  });

  test('unknown provider with a suggestion', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: hub
          provider: dockrhub
    `),
    ).toBe(`${FILE}:4:15: registry "hub": unknown provider "dockrhub" — did you mean "dockerhub"?`);
  });

  test('a boolean written as text', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: hub
          provider: dockerhub
          primary: "yes"
    `),
    ).toBe(`${FILE}:5:14: registry "hub": "primary" must be true or false, not text — write true or false`);
  });

  test('a number where text belongs is named without its value', () => {
    const message = errorOf(`
      version: 1
      registries:
        - name: hub
          provider: dockerhub
          credentials: { username: bob, password: 918273645 }
    `);
    expect(message).toBe(
      `${FILE}:5:45: registry "hub": "password" must be text, not a number — put the value in quotes`,
    );
    expect(message).not.toContain('918273645');
  });

  test('a key without a value', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
          prefix:
    `),
    ).toBe(`${FILE}:5:5: registry "a": "prefix" has no value — give it text or remove the key`);
  });

  test('an empty value', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: ghcr
          prefix: ""
    `),
    ).toBe(`${FILE}:5:13: registry "a": "prefix" is empty — give it a value or remove the key`);
  });

  test('registries must be a non-empty list', () => {
    expect(
      errorOf(`
      version: 1
      registries: []
    `),
    ).toBe(`${FILE}:2:13: "registries" is an empty list — add at least one registry`);
    expect(
      errorOf(`
      version: 1
      registries:
        ghcr: { provider: ghcr }
    `),
    ).toBe(`${FILE}:3:3: "registries" must be a list, not a map — write a list, e.g. registries: [...]`);
  });

  test('env_files must be a list', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - { name: a, provider: ghcr }
      env_files: .github/registries.env
    `),
    ).toBe(
      `${FILE}:4:12: "env_files" must be a list, not text — write a list, e.g. env_files: [.github/registries.env]`,
    );
  });

  test('the first problem in the file is the one reported', () => {
    expect(
      errorOf(`
      version: 1
      registries:
        - name: a
          provider: nope
        - name: b
          provider: ghcr
          extra: 1
    `),
    ).toMatch(/^\.github\/registries\.yml:4:15: registry "a": unknown provider "nope"/);
  });
});

describe('a good file', () => {
  test('the documented example loads with domains, flags, positions and raw credentials', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
        version: 1
        default: ghcr
        caching: ghcr
        registries:
          - name: ghcr
            provider: ghcr
            prefix: acme
            credentials:
              username: \${GITHUB_ACTOR}
              password: \${GITHUB_TOKEN}
          - name: hub
            provider: dockerhub
            primary: true
            fallback: mirror
            credentials:
              encrypted_dockercfg: .github/dockercfg.encrypted
          - name: hub-bot
            provider: dockerhub
            credentials: { username: acmebot, password: "\${HUB_BOT_TOKEN}" }
          - name: prod
            provider: ecr
            domain: 123456789012.dkr.ecr.us-east-1.amazonaws.com
            credentials: { aws: { region: us-east-1 } }
          - name: mirror
            provider: other
            domain: mirror.example.com
            insecure: false
        env_files: [.github/registries.env.encrypted]
      `),
      FILE,
    );
    expect(registriesFile.default).toBe('ghcr');
    expect(registriesFile.caching).toBe('ghcr');
    expect(registriesFile.envFiles).toEqual(['.github/registries.env.encrypted']);
    expect(registriesFile.positions['env_files.0']).toEqual({ file: FILE, line: 28, column: 13 });
    expect(registriesFile.registries.map((r) => [r.name, r.provider, r.domain, r.primary, r.insecure])).toEqual([
      ['ghcr', 'ghcr', 'ghcr.io', false, false],
      ['hub', 'dockerhub', 'docker.io', true, false],
      ['hub-bot', 'dockerhub', 'docker.io', false, false],
      ['prod', 'ecr', '123456789012.dkr.ecr.us-east-1.amazonaws.com', false, false],
      ['mirror', 'other', 'mirror.example.com', false, false],
    ]);
    const [ghcr, hub, hubBot, prod] = registriesFile.registries;
    expect(ghcr.prefix).toBe('acme');
    expect(ghcr.credentials).toEqual({ username: '${GITHUB_ACTOR}', password: '${GITHUB_TOKEN}' });
    expect(ghcr.at).toEqual({ file: FILE, line: 5, column: 5 });
    expect(ghcr.positions['credentials.password']).toEqual({ file: FILE, line: 10, column: 17 });
    expect(hub.fallback).toBe('mirror');
    expect(hub.credentials).toEqual({ encrypted_dockercfg: '.github/dockercfg.encrypted' });
    expect(hubBot.positions['credentials.password']).toEqual({ file: FILE, line: 19, column: 49 });
    expect(prod.credentials).toEqual({ aws: { region: 'us-east-1' } });
    expect(prod.positions['credentials.aws.region']).toEqual({ file: FILE, line: 23, column: 35 });
  });
});

describe('YAML features', () => {
  test('anchors, aliases and merge keys', () => {
    const registriesFile = parseRegistriesFile(
      yaml(`
        version: 1
        registries:
          - &hub { name: hub, provider: dockerhub, primary: true, credentials: &creds { username: bot, password: "\${T}" } }
          - <<: *hub
            name: hub-2
            primary: false
            credentials: *creds
      `),
      FILE,
    );
    expect(registriesFile.registries.map((r) => [r.name, r.domain, r.primary])).toEqual([
      ['hub', 'docker.io', true],
      ['hub-2', 'docker.io', false],
    ]);
    expect(registriesFile.registries[1].credentials).toEqual({ username: 'bot', password: '${T}' });
  });
});
