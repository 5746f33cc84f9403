/**
 * The keys Codeship Pro reads in each place, and a did-you-mean for the ones it does not.
 * Codeship ignores keys it does not know, so a typo such as `iamge_tag` silently changes
 * what a build does; the report names every one.
 */
import { didYouMean } from '../naming/index.js';

export const SERVICE_KEYS = [
  'build',
  'image',
  'environment',
  'env_file',
  'encrypted_env_file',
  'encrypted_dockercfg_path',
  'dockercfg_service',
  'add_docker',
  'cached',
  'default_cache_branch',
  'volumes',
  'volumes_from',
  'depends_on',
  'links',
  'command',
  'entrypoint',
  'working_dir',
  'user',
  'privileged',
  'cap_add',
  'cap_drop',
  'hostname',
  'domainname',
  'dns',
  'dns_search',
  'extra_hosts',
  'labels',
  'ports',
  'container_name',
  'healthcheck',
  'ulimits',
  'mem_limit',
  'cpu_shares',
  'cpuset',
  'devices',
  'security_opt',
  'read_only',
  'restart',
  'network_mode',
  'stdin_open',
  'tty',
  'expose',
  'logging',
  'log_driver',
  'dockerfile',
] as const;

export const BUILD_KEYS = [
  'image',
  'context',
  'path',
  'dockerfile',
  'dockerfile_path',
  'args',
  'encrypted_args',
  'encrypted_args_file',
] as const;

export const STEP_KEYS = [
  'name',
  'type',
  'service',
  'services',
  'command',
  'tag',
  'exclude',
  'steps',
  'image_name',
  'image_tag',
  'registry',
  'encrypted_dockercfg_path',
  'dockercfg_service',
  'on_fail',
] as const;

export const STEP_TYPES = ['serial', 'parallel', 'push', 'pull', 'manual', 'matrix'] as const;

/** ` (did you mean "x"?)` after a report line's subject, or nothing. */
export function suggestion(word: string, known: readonly string[]): string {
  const s = didYouMean(word, known);
  return s ? ` (${s})` : '';
}
