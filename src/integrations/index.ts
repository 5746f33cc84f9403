/**
 * The registries file (.github/registries.yml): loading with positions, every rule of
 * DESIGN §3, `${VAR}` resolution, and the name and domain resolution every action uses.
 * Everything outside src/integrations imports from here.
 *
 * NOTE: signatures committed first; bodies land in the modules beside this file.
 */
import { UserError } from '../errors.js';
import type { CredentialSpec, Integrations, Registry } from './types.js';

export type { Provider, Position, Registry, Integrations, CredentialSpec, AwsCredentials, GoogleCredentials } from './types.js';
export { providers, formatPosition } from './types.js';

export const defaultConfigPath = '.github/registries.yml';

export interface ResolveOptions {
  /** Process environment: the last place `${VAR}` is looked up. */
  env: NodeJS.ProcessEnv;
  /** AES key for encrypted env files; without it an encrypted file is a "No AES key" error. */
  key?: Buffer;
}

/** Reads and checks the file: structure and every rule. `${VAR}` are left as written. UserError `FILE:LINE:COL: ...`. */
export async function loadIntegrations(path: string): Promise<Integrations> {
  void path;
  throw new UserError('loadIntegrations: not implemented yet');
}

/**
 * The registry's credentials with every `${VAR}` replaced (registry env_file, then env_files, then env).
 * Undefined when the registry has none and its provider implies none (anonymous).
 * ghcr without credentials: ${GITHUB_ACTOR} / ${GITHUB_TOKEN}; ecr without: { aws: {} }.
 */
export async function resolveCredentialSpec(integ: Integrations, registry: Registry, opts: ResolveOptions): Promise<CredentialSpec | undefined> {
  void integ; void registry; void opts;
  throw new UserError('resolveCredentialSpec: not implemented yet');
}

/** The environment a provider generator sees for this registry: env, overlaid by env_files, overlaid by the registry env_file. */
export async function registryEnv(integ: Integrations, registry: Registry, opts: ResolveOptions): Promise<Record<string, string>> {
  void integ; void registry; void opts;
  throw new UserError('registryEnv: not implemented yet');
}

/** host[:port], lower case, without scheme, path or trailing slash; every Docker Hub alias becomes docker.io. */
export function normalizeDomain(s: string): string {
  void s;
  throw new Error('not implemented yet');
}

export function isDockerHub(domain: string): boolean {
  void domain;
  throw new Error('not implemented yet');
}

/** The registry called `name`; else a UserError naming `where` (e.g. "input registry-contexts") with a did-you-mean. */
export function registryByName(integ: Integrations, name: string, where?: string): Registry {
  void integ; void name; void where;
  throw new UserError('not implemented yet');
}

/** The named registries in the order given, without repeats; every registry when names is empty. */
export function selectRegistries(integ: Integrations, names: string[], where?: string): Registry[] {
  void integ; void names; void where;
  throw new UserError('not implemented yet');
}

/**
 * Which registry's credentials serve a pull from `domain`: the registry-contexts entry for the
 * domain, else the primary for it, else the only registry for it; undefined when none.
 * Two contexts on one domain is a UserError.
 */
export function pullRegistryFor(integ: Integrations, domain: string, registryContexts: string[]): Registry | undefined {
  void integ; void domain; void registryContexts;
  throw new UserError('not implemented yet');
}

/** Where a push goes: the step's `registry`, else the file's `default`, else a UserError saying what to set. */
export function pushTarget(integ: Integrations, name?: string): Registry {
  void integ; void name;
  throw new UserError('not implemented yet');
}

/**
 * `<domain>/<prefix>/<image>[:<tag>]` for a push to `registry`, without doubling a prefix the
 * image already starts with; Docker Hub single-component names without prefix get `library/`.
 */
export function pushedName(registry: Registry, imageName: string, tag?: string): string {
  void registry; void imageName; void tag;
  throw new UserError('not implemented yet');
}

/** The registries to pull from, in order: `name` itself, then its fallback, then that one's fallback... */
export function fallbackChain(integ: Integrations, name: string): Registry[] {
  void integ; void name;
  throw new UserError('not implemented yet');
}
