/**
 * A repository with one registry needs no registries file: when the file is absent and
 * the step's image is a full reference (ghcr.io/acme/api), that reference's registry is
 * the only registry, the default one, with no credentials of its own — the Docker config
 * (what a login step wrote) carries them, as with docker/build-push-action.
 */
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { isDomainComponent, normalizeDomain } from '../naming/index.js';
import { loadRegistriesFile } from './load.js';
import type { Position, RegistriesFile } from './types.js';

/** The registries file at `config`, or the one registry `image` names when there is no file. `input` names where the image came from. */
export async function registriesFor(config: string, image: string, input: string): Promise<RegistriesFile> {
  if (existsSync(config)) return loadRegistriesFile(config);
  const first = image.trim().split('/')[0] ?? '';
  if (image.includes('/') && isDomainComponent(first)) {
    const domain = normalizeDomain(first);
    const at: Position = { file: `input ${input}`, line: 1, column: 1 };
    return {
      file: `input ${input}`,
      default: domain,
      registries: [
        { name: domain, provider: 'other', domain, primary: false, insecure: false, at, positions: { domain: at } },
      ],
      envFiles: [],
      positions: {},
    };
  }
  try {
    return await loadRegistriesFile(config);
  } catch (err) {
    if (err instanceof UserError)
      throw new UserError(
        `${err.message}, or give ${input} as a full reference such as ghcr.io/acme/api (its registry is then the only one)`,
      );
    throw err;
  }
}
