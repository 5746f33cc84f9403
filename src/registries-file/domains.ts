// What each provider's domain looks like (the rules about names themselves are in src/naming).
import { isDockerHub, normalizeDomain } from '../naming/index.js';
import type { Provider } from './types.js';

const label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const hostPort = new RegExp(`^(?:${label}(?:\\.${label})*|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?$`);

/** The domain every registry of this provider has, when it has one. */
export const impliedDomain: Partial<Record<Provider, string>> = {
  dockerhub: 'docker.io',
  ghcr: 'ghcr.io',
  quay: 'quay.io',
};

interface Shape {
  test: RegExp;
  expected: string;
}

// Only the hosted services whose domain has a fixed shape; artifactory, ibm and other are any host[:port].
const shapes: Partial<Record<Provider, Shape>> = {
  ecr: {
    test: /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/,
    expected: '<account>.dkr.ecr.<region>.amazonaws.com, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com',
  },
  gar: { test: /^[a-z0-9-]+-docker\.pkg\.dev$/, expected: '<region>-docker.pkg.dev, e.g. europe-west1-docker.pkg.dev' },
  gcr: { test: /^(?:[a-z]+\.)?gcr\.io$/, expected: 'gcr.io or <region>.gcr.io (us.gcr.io, eu.gcr.io, asia.gcr.io)' },
  acr: { test: /^[a-z0-9]+\.azurecr\.(?:io|cn|us)$/, expected: '<name>.azurecr.io, e.g. acme.azurecr.io' },
  dockerhub: { test: /^docker\.io$/, expected: 'docker.io (or leave domain out)' },
  ghcr: { test: /^ghcr\.io$/, expected: 'ghcr.io (or leave domain out)' },
};

/**
 * Why `raw` cannot be this provider's domain, as "what is wrong — what to do"; undefined when it can.
 * `raw` is the domain as written in the file.
 */
export function domainProblem(provider: Provider, raw: string): string | undefined {
  const text = raw.trim();
  if (text.includes('${'))
    return `domain "${text}" holds a \${VAR}, which is expanded only inside credentials — write the domain itself`;
  if (/^http:\/\//i.test(text))
    return `domain "${text}" has an http:// scheme — write the host alone and set insecure: true for plain http`;
  const withoutScheme = text.replace(/^https:\/\//i, '');
  const path = withoutScheme.includes('/') ? withoutScheme.slice(withoutScheme.indexOf('/')) : '';
  if (path && !(isDockerHub(text) && /^\/(v1\/?)?$/.test(path)) && path !== '/') {
    return `domain "${text}" has a path "${path}" — write host[:port] only and put repository paths in prefix`;
  }
  const domain = normalizeDomain(text);
  if (!hostPort.test(domain))
    return `domain "${text}" is not a host name — write host[:port], e.g. registry.example.com:5000`;
  const shape = shapes[provider];
  if (shape && !shape.test.test(domain))
    return `domain "${text}" is not a domain for provider ${provider} — expected ${shape.expected}`;
  return undefined;
}

/** Account and region of an ECR domain. */
export function ecrParts(domain: string): { account: string; region: string } | undefined {
  const m = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(normalizeDomain(domain));
  return m ? { account: m[1], region: m[2] } : undefined;
}
