// A typo in a registry name inside an image reference reads as a Docker Hub image; the error says so.
import { describe, expect, it } from 'vitest';
import { misreadAsDockerHub, parseRegistriesFile } from '../../../src/registries-file/index.js';

const integ = parseRegistriesFile(
  [
    'version: 1',
    'registries:',
    '  - name: staging',
    '    provider: other',
    '    domain: registry.staging.example',
    '  - name: prod',
    '    provider: ghcr',
  ].join('\n'),
  '.github/registries.yml',
);

describe('misreadAsDockerHub', () => {
  it('names the input, how it was read, and the registry meant', () => {
    expect(misreadAsDockerHub(integ, 'stagin/api:1.2', 'source')).toBe(
      'source: "stagin/api:1.2" was read as the Docker Hub image docker.io/stagin/api:1.2, as "stagin" is not a registry of .github/registries.yml — did you mean the registry "staging" (staging/api:1.2)?',
    );
    expect(misreadAsDockerHub(integ, 'prd/api@sha256:abc', 'candidate')).toMatch(
      /^candidate: "prd\/api@sha256:abc" was read as .* did you mean the registry "prod" \(prod\/api@sha256:abc\)\?$/,
    );
  });

  it('says nothing for registry names, domains, and names far from any registry', () => {
    for (const text of [
      'staging/api:1',
      'registry.staging.example/api:1',
      'localhost/api',
      'host:5000/api',
      'library/nginx:1',
      'api:1',
      'acme/tool',
    ]) {
      expect(misreadAsDockerHub(integ, text, 'source')).toBeUndefined();
    }
  });
});
