/**
 * Which account logs in to which domain. Docker keeps one login per domain, so
 * when several selected registries share a domain exactly one of them is
 * written: the registry-contexts entry for that domain, else the primary, else
 * the only one.
 */
import { UserError } from '../errors.js';
import { pullRegistryFor, selectRegistries, type RegistriesFile, type Registry } from '../registries-file/index.js';

export interface DomainLogin {
  domain: string;
  registry: Registry;
  /** Selected registries on the same domain that this one serves instead. */
  passedOver: Registry[];
}

export function chooseAccounts(
  registriesFile: RegistriesFile,
  selected: Registry[],
  registryContexts: string[],
): DomainLogin[] {
  const contexts = registryContexts.length
    ? selectRegistries(registriesFile, registryContexts, 'input registry-contexts')
    : [];
  // Every context domain is checked, so two contexts on one domain fail even where nothing else is selected.
  for (const d of new Set(contexts.map((r) => r.domain))) pullRegistryFor(registriesFile, d, registryContexts);

  const domains = [...new Set(selected.map((r) => r.domain))];
  return domains.map((domain) => {
    const onDomain = selected.filter((r) => r.domain === domain);
    const chosen =
      contexts.find((r) => r.domain === domain) ??
      (onDomain.length === 1 ? onDomain[0] : onDomain.find((r) => r.primary));
    if (!chosen) {
      const names = onDomain.map((r) => `"${r.name}"`).join(' and ');
      throw new UserError(
        `registries ${names} are all for ${domain} and none of them is primary — select one, or name the one to use in registry-contexts`,
      );
    }
    return { domain, registry: chosen, passedOver: onDomain.filter((r) => r !== chosen) };
  });
}
