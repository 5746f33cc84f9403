// The rules about registry names, in one table. The rows marked "was" are where copies
// of a rule used to disagree; each now has one answer.
import { describe, expect, it } from 'vitest';
import {
  apiHost,
  configKey,
  hostname,
  isDockerHub,
  isLoopback,
  normalizeDomain,
  splitImageName,
} from '../../../src/naming/index.js';
import { baseUrl } from '../../../src/registry/endpoint.js';
import { allowsPlainHttp } from '../../../src/registries-file/index.js';

describe('Docker Hub', () => {
  it.each([
    ['docker.io', true],
    ['index.docker.io', true],
    ['registry-1.docker.io', true],
    ['registry.hub.docker.com', true], // was: not Hub for the registries file
    ['https://index.docker.io/v1/', true],
    ['docker.io:443', true], // was: Hub for the registries file, not for the registry client
    ['DOCKER.IO', true],
    ['docker.io:5000', false],
    ['docker.com', false],
    ['ghcr.io', false],
  ])('%s → %s', (domain, hub) => {
    expect(isDockerHub(domain)).toBe(hub);
    expect(normalizeDomain(domain) === 'docker.io').toBe(hub);
    expect(apiHost(domain) === 'registry-1.docker.io').toBe(hub);
    expect(configKey(domain) === 'https://index.docker.io/v1/').toBe(hub);
  });
});

describe('normal form', () => {
  it.each([
    ['GHCR.io', 'ghcr.io'],
    ['https://quay.io/', 'quay.io'],
    ['registry.example.com:443', 'registry.example.com'],
    ['registry.example.com:5000', 'registry.example.com:5000'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
    ['[::1]:5000', '[::1]:5000'],
  ])('%s → %s', (domain, normal) => expect(normalizeDomain(domain)).toBe(normal));
});

describe('loopback: plain http never leaves the machine', () => {
  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['127.0.0.1', true],
    ['127.8.9.10:5000', true],
    ['[::1]:5000', true],
    ['[::1]', true],
    ['::1', true], // was: not loopback for the registries file
    ['reg.localhost:5000', false], // was: loopback for the registry client; resolving it is up to the resolver
    ['localhost.example.com', false],
    ['128.0.0.1', false],
    ['10.0.0.1:5000', false],
    ['[::2]:5000', false],
  ])('%s → %s', (domain, loopback) => {
    expect(isLoopback(domain)).toBe(loopback);
    // The registries file and the registry client agree on what speaks plain http.
    expect(allowsPlainHttp({ domain, insecure: false })).toBe(loopback);
    expect(baseUrl({ domain }).protocol).toBe(loopback ? 'http:' : 'https:');
  });

  it('reads the host out of every way a domain is written', () => {
    expect(['[::1]:5000', '::1', 'localhost:80', 'https://a.example:8443/x'].map(hostname)).toEqual([
      '::1',
      '::1',
      'localhost',
      'a.example',
    ]);
  });
});

describe('image names split as Docker splits them', () => {
  it.each([
    ['alpine:3', 'docker.io', 'alpine:3'],
    ['acme/api', 'docker.io', 'acme/api'],
    ['index.docker.io/acme/api:1', 'docker.io', 'acme/api:1'],
    ['registry-1.docker.io/acme/api', 'docker.io', 'acme/api'],
    ['localhost/api', 'localhost', 'api'],
    ['Registry.example/api', 'registry.example', 'api'], // capitals make it a domain, as in Docker
    ['127.0.0.1:5000/a/b@sha256:abc', '127.0.0.1:5000', 'a/b'],
    ['quay.io/org/app:{{ .Branch }}', 'quay.io', 'org/app:{{ .Branch }}'],
  ])('%s → %s + %s', (image, domain, path) => expect(splitImageName(image)).toEqual({ domain, path }));
});
