/**
 * The keys Codeship Pro reads in each place, and a did-you-mean for the ones it does not.
 * Codeship ignores keys it does not know, so a typo such as `iamge_tag` silently changes
 * what a build does; the report names every one.
 */
export const SERVICE_KEYS = [
  'build', 'image', 'environment', 'env_file', 'encrypted_env_file', 'encrypted_dockercfg_path',
  'dockercfg_service', 'add_docker', 'cached', 'default_cache_branch', 'volumes', 'volumes_from',
  'depends_on', 'links', 'command', 'entrypoint', 'working_dir', 'user', 'privileged', 'cap_add',
  'cap_drop', 'hostname', 'domainname', 'dns', 'dns_search', 'extra_hosts', 'labels', 'ports',
  'container_name', 'healthcheck', 'ulimits', 'mem_limit', 'cpu_shares', 'cpuset', 'devices',
  'security_opt', 'read_only', 'restart', 'network_mode', 'stdin_open', 'tty', 'expose', 'logging',
  'log_driver', 'dockerfile',
] as const;

export const BUILD_KEYS = ['image', 'context', 'path', 'dockerfile', 'dockerfile_path', 'args', 'encrypted_args', 'encrypted_args_file'] as const;

export const STEP_KEYS = [
  'name', 'type', 'service', 'services', 'command', 'tag', 'exclude', 'steps', 'image_name', 'image_tag',
  'registry', 'encrypted_dockercfg_path', 'dockercfg_service', 'on_fail',
] as const;

export const STEP_TYPES = ['serial', 'parallel', 'push', 'pull', 'manual', 'matrix'] as const;

/** Damerau-Levenshtein distance (adjacent swaps count once: `iamge` → `image` is 1). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest known word, when it is close enough to be a likely typo. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(word.toLowerCase(), k);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  // `cache` → `cached` and `services` → `service` are one edit; prefixes also count.
  if (best !== undefined && (bestD <= limit || best.startsWith(word) || word.startsWith(best))) return best;
  return undefined;
}

export function suggestion(word: string, known: readonly string[]): string {
  const s = didYouMean(word, known);
  return s ? ` (did you mean \`${s}\`?)` : '';
}
