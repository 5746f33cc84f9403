// The full name an image gets when pushed to a registry: domain, prefix, image name, tag.
import { UserError } from '../errors.js';
import {
  isDockerHub,
  isDomainComponent,
  isPathComponent,
  isValidTag,
  normalizeDomain,
  parseImageRef,
} from '../naming/index.js';
import type { RegistriesFile, Registry } from './types.js';

/**
 * `<domain>/<prefix>/<image>[:<tag>]` for a push to `registry`. The image name may already start
 * with the registry's domain or prefix (neither is doubled) and may carry its own `:tag` when
 * `tag` is not given. On Docker Hub a one-part name without prefix becomes `library/<name>`.
 */
export function pushedName(registry: Registry, imageName: string, tag?: string): string {
  let name = imageName.trim();
  const tagAt = name.lastIndexOf(':');
  if (tagAt > name.lastIndexOf('/')) {
    if (tag !== undefined)
      throw new UserError(
        `image name "${imageName}" already has a tag and the tag "${tag}" was given too — give the image name without ":${name.slice(tagAt + 1)}"`,
      );
    tag = name.slice(tagAt + 1);
    name = name.slice(0, tagAt);
  }
  if (name.includes('@'))
    throw new UserError(`image name "${imageName}" has a digest — give the repository name only; pushes are by tag`);
  const parts = name.split('/');
  if (parts.length > 1 && isDomainComponent(parts[0])) {
    if (normalizeDomain(parts[0]) !== registry.domain) {
      throw new UserError(
        `image name "${imageName}" names domain ${parts[0]}, but the push goes to registry "${registry.name}" (${registry.domain}) — give the image name without a domain`,
      );
    }
    parts.shift();
  }
  let path = parts.join('/');
  if (!parts.every(isPathComponent)) {
    throw new UserError(
      `image name "${imageName}" is not a repository name — use lower-case letters, digits and ".", "_", "-" between them, with "/" between parts`,
    );
  }
  if (registry.prefix && !path.startsWith(registry.prefix + '/')) path = `${registry.prefix}/${path}`;
  if (isDockerHub(registry.domain) && !path.includes('/')) path = `library/${path}`;
  if (tag !== undefined && !isValidTag(tag)) {
    throw new UserError(
      `tag "${tag}" is not a valid tag — use up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`,
    );
  }
  return `${registry.domain}/${path}${tag !== undefined ? `:${tag}` : ''}`;
}

const IMAGE_ID = /^(sha256:)?[0-9a-f]{12,64}$/;

/** The image name at the target when none is given: the candidate's path without its registry's prefix. */
export function defaultImageName(file: RegistriesFile, candidate: string): string {
  if (IMAGE_ID.test(candidate))
    throw new UserError(`image-name: the candidate ${candidate} is an image ID — give image-name for the pushed image`);
  const ref = parseImageRef(candidate);
  let path = ref.path;
  const prefixes = file.registries.filter((r) => r.domain === ref.domain && r.prefix).map((r) => r.prefix!);
  const prefix = prefixes.find((p) => path.startsWith(`${p}/`));
  if (prefix) path = path.slice(prefix.length + 1);
  return ref.domain === 'docker.io' && path.startsWith('library/') ? path.slice(8) : path;
}
