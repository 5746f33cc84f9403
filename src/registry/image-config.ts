/** An image's config blob (small: read whole, digest checked): its platform, labels and creation time. */
import { RegistryError } from './auth.js';
import { openBlob } from './blobs.js';
import type { Manifest, Platform } from './media.js';
import { repositoryLabel, type Repository } from './repository.js';

const MAX_CONFIG = 8 * 1024 * 1024;

/** The config's JSON as stored (`os`, `architecture`, `created`, `config.Labels`…). */
export async function readImageConfig(repo: Repository, manifest: Manifest): Promise<Record<string, unknown>> {
  const config = manifest.json.config as { digest?: string; size?: number; mediaType?: string } | undefined;
  if (!config?.digest || typeof config.size !== 'number') {
    throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest} has no image config`);
  }
  if (config.size > MAX_CONFIG)
    throw new RegistryError(
      `${repositoryLabel(repo)}@${manifest.digest}: image config of ${config.size} bytes is too large`,
    );
  const stream = await openBlob(repo, { mediaType: config.mediaType ?? '', digest: config.digest, size: config.size });
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  try {
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: the image config is not a JSON object`);
}

/** The platform a config names, or undefined when it names none (an artifact). */
export function configPlatform(json: Record<string, unknown>): Platform | undefined {
  const { os, architecture, variant } = json;
  if (typeof os !== 'string' || typeof architecture !== 'string') return undefined;
  const platform: Platform = { os, architecture };
  if (typeof variant === 'string' && variant) platform.variant = variant;
  if (typeof json['os.version'] === 'string' && json['os.version'])
    platform['os.version'] = json['os.version'] as string;
  return platform;
}

export async function readImagePlatform(repo: Repository, manifest: Manifest): Promise<Platform> {
  const platform = configPlatform(await readImageConfig(repo, manifest));
  if (!platform)
    throw new RegistryError(
      `${repositoryLabel(repo)}@${manifest.digest}: the image config names no os and architecture`,
    );
  return platform;
}
