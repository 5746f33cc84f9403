// Which registry a step means: by name, for a pull from a domain, as a push target, as a fallback.
import { UserError } from '../errors.js';
import { didYouMean, isDomainComponent, normalizeDomain, suggest } from '../naming/index.js';
import type { RegistriesFile, Registry } from './types.js';

/** The registry called `name`; else a UserError naming `where` (e.g. "input registry-contexts") with a did-you-mean. */
export function registryByName(registriesFile: RegistriesFile, name: string, where?: string): Registry {
  const found = registriesFile.registries.find((r) => r.name === name);
  if (found) return found;
  const names = registriesFile.registries.map((r) => r.name);
  const hint = didYouMean(name, names);
  throw new UserError(
    `${where ? `${where}: ` : ''}no registry named "${name}" in ${registriesFile.file} — ${hint ? `${hint} ` : ''}(registries: ${names.join(', ')})`,
  );
}

/** The named registries in the order given, without repeats; every registry when names is empty. */
export function selectRegistries(registriesFile: RegistriesFile, names: string[], where?: string): Registry[] {
  if (names.length === 0) return [...registriesFile.registries];
  const out: Registry[] = [];
  for (const name of names) {
    const r = registryByName(registriesFile, name, where);
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * Which registry's credentials serve a pull from `domain`: the registry-contexts entry for the
 * domain, else the primary for it, else the only registry for it; undefined when none.
 * Every context must name a registry; two contexts on one domain is a UserError.
 */
export function pullRegistryFor(
  registriesFile: RegistriesFile,
  domain: string,
  registryContexts: string[],
): Registry | undefined {
  const d = normalizeDomain(domain);
  const contexts = registryContexts.length
    ? selectRegistries(registriesFile, registryContexts, 'registry-contexts')
    : [];
  // The input is wrong whichever domain is asked about, so it is refused for every one.
  for (const r of contexts) {
    const same = contexts.filter((c) => c.domain === r.domain);
    if (same.length > 1) {
      throw new UserError(
        `registry-contexts: ${same.map((c) => `"${c.name}"`).join(' and ')} are both for ${r.domain} — keep one registry context per domain`,
      );
    }
  }
  const context = contexts.find((r) => r.domain === d);
  if (context) return context;
  const onDomain = registriesFile.registries.filter((r) => r.domain === d);
  return onDomain.find((r) => r.primary) ?? (onDomain.length === 1 ? onDomain[0] : undefined);
}

/** Where a push goes: the step's `registry`, else the file's `default`, else a UserError saying what to set. */
export function pushTarget(registriesFile: RegistriesFile, name?: string): Registry {
  if (name) return registryByName(registriesFile, name, 'registry');
  if (registriesFile.default !== undefined)
    return registryByName(registriesFile, registriesFile.default, `${registriesFile.file}: default`);
  throw new UserError(
    `no registry to push to — set the step's registry input or add default: <name> to ${registriesFile.file}`,
  );
}

/** The registries to pull from, in order: `name` itself, then its fallback, then that one's fallback... */
export function fallbackChain(registriesFile: RegistriesFile, name: string): Registry[] {
  const chain: Registry[] = [];
  let next: string | undefined = name;
  // The loader refuses loops; the guard keeps a hand-built RegistriesFile from spinning.
  while (next !== undefined && !chain.some((r) => r.name === next)) {
    const r = registryByName(
      registriesFile,
      next,
      chain.length ? `fallback of "${chain[chain.length - 1].name}"` : undefined,
    );
    chain.push(r);
    next = r.fallback;
  }
  return chain;
}

/**
 * When `text` (an image an input names) was read as a Docker Hub image only because its
 * first part is not a domain, and that part is close to a registry name of the file:
 * a sentence saying how it was read and what was probably meant. Undefined otherwise.
 */
export function misreadAsDockerHub(registriesFile: RegistriesFile, text: string, input: string): string | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash <= 0) return undefined;
  const first = trimmed.slice(0, slash);
  if (isDomainComponent(first)) return undefined;
  const names = registriesFile.registries.map((r) => r.name);
  if (names.includes(first)) return undefined;
  const meant = suggest(first, names);
  if (meant === undefined) return undefined;
  return `${input}: "${trimmed}" was read as the Docker Hub image docker.io/${trimmed}, as "${first}" is not a registry of ${registriesFile.file} — did you mean the registry "${meant}" (${meant}${trimmed.slice(slash)})?`;
}
