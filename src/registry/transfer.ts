/**
 * Moving content from one source repository into one target repository:
 * children before parents, each blob skipped when present, mounted when the
 * source is on the same registry, else streamed GET → PUT. Every blob is retried
 * on its own (starting that blob over), so one failed transfer does not repeat
 * the others. Tags are not written here: the caller tags only once everything
 * below the tag is in place.
 */
import { pullScope, StaleTokenError, RegistryError } from './auth.js';
import {
  BlobMismatchError,
  checkExistingBlob,
  commitBlob,
  initiateUpload,
  mountBlob,
  openBlob,
  uploadChunks,
} from './blobs.js';
import { getManifest, headManifest, putManifest } from './manifests.js';
import { isIndexType, type Descriptor, type Manifest } from './media.js';
import { allSettledOrThrow, limiter, sleep } from './pool.js';
import type { Repository } from './repository.js';
import type { Readable } from 'node:stream';

export interface TransferOptions {
  /** Blobs moved at once into one target; default 4. */
  parallel?: number;
  /** Upload every blob in PATCH chunks of this size instead of one PUT. */
  chunkSize?: number;
  /** Attempts per blob; default 3. */
  blobAttempts?: number;
  retryBaseMs?: number;
  /** Told about every blob: when it starts moving, as its bytes go, and how it ended. */
  onBlob?: (event: BlobEvent) => void;
}

export interface BlobEvent {
  digest: string;
  size: number;
  /** start: bytes begin to flow; bytes: `sent` so far; then how it ended. */
  state: 'start' | 'bytes' | 'copied' | 'mounted' | 'skipped';
  sent: number;
}

export interface CopyStats {
  blobsCopied: number;
  bytesCopied: number;
  blobsMounted: number;
  bytesMounted: number;
  blobsSkipped: number;
  bytesSkipped: number;
  manifestsWritten: number;
}

export function emptyStats(): CopyStats {
  return {
    blobsCopied: 0,
    bytesCopied: 0,
    blobsMounted: 0,
    bytesMounted: 0,
    blobsSkipped: 0,
    bytesSkipped: 0,
    manifestsWritten: 0,
  };
}

/** What every transfer into one target repository shares: the stats, the work already started, the parallelism. */
export interface TargetContext {
  stats: CopyStats;
  blobs: Map<string, Promise<void>>;
  manifests: Map<string, Promise<void>>;
  limit: <T>(fn: () => Promise<T>, priority?: number) => Promise<T>;
  opts: TransferOptions;
}

