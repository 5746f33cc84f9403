/**
 * Getting the FROM images before the build: each is pulled with retries; one that
 * still fails is pulled from its registry's fallback (and that one's fallback…)
 * and tagged locally under the name the Dockerfile asks for, so the builder finds
 * it there (BuildKit and the legacy builder prefer a local image).
 */
import { UserError } from '../errors.js';
import { fallbackChain, pullRegistryFor, type RegistriesFile, type Registry } from '../registries-file/index.js';
import { parseImageRef, type ImageRef } from '../naming/index.js';
import { localImage, pullWithRetries, tagImage, type DockerEnv } from '../docker/image.js';
import type { FromImage } from './dockerfile.js';

export interface BaseImage {
  image: string;
  line: number;
  /** present: already in the daemon; pulled: from where it names; fallback: from a fallback registry. */
  status: 'present' | 'pulled' | 'fallback';
  /** The reference it was pulled from, when a fallback served it. */
  from?: string;
  /** The fallback registry that served it. */
  fallback?: string;
  /** Why the original pull failed, when a fallback served it. */
  reason?: string;
}

function suffix(ref: ImageRef): string {
  return ref.digest ? `@${ref.digest}` : `:${ref.tag ?? 'latest'}`;
}

/**
 * The same image at `fallback`: the path without the original registry's prefix, under the
 * fallback's prefix (never doubled).
 */
export function fallbackRef(ref: ImageRef, original: Registry | undefined, fallback: Registry): string {
  let path = ref.path;
  if (original?.prefix && path.startsWith(`${original.prefix}/`)) path = path.slice(original.prefix.length + 1);
  if (fallback.prefix && !path.startsWith(`${fallback.prefix}/`)) path = `${fallback.prefix}/${path}`;
  return `${fallback.domain}/${path}${suffix(ref)}`;
}

/** Where to try a FROM image, in order: where it names, then each fallback of its registry. */
export function pullCandidates(
  registriesFile: RegistriesFile,
  image: string,
  contexts: string[],
): { ref: string; registry?: Registry }[] {
  const ref = parseImageRef(image);
  const registry = pullRegistryFor(registriesFile, ref.domain, contexts);
  const out: { ref: string; registry?: Registry }[] = [{ ref: image, registry }];
  if (registry)
    for (const f of fallbackChain(registriesFile, registry.name).slice(1))
      out.push({ ref: fallbackRef(ref, registry, f), registry: f });
  return out;
}

export interface PrepareOptions {
  registriesFile: RegistriesFile;
  contexts: string[];
  docker: DockerEnv;
  /** Pull even what the daemon already has. */
  pullAlways: boolean;
  /** Tag a fallback image locally under the original name (not needed when buildx gets a build context). */
  tagLocally: boolean;
  log(line: string): void;
  attempts?: number;
  backoffMs?: number;
}

async function prepareOne(img: FromImage, file: string, opts: PrepareOptions): Promise<BaseImage> {
  if (!opts.pullAlways && (await localImage(opts.docker, img.image)))
    return { image: img.image, line: img.line, status: 'present' };
  const failures: string[] = [];
  let candidates: ReturnType<typeof pullCandidates>;
  try {
    candidates = pullCandidates(opts.registriesFile, img.image, opts.contexts);
  } catch (err) {
    throw err instanceof UserError ? new UserError(`${file}:${img.line}: FROM ${img.image}: ${err.message}`) : err;
  }
  for (const [i, c] of candidates.entries()) {
    const r = await pullWithRetries(opts.docker, c.ref, {
      attempts: opts.attempts,
      backoffMs: opts.backoffMs,
      platform: img.platform,
    });
    if (r.ok) {
      if (i === 0) return { image: img.image, line: img.line, status: 'pulled' };
      if (opts.tagLocally) await tagImage(opts.docker, c.ref, img.image);
      opts.log(
        `FROM ${img.image}: pulled from fallback registry ${c.registry!.name} (${c.ref}) because ${failures[0]}`,
      );
      return {
        image: img.image,
        line: img.line,
        status: 'fallback',
        from: c.ref,
        fallback: c.registry!.name,
        reason: failures[0],
      };
    }
    const tries = r.attempts > 1 ? ` after ${r.attempts} attempts` : '';
    failures.push(
      i === 0
        ? `the pull failed${tries}: ${r.reason}`
        : `fallback ${c.registry!.name} (${c.ref}) failed${tries}: ${r.reason}`,
    );
    opts.log(
      `FROM ${img.image}: ${i === 0 ? 'pull' : `pull from fallback ${c.registry!.name}`} of ${c.ref} failed${tries}: ${r.reason}`,
    );
  }
  const none = candidates.length === 1 ? ' (no fallback registry for it in the registries file)' : '';
  throw new UserError(`${file}:${img.line}: cannot pull FROM image ${img.image}: ${failures.join('; ')}${none}`);
}

/** Every FROM image present in the daemon (or served by a fallback), in Dockerfile order. */
export async function prepareBaseImages(images: FromImage[], file: string, opts: PrepareOptions): Promise<BaseImage[]> {
  const unique = [...new Map(images.map((i) => [i.image, i])).values()];
  return Promise.all(unique.map((img) => prepareOne(img, file, opts)));
}
