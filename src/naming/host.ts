/**
 * Registry hosts: the one place that says which names mean Docker Hub, what a
 * domain looks like in normal form, which hosts are loopback (where plain http
 * never leaves the machine), and how Docker keys and encodes a login.
 */

/** Every name Docker accepts for Docker Hub; all of them mean one registry, written docker.io. */
export const DOCKER_HUB_ALIASES: readonly string[] = [
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
];
/** The host that actually serves Docker Hub's /v2/ API. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key Docker stores Docker Hub credentials under in config.json, whatever alias the user wrote. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

/** host[:port] as written, without a scheme or path, lower-cased; the port is kept. */
export function bareHost(domain: string): string {
  return domain
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')[0]
    .toLowerCase();
}

/**
 * The normal form of a registry domain: host[:port], lower case, no scheme, path,
 * or :443 (https's own port), IPv6 in brackets; every Docker Hub alias becomes docker.io. Accepts the
 * keys of a .dockercfg / config.json `auths` map.
 */
export function normalizeDomain(domain: string): string {
  let host = bareHost(domain);
  // A bare IPv6 address (two colons or more, no brackets) has no port: bracket it, as URLs do.
  if (!host.startsWith('[') && (host.match(/:/g) ?? []).length > 1) host = `[${host}]`;
  host = host.replace(/:443$/, '');
  return DOCKER_HUB_ALIASES.includes(host) ? 'docker.io' : host;
}

export function isDockerHub(domain: string): boolean {
  return normalizeDomain(domain) === 'docker.io';
}

/** The host serving the /v2/ API for a domain (Docker Hub's aliases all map to one). */
export function apiHost(domain: string): string {
  const host = normalizeDomain(domain);
  return host === 'docker.io' ? DOCKER_HUB_API_HOST : host;
}

/** The host without its port: `[::1]:5000` → `::1`, `localhost:5000` → `localhost`. */
export function hostname(domain: string): string {
  const h = bareHost(domain);
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  // Two or more colons and no brackets: a bare IPv6 address, which has no port.
  return (h.match(/:/g) ?? []).length === 1 ? h.split(':')[0] : h;
}

/**
 * localhost, 127.0.0.0/8 and ::1, with or without a port. Names under .localhost
 * are not counted: whether they resolve to this machine is up to the resolver, and
 * credentials in plain http must not depend on that.
 */
export function isLoopback(domain: string): boolean {
  const h = hostname(domain);
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The auths key Docker looks a registry up by: the Hub's index URL, else host[:port]. */
export function configKey(domain: string): string {
  return isDockerHub(domain) ? DOCKER_HUB_KEY : normalizeDomain(domain);
}

/** `base64(username:password)`: config.json's `auth`, and the credentials of HTTP Basic. */
export function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
