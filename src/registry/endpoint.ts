/**
 * Where a registry's API lives: the domain a user writes (docker.io, ghcr.io,
 * localhost:5000, https://index.docker.io/v1/) turned into the base URL of its
 * /v2/ API, and whether plain http is allowed there.
 */
import { apiHost, isLoopback } from '../naming/index.js';

export interface RegistryAddress {
  /** As written by the user; a scheme and a path (https://index.docker.io/v1/) are tolerated. */
  domain: string;
  /**
   * true: plain http, and Basic credentials may travel over it.
   * false: https even on loopback. undefined: https, except loopback which is http
   * (a local registry), which needs no opt-in: nothing leaves the machine.
   */
  insecure?: boolean;
}

/** Whether a registry is spoken to over plain http. */
export function usesPlainHttp(registry: RegistryAddress): boolean {
  if (registry.insecure !== undefined) return registry.insecure;
  return isLoopback(apiHost(registry.domain));
}

/** Base URL of the registry's API, e.g. https://ghcr.io (paths are /v2/...). */
export function baseUrl(registry: RegistryAddress): URL {
  const scheme = usesPlainHttp(registry) ? 'http' : 'https';
  return new URL(`${scheme}://${apiHost(registry.domain)}`);
}
