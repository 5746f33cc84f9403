import { describe, expect, it } from 'vitest';
import { parseRegistriesFile, selectRegistries } from '../../../src/registries-file/index.js';
import { chooseAccounts } from '../../../src/credentials/plan.js';

const registriesFile = parseRegistriesFile(
  `version: 1
registries:
  - name: hub
    provider: dockerhub
    primary: true
    credentials: { username: a, password: b }
  - name: hub-bot
    provider: dockerhub
    credentials: { username: c, password: d }
  - name: hub-ci
    provider: dockerhub
    credentials: { username: e, password: f }
  - name: local
    provider: other
    domain: 127.0.0.1:5000
    credentials: { username: g, password: h }
  - name: ghcr
    provider: ghcr
`,
  '.github/registries.yml',
);

function plan(names: string[], contexts: string[] = []) {
  return chooseAccounts(registriesFile, selectRegistries(registriesFile, names), contexts).map((l) => [
    l.domain,
    l.registry.name,
    l.passedOver.map((r) => r.name),
  ]);
}

describe('which account logs in to which domain', () => {
  it('one login per domain: the primary when several share it', () => {
    expect(plan([])).toEqual([
      ['docker.io', 'hub', ['hub-bot', 'hub-ci']],
      ['127.0.0.1:5000', 'local', []],
      ['ghcr.io', 'ghcr', []],
    ]);
  });
  it('the registry-contexts entry for a domain wins over the primary', () => {
    expect(plan([], ['hub-bot'])[0]).toEqual(['docker.io', 'hub-bot', ['hub', 'hub-ci']]);
  });
  it('the only selected registry of a domain, even when it is not the primary', () => {
    expect(plan(['hub-ci', 'local'])).toEqual([
      ['docker.io', 'hub-ci', []],
      ['127.0.0.1:5000', 'local', []],
    ]);
  });
  it('a context applies only to domains being logged in to', () => {
    expect(plan(['local'], ['hub-bot'])).toEqual([['127.0.0.1:5000', 'local', []]]);
  });
  it('refuses two contexts on one domain, an unknown context, and several non-primary registries', () => {
    expect(() => plan([], ['hub-bot', 'hub-ci'])).toThrow(
      'registry-contexts: "hub-bot" and "hub-ci" are both for docker.io — keep one registry context per domain',
    );
    expect(() => plan(['local'], ['hub-bot', 'hub-ci'])).toThrow(/both for docker\.io/);
    expect(() => plan([], ['hub-bott'])).toThrow(
      /^input registry-contexts: no registry named "hub-bott" in \.github\/registries\.yml/,
    );
    expect(() => plan(['hub-bot', 'hub-ci'])).toThrow(
      'registries "hub-bot" and "hub-ci" are all for docker.io and none of them is primary — select one, or name the one to use in registry-contexts',
    );
  });
});