export function targetContext(opts: TransferOptions = {}, stats = emptyStats()): TargetContext {
  return { stats, blobs: new Map(), manifests: new Map(), limit: limiter(opts.parallel ?? 4), opts };
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
/** Registries that refuse one large PUT answer with these; chunks may pass. */
const CHUNK_FALLBACK_STATUS = new Set([413, 405, 501]);

function retriable(err: unknown): boolean {
  if (err instanceof StaleTokenError || err instanceof BlobMismatchError) return true;
  if (err instanceof RegistryError) return err.status !== undefined && RETRY_STATUS.has(err.status);
  return RETRY_CODES.has((err as NodeJS.ErrnoException)?.code ?? '');
}

/** Foreign (non-distributable) layers live outside registries and are not copied, as Docker does. */
const distributable = (d: Descriptor) => !/foreign|nondistributable/.test(d.mediaType) || !d.urls?.length;

export function sameRegistry(a: Repository, b: Repository): boolean {
  return a.session.base.origin === b.session.base.origin;
}

export function sameRepository(a: Repository, b: Repository): boolean {
  return sameRegistry(a, b) && a.path === b.path;
}

export class Transfer {
  constructor(
    readonly source: Repository,
    readonly target: Repository,
    readonly ctx: TargetContext,
  ) {}

  /** Puts a manifest named by descriptor (and all below it) into the target, untagged. */
  ensureManifest(desc: Descriptor, known?: Manifest): Promise<void> {
    if (sameRepository(this.source, this.target)) return Promise.resolve();
    let work = this.ctx.manifests.get(desc.digest);
    if (!work) {
      work = (async () => {
        // HEAD at the target and GET at the source at once; the GET is wasted only when the target has it.
        const [head, got] = await Promise.allSettled([
          headManifest(this.target, desc.digest),
          known ?? getManifest(this.source, desc.digest),
        ]);
        if (head.status === 'rejected') throw head.reason;
        if (head.value) return;
        if (got.status === 'rejected') throw got.reason;
        const manifest = got.value;
        await this.ensureContent(manifest);
        await putManifest(this.target, manifest.digest, manifest);
        this.ctx.stats.manifestsWritten++;
      })();
      this.ctx.manifests.set(desc.digest, work);
    }
    return work;
  }

  /** Everything a manifest points to: its children (index) or its blobs (image). */
  async ensureContent(manifest: Manifest): Promise<void> {
    if (sameRepository(this.source, this.target)) return;
    if (isIndexType(manifest.mediaType)) await allSettledOrThrow(manifest.children.map((c) => this.ensureManifest(c)));
    else await allSettledOrThrow(manifest.blobs.filter(distributable).map((b) => this.ensureBlob(b)));
  }

  ensureBlob(desc: Descriptor): Promise<void> {
    let work = this.ctx.blobs.get(desc.digest);
    if (!work) {
      // Mounts send no bytes: only the transport's per-host limit holds them back. Copies
      // wait for one of the `parallel` places, largest first.
      work = sameRegistry(this.source, this.target)
        ? this.blobWithRetries(desc)
        : this.ctx.limit(() => this.blobWithRetries(desc), desc.size);
      this.ctx.blobs.set(desc.digest, work);
    }
    return work;
  }

  private async blobWithRetries(desc: Descriptor): Promise<void> {
    const attempts = this.ctx.opts.blobAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.moveBlob(desc);
      } catch (err) {
        if (attempt >= attempts || !retriable(err)) throw err;
        await sleep((this.ctx.opts.retryBaseMs ?? 500) * 2 ** (attempt - 1));
      }
    }
  }

  private async moveBlob(desc: Descriptor): Promise<void> {
    const { stats } = this.ctx;
    if (sameRegistry(this.source, this.target)) {
      // A mount answers for blobs already in the target too, so no HEAD is needed first.
      const mount = await mountBlob(this.mountingTarget(), desc.digest, this.source.path);
      if (mount.mounted) {
        stats.blobsMounted++;
        stats.bytesMounted += desc.size;
        this.tell(desc, 'mounted', 0);
        return;
      }
      await this.ctx.limit(() => this.stream(desc, mount.location), desc.size);
    } else {
      // HEAD, the upload POST and the source GET at once: one round trip instead of three.
      // When the target has the blob, the GET is closed unread and the empty upload is left
      // for the registry to purge (cancelling it would need delete rights and another token).
      const [exists, upload, body] = await Promise.allSettled([
        checkExistingBlob(this.target, desc.digest),
        initiateUpload(this.target),
        this.open(desc),
      ]);
      const present = exists.status === 'fulfilled' && exists.value;
      const failed = [exists, upload, body].find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if ((present || failed) && body.status === 'fulfilled') body.value.destroy();
      if (present) {
        stats.blobsSkipped++;
        stats.bytesSkipped += desc.size;
        this.tell(desc, 'skipped', 0);
        return;
      }
      if (failed) throw failed.reason;
      await this.stream(
        desc,
        (upload as PromiseFulfilledResult<URL>).value,
        (body as PromiseFulfilledResult<Readable>).value,
      );
    }
    stats.blobsCopied++;
    stats.bytesCopied += desc.size;
    this.tell(desc, 'copied', desc.size);
  }

  private tell(desc: Descriptor, state: BlobEvent['state'], sent: number): void {
    this.ctx.opts.onBlob?.({ digest: desc.digest, size: desc.size, state, sent });
  }

  /** Opens the blob at the source, telling `onBlob` as its bytes pass. */
  private open(desc: Descriptor): Promise<Readable> {
    if (!this.ctx.opts.onBlob) return openBlob(this.source, desc);
    let started = false;
    return openBlob(this.source, desc, (sent) => {
      if (!started) {
        started = true;
        this.tell(desc, 'start', 0);
      }
      this.tell(desc, 'bytes', sent);
    });
  }

  /** The target with pull on the source in its scopes (usually there already: then the same token). */
  private mountingTarget(): Repository {
    const scope = pullScope(this.source.path);
    const { scopes } = this.target;
    return scopes.includes(scope) ? this.target : { ...this.target, scopes: [...scopes, scope] };
  }

  private async stream(desc: Descriptor, location: URL, opened?: Readable): Promise<void> {
    const body = opened ?? (await this.open(desc));
    const chunkSize = this.ctx.opts.chunkSize;
    if (chunkSize) return uploadChunks(this.target, location, desc, body, chunkSize);
    try {
      await commitBlob(this.target, location, desc, body);
    } catch (err) {
      if (!(err instanceof RegistryError && err.status !== undefined && CHUNK_FALLBACK_STATUS.has(err.status)))
        throw err;
      const fresh = await initiateUpload(this.target);
      await uploadChunks(this.target, fresh, desc, await openBlob(this.source, desc), 8 * 1024 * 1024);
    }
  }
}
