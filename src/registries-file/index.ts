/**
 * The registries file (.github/registries.yml): loading with positions, every rule
 * about its contents, `${VAR}` resolution, and the name and domain resolution every action uses.
 * Everything outside src/registries-file imports from here.
 */
import { isLoopback } from '../naming/index.js';

import type { RegistriesFile } from './types.js';

export type {
  Provider,
  Position,
  Registry,
  RegistriesFile,
  CredentialSpec,
  AwsCredentials,
  GoogleCredentials,
  GoogleKeyless,
  AzureCredentials,
  DockerHubKeyless,
} from './types.js';
export { providers, formatPosition } from './types.js';
export { loadRegistriesFile, parseRegistriesFile } from './load.js';
export { registriesFor } from './image-registry.js';
export { resolveCredentialSpec, registryEnv, type ResolveOptions } from './variables.js';
export { domainProblem, ecrParts } from './domains.js';
export { parseYaml, positionOf, positionsUnder, type YamlSource } from './yaml-source.js';
export {
  registryByName,
  selectRegistries,
  pullRegistryFor,
  pushTarget,
  fallbackChain,
  misreadAsDockerHub,
} from './resolve.js';
export { defaultImageName, pushedName } from './pushed-name.js';

export const defaultConfigPath = '.github/registries.yml';

/**
 * The registry client's `insecure` for a domain: true where the file marks a registry
 * of that domain insecure; otherwise unset, so that loopback speaks plain http and
 * everything else https.
 */
export function insecureFor(file: RegistriesFile, domain: string): boolean | undefined {
  return file.registries.some((r) => r.domain === domain && r.insecure) || undefined;
}

/** Plain http may carry this registry's credentials: loopback always, others only when marked insecure. */
export function allowsPlainHttp(registry: { domain: string; insecure: boolean }): boolean {
  return registry.insecure || isLoopback(registry.domain);
}
