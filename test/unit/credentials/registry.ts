// A Registry as src/registries-file hands it out, for tests of what consumes one.
import type { Registry } from '../../../src/registries-file/index.js';

export function makeRegistry(r: Partial<Registry> & Pick<Registry, 'name' | 'provider' | 'domain'>): Registry {
  return {
    primary: false,
    insecure: false,
    at: { file: '.github/registries.yml', line: 1, column: 1 },
    positions: {},
    ...r,
  };
}
