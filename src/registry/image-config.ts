/** An image's platform, read from its config blob (small: read whole, digest checked). */
import { RegistryError } from './auth.js';
import { openBlob } from './blobs.js';
import type { Manifest, Platform } from './media.js';
import { repositoryLabel, type Repository } from './repository.js';

const MAX_CONFIG = 8 * 1024 * 1024;

export async function readImagePlatform(repo: Repository, manifest: Manifest): Promise<Platform> {
  const config = manifest.json.config as { digest?: string; size?: number; mediaType?: string } | undefined;
  if (!config?.digest || typeof config.size !== 'number') {
    throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest} has no image config to read its platform from`);
  }
  if (config.size > MAX_CONFIG) throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: image config of ${config.size} bytes is too large`);
  const stream = await openBlob(repo, { mediaType: config.mediaType ?? '', digest: config.digest, size: config.size });
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: the image config is not JSON`);
  }
  const { os, architecture, variant } = json;
  if (typeof os !== 'string' || typeof architecture !== 'string') {
    throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: the image config names no os and architecture`);
  }
  const platform: Platform = { os, architecture };
  if (typeof variant === 'string' && variant) platform.variant = variant;
  if (typeof json['os.version'] === 'string' && json['os.version']) platform['os.version'] = json['os.version'] as string;
  return platform;
}
