/**
 * Blob steps of the distribution API, named after the protocol:
 *
 *   checkExistingBlob  HEAD  /v2/<name>/blobs/<digest>
 *   mountBlob          POST  /v2/<name>/blobs/uploads/?mount=<digest>&from=<other>
 *   initiateUpload     POST  /v2/<name>/blobs/uploads/
 *   openBlob           GET   /v2/<name>/blobs/<digest>      (redirects followed, digest verified while read)
 *   commitBlob         PUT   <location>?digest=<digest>     (the whole blob streamed in one request)
 *   uploadChunks       PATCH <location> per chunk, then PUT (for registries that refuse one big PUT)
 *
 * Nothing is written to disk and no blob is held in memory whole: a copy pipes
 * the source's GET response through a verifier into the destination's PUT.
 */
import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { RegistryError } from './auth.js';
import type { Descriptor } from './media.js';
import { repositoryLabel, unexpected, type Repository } from './repository.js';

/** The bytes received do not match the descriptor: nothing may be committed. */
export class BlobMismatchError extends RegistryError {
  override name = 'BlobMismatchError';
}

export async function checkExistingBlob(repo: Repository, digest: string): Promise<boolean> {
  const res = await repo.session.request({
    method: 'HEAD',
    path: `/v2/${repo.path}/blobs/${digest}`,
    scopes: repo.scopes,
  });
  await res.drain();
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  throw await unexpected(res, `checking blob ${digest} in ${repositoryLabel(repo)}`, repo);
}

function uploadLocation(repo: Repository, location: string | undefined, what: string): URL {
  if (!location) throw new RegistryError(`${what}: registry ${repo.session.name} gave no upload location`);
  return new URL(location, repo.session.base);
}

export type MountResult = { mounted: true } | { mounted: false; location: URL };

/**
 * Asks the registry to link a blob from another repository. When it cannot (no
 * access to `from`, blob unknown there) it opens an ordinary upload instead,
 * which the caller can use at once.
 */
export async function mountBlob(repo: Repository, digest: string, from: string): Promise<MountResult> {
  const query = new URLSearchParams({ mount: digest, from });
  let res;
  try {
    res = await repo.session.request({
      method: 'POST',
      path: `/v2/${repo.path}/blobs/uploads/?${query}`,
      scopes: repo.scopes,
    });
  } catch (err) {
    // A token without pull on `from` is refused outright by some registries: upload instead.
    if (err instanceof RegistryError && err.status === 401)
      return { mounted: false, location: await initiateUpload(repo) };
    throw err;
  }
  if (res.status === 201) {
    await res.drain();
    return { mounted: true };
  }
  if (res.status === 202) {
    await res.drain();
    return { mounted: false, location: uploadLocation(repo, res.header('location'), `mounting ${digest}`) };
  }
  throw await unexpected(res, `mounting blob ${digest} into ${repositoryLabel(repo)}`, repo);
}

export async function initiateUpload(repo: Repository): Promise<URL> {
  const res = await repo.session.request({
    method: 'POST',
    path: `/v2/${repo.path}/blobs/uploads/`,
    scopes: repo.scopes,
  });
  if (res.status !== 202) throw await unexpected(res, `starting an upload to ${repositoryLabel(repo)}`, repo);
  await res.drain();
  return uploadLocation(repo, res.header('location'), `starting an upload to ${repositoryLabel(repo)}`);
}

/** Passes bytes through, failing the stream when they are more than, fewer than, or other than the descriptor says. */
export function verifier(
  desc: Pick<Descriptor, 'digest' | 'size'>,
  where: string,
  onBytes?: (seen: number) => void,
): Transform {
  const algorithm = desc.digest.slice(0, desc.digest.indexOf(':'));
  const hash = createHash(algorithm === 'sha512' ? 'sha512' : algorithm === 'sha384' ? 'sha384' : 'sha256');
  let seen = 0;
  return new Transform({
    // Fewer, larger chunks on the way from the source socket to the target socket.
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      seen += chunk.length;
      if (seen > desc.size)
        return done(new BlobMismatchError(`${where}: blob ${desc.digest} is longer than its ${desc.size} bytes`));
      hash.update(chunk);
      onBytes?.(seen);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      const got = `${algorithm}:${hash.digest('hex')}`;
      if (seen !== desc.size)
        return done(new BlobMismatchError(`${where}: blob ${desc.digest} ended after ${seen} of ${desc.size} bytes`));
      if (got !== desc.digest)
        return done(new BlobMismatchError(`${where}: blob ${desc.digest} arrived with digest ${got}`));
      done();
    },
  });
}

