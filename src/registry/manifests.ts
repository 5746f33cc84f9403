/**
 * Manifest steps of the distribution API: HEAD and GET with all four Accept
 * types, PUT with the exact bytes and their media type.
 */
import { RegistryError } from './auth.js';
import { MANIFEST_ACCEPT, parseManifest, sha256, type Manifest } from './media.js';
import { repositoryLabel, unexpected, type Repository } from './repository.js';

const path = (repo: Repository, reference: string) => `/v2/${repo.path}/manifests/${reference}`;
const isDigest = (reference: string) => reference.includes(':');
const label = (repo: Repository, reference: string) =>
  `${repositoryLabel(repo)}${isDigest(reference) ? '@' : ':'}${reference}`;

export interface ManifestHead {
  digest: string;
  mediaType?: string;
  size?: number;
}

/** What a tag or digest points to, or undefined when the registry does not have it. */
export async function headManifest(repo: Repository, reference: string): Promise<ManifestHead | undefined> {
  const res = await repo.session.request({
    method: 'HEAD',
    path: path(repo, reference),
    scopes: repo.scopes,
    headers: { accept: MANIFEST_ACCEPT },
  });
  if (res.status === 404) {
    await res.drain();
    return undefined;
  }
  if (res.status !== 200) throw await unexpected(res, `checking ${label(repo, reference)}`, repo);
  await res.drain();
  const digest = res.header('docker-content-digest') ?? (isDigest(reference) ? reference : undefined);
  // Without the digest header a HEAD cannot tell whether the content is the same.
  if (!digest) return undefined;
  const size = Number(res.header('content-length'));
  return { digest, mediaType: res.header('content-type'), size: Number.isFinite(size) ? size : undefined };
}

/** The manifest's exact bytes; a digest reference is checked against the bytes received. */
export async function getManifest(repo: Repository, reference: string): Promise<Manifest> {
  const res = await repo.session.request({
    method: 'GET',
    path: path(repo, reference),
    scopes: repo.scopes,
    headers: { accept: MANIFEST_ACCEPT },
  });
  if (res.status === 404) {
    await res.drain();
    throw new RegistryError(
      `image ${label(repo, reference)} not found (HTTP 404); check the name and ${isDigest(reference) ? 'digest' : 'tag'}`,
      404,
    );
  }
  if (res.status !== 200) throw await unexpected(res, `reading ${label(repo, reference)}`, repo);
  const bytes = await res.buffer(4 * 1024 * 1024 + 1);
  if (isDigest(reference) && sha256(bytes) !== reference) {
    throw new RegistryError(
      `registry ${repo.session.name} sent a manifest for ${label(repo, reference)} whose digest is ${sha256(bytes)}`,
    );
  }
  return parseManifest(bytes, res.header('content-type'), label(repo, reference));
}

/** Stores the manifest under a tag or its digest, byte for byte. */
export async function putManifest(
  repo: Repository,
  reference: string,
  manifest: Pick<Manifest, 'bytes' | 'mediaType' | 'digest'>,
): Promise<void> {
  const res = await repo.session.request({
    method: 'PUT',
    path: path(repo, reference),
    scopes: repo.scopes,
    headers: { 'content-type': manifest.mediaType },
    body: manifest.bytes,
  });
  if (res.status !== 201 && res.status !== 200) throw await unexpected(res, `writing ${label(repo, reference)}`, repo);
  await res.drain();
  const stored = res.header('docker-content-digest');
  if (stored && stored !== manifest.digest) {
    throw new RegistryError(
      `registry ${repo.session.name} stored ${label(repo, reference)} as ${stored}, not ${manifest.digest}`,
    );
  }
}
