/**
 * Where a registry's API lives: the domain a user writes (docker.io, ghcr.io,
 * localhost:5000, https://index.docker.io/v1/) turned into the base URL of its
 * /v2/ API, and whether plain http is allowed there.
 */

/** Every name Docker accepts for Docker Hub; all of them mean one registry. */
export const DOCKER_HUB_ALIASES = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
/** The host that actually serves Docker Hub's /v2/ API. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

export interface RegistryAddress {
  /** As written by the user; a scheme and a path (https://index.docker.io/v1/) are tolerated. */
  domain: string;
  /**
   * true: plain http, and Basic credentials may travel over it.
   * false: https even on loopback. undefined: https, except loopback which is http
   * (a local registry), as DESIGN.md §3 allows without asking.
   */
  insecure?: boolean;
}

/** The bare host[:port] of a domain as users write it, lower-cased. */
export function bareHost(domain: string): string {
  let host = domain.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  host = host.split('/')[0];
  return host.toLowerCase();
}

export function isDockerHub(domain: string): boolean {
  return DOCKER_HUB_ALIASES.includes(bareHost(domain));
}

/** The host serving the /v2/ API for a domain (Docker Hub's aliases all map to one). */
export function apiHost(domain: string): string {
  const host = bareHost(domain);
  return DOCKER_HUB_ALIASES.includes(host) ? DOCKER_HUB_API_HOST : host;
}

/** True for localhost, 127.0.0.0/8 and ::1 (with or without a port, IPv6 with or without brackets). */
export function isLoopback(hostname: string): boolean {
  let h = hostname.toLowerCase();
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']'));
  else if ((h.match(/:/g) ?? []).length === 1) h = h.split(':')[0];
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
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