/** The blob's bytes as a stream that fails unless they match the descriptor; `onBytes` hears how many have passed. */
export async function openBlob(
  repo: Repository,
  desc: Descriptor,
  onBytes?: (seen: number) => void,
): Promise<Readable> {
  const res = await repo.session.request({
    method: 'GET',
    path: `/v2/${repo.path}/blobs/${desc.digest}`,
    scopes: repo.scopes,
  });
  if (res.status === 404) {
    await res.drain();
    throw new RegistryError(`blob ${desc.digest} is missing from ${repositoryLabel(repo)} (HTTP 404)`, 404);
  }
  if (res.status !== 200)
    throw await unexpected(res, `reading blob ${desc.digest} from ${repositoryLabel(repo)}`, repo);
  const check = verifier(desc, `reading ${repositoryLabel(repo)}`, onBytes);
  // Errors reach the consumer through `check`; a consumer that gives up destroys it, which frees the source.
  // A dropped source connection surfaces in the upload it feeds: it must name the source's host.
  res.body.once('error', (err: Error & { host?: string }) => (err.host ??= res.url.host));
  pipeline(res.body, check, () => {});
  return check;
}

function withDigest(location: URL, digest: string): URL {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url;
}

/** Streams the whole blob into the upload in one PUT. */
export async function commitBlob(repo: Repository, location: URL, desc: Descriptor, body: Readable): Promise<void> {
  let res;
  try {
    res = await repo.session.request({
      method: 'PUT',
      path: withDigest(location, desc.digest),
      scopes: repo.scopes,
      headers: { 'content-type': 'application/octet-stream', 'content-length': desc.size },
      body,
    });
  } catch (err) {
    body.destroy();
    throw err;
  }
  if (res.status !== 201) {
    body.destroy();
    throw await unexpected(res, `uploading blob ${desc.digest} to ${repositoryLabel(repo)}`, repo);
  }
  await res.drain();
}

/** PATCHes the blob in chunks of at most `chunkSize` bytes (each can be retried), then commits. */
export async function uploadChunks(
  repo: Repository,
  location: URL,
  desc: Descriptor,
  body: Readable,
  chunkSize: number,
): Promise<void> {
  let url = location;
  let offset = 0;
  const send = async (chunk: Buffer) => {
    const res = await repo.session.request({
      method: 'PATCH',
      path: url,
      scopes: repo.scopes,
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `${offset}-${offset + chunk.length - 1}`,
      },
      body: chunk,
    });
    if (res.status !== 202)
      throw await unexpected(res, `uploading part of blob ${desc.digest} to ${repositoryLabel(repo)}`, repo);
    await res.drain();
    url = uploadLocation(repo, res.header('location') ?? url.href, 'uploading a chunk');
    offset += chunk.length;
  };
  try {
    let parts: Buffer[] = [];
    let pending = 0;
    for await (const piece of body as AsyncIterable<Buffer>) {
      let rest = piece;
      while (pending + rest.length >= chunkSize) {
        const take = chunkSize - pending;
        parts.push(rest.subarray(0, take));
        rest = rest.subarray(take);
        await send(Buffer.concat(parts));
        parts = [];
        pending = 0;
      }
      if (rest.length) {
        parts.push(rest);
        pending += rest.length;
      }
    }
    if (pending) await send(Buffer.concat(parts));
  } catch (err) {
    body.destroy();
    throw err;
  }
  const res = await repo.session.request({ method: 'PUT', path: withDigest(url, desc.digest), scopes: repo.scopes });
  if (res.status !== 201)
    throw await unexpected(res, `finishing the upload of blob ${desc.digest} to ${repositoryLabel(repo)}`, repo);
  await res.drain();
}
