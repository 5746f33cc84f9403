/**
 * The registries file (.github/registries.yml): loading with positions, every rule of
 * DESIGN §3, `${VAR}` resolution, and the name and domain resolution every action uses.
 * Everything outside src/integrations imports from here.
 */
import { isLoopback } from './domains.js';

export type { Provider, Position, Registry, Integrations, CredentialSpec, AwsCredentials, GoogleCredentials } from './types.js';
export { providers, formatPosition } from './types.js';
export { loadIntegrations, parseIntegrations } from './load.js';
export { resolveCredentialSpec, registryEnv, type ResolveOptions } from './variables.js';
export { normalizeDomain, isDockerHub, isLoopback, ecrParts } from './domains.js';
export { registryByName, selectRegistries, pullRegistryFor, pushTarget, fallbackChain } from './resolve.js';
export { pushedName } from './pushed-name.js';
export { suggest } from './suggest.js';

export const defaultConfigPath = '.github/registries.yml';

/** Plain http may carry this registry's credentials: loopback always, others only when marked insecure. */
export function allowsPlainHttp(registry: { domain: string; insecure: boolean }): boolean {
  return registry.insecure || isLoopback(registry.domain);
}
