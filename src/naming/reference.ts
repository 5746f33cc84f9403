/**
 * Image references, parsed and normalised exactly as Docker does
 * (the rules of Docker's reference package: Parse and ParseNormalizedNamed):
 *
 *   parseImageRef('alpine')                    → docker.io/library/alpine (no tag)
 *   parseImageRef('localhost:5000/a/b:1@sha256:…') → domain localhost:5000, path a/b, tag 1, digest
 *   formatRef(ref)                             → 'docker.io/library/alpine:latest'
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain '/'] path          domain := host [':' port]
 */
import { UserError } from '../errors.js';
import { normalizeDomain } from './host.js';

export interface ImageRef {
  /** docker.io, ghcr.io, localhost:5000, [::1]:5000 … (Docker Hub is always docker.io). */
  domain: string;
  /** The repository path: library/alpine, acme/app. */
  path: string;
  tag?: string;
  digest?: string;
}

// The grammar, built from the same pieces as Docker's regexp.go.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRe = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const identifierRe = /^[a-f0-9]{64}$/;
const tagRe = new RegExp(`^${tagPat}$`);
const pathComponentRe = new RegExp(`^${pathComponent}$`);

const MAX_NAME = 255;
/** Hex lengths of the algorithms go-digest registers. */
const DIGEST_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export class InvalidReferenceError extends UserError {
  override name = 'InvalidReferenceError';
}

function fail(input: string, why: string): never {
  throw new InvalidReferenceError(`invalid image reference "${input}": ${why}`);
}

/** Checks a digest as go-digest's Parse does; returns it unchanged. */
export function validateDigest(digest: string, input = digest): string {
  const i = digest.indexOf(':');
  const algorithm = digest.slice(0, i);
  const hex = digest.slice(i + 1);
  if (i <= 0 || !hex) fail(input, 'invalid checksum digest format');
  const want = DIGEST_HEX[algorithm];
  if (want === undefined) fail(input, `unsupported digest algorithm "${algorithm}"`);
  if (hex.length !== want) fail(input, `invalid checksum digest length`);
  if (!/^[a-f0-9]+$/.test(hex)) fail(input, 'invalid checksum digest format');
  return digest;
}

/** Docker's Parse: the grammar only, no normalisation (domain may be ''). */
export function parseReference(input: string): ImageRef {
  if (input === '') fail(input, 'repository name must have at least one component');
  const m = referenceRe.exec(input);
  if (!m) {
    if (input.toLowerCase() !== input && referenceRe.test(input.toLowerCase()))
      fail(input, 'repository name must be lowercase');
    fail(input, 'invalid reference format');
  }
  // The whole name (domain included) is limited, as in Docker's Parse and Distribution 2.8.
  if (m[1].length > MAX_NAME) fail(input, `repository name must not be more than ${MAX_NAME} characters`);
  const n = anchoredNameRe.exec(m[1]);
  const domain = n?.[1] ?? '';
  const path = n ? n[2] : m[1];
  const ref: ImageRef = { domain, path };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) ref.digest = validateDigest(m[3], input);
  return ref;
}

/** Docker's rule for the first component of a name: a registry when it has a dot, a port or capitals, or is localhost. */
export function isDomainComponent(first: string): boolean {
  return first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first;
}

/** Docker's splitDockerDomain: which part of a familiar name is the registry. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return ['docker.io', `library/${name}`];
  const maybeDomain = name.slice(0, slash);
  let domain: string;
  let remote: string;
  if (isDomainComponent(maybeDomain)) {
    [domain, remote] = [maybeDomain === 'index.docker.io' ? 'docker.io' : maybeDomain, name.slice(slash + 1)];
  } else {
    [domain, remote] = ['docker.io', name];
  }
  if (domain === 'docker.io' && !remote.includes('/')) remote = `library/${remote}`;
  return [domain, remote];
}

/**
 * The registry (normal form) and the rest of an image name, split as Docker splits
 * it but without checking or completing the rest: `alpine:3` → docker.io, `alpine:3`.
 * For names in files regkit converts, which may hold variables Docker would refuse.
 */
export function splitImageName(image: string): { domain: string; path: string } {
  const name = image.split('@')[0];
  const slash = name.indexOf('/');
  if (slash > 0 && isDomainComponent(name.slice(0, slash)))
    return { domain: normalizeDomain(name.slice(0, slash)), path: name.slice(slash + 1) };
  return { domain: 'docker.io', path: name };
}

/** Docker's ParseNormalizedNamed: what `docker pull NAME` understands by NAME. */
export function parseImageRef(input: string): ImageRef {
  if (identifierRe.test(input)) fail(input, 'cannot specify 64-byte hexadecimal strings');
  const [domain, remainder] = splitDockerDomain(input);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) fail(input, `repository name (${remote}) must be lowercase`);
  const ref = parseReference(`${domain}/${remainder}`);
  if (!ref.domain) fail(input, 'invalid reference format');
  return ref;
}

/** The repository with its registry: docker.io/library/alpine. */
export function repositoryName(ref: ImageRef): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** The full string: name[:tag][@digest]. */
export function formatRef(ref: ImageRef): string {
  return repositoryName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}

/** As Docker's UI shows it: without docker.io/ and library/. */
export function familiarName(ref: ImageRef): string {
  if (ref.domain !== 'docker.io') return formatRef(ref);
  let path = ref.path;
  if (path.startsWith('library/') && !path.slice(8).includes('/')) path = path.slice(8);
  return formatRef({ ...ref, domain: '', path });
}

/** Docker's TagNameOnly: `latest` when there is neither tag nor digest. */
export function withDefaultTag(ref: ImageRef): ImageRef {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}

/** What to ask the registry for: the digest when there is one (it pins the tag), else the tag. */
export function manifestReference(ref: ImageRef): string {
  return ref.digest ?? ref.tag ?? 'latest';
}

/** One part of a repository path between slashes: lower-case alphanumerics joined by . _ __ or dashes. */
export function isPathComponent(part: string): boolean {
  return pathComponentRe.test(part);
}

export function isValidTag(tag: string): boolean {
  return tagRe.test(tag);
}

export function withTag(ref: ImageRef, tag: string): ImageRef {
  if (!isValidTag(tag))
    throw new InvalidReferenceError(
      `invalid tag "${tag}": tags are up to 128 letters, digits, _ . - and do not start with . or -`,
    );
  return { domain: ref.domain, path: ref.path, tag };
}
