/**
 * Codefresh's registry integrations → the registries file. A pipeline names integrations
 * (`registry:`, `registry_context(s)`) but not what they are: the provider is guessed from
 * the name or domain where that is clear, and every entry the pipeline cannot describe
 * carries a "fill in" comment. Account-level settings (the default registry, caching,
 * fallback, prefix, primary) are not in the pipeline and become MIGRATION.md to-dos.
 */
import { Document, type Node } from 'yaml';
import { normalizeDomain, splitImageName } from '../../naming/index.js';
import { implied, providerFor, type RegistriesDocument, type RegistryEntry } from '../registries.js';
import type { Report } from '../report.js';
import type { Pos } from '../yaml-tree.js';

/** Stands for the Codefresh account's default registry, which the pipeline never names. */
export const DEFAULT_REGISTRY = 'codefresh-default';
/** A domain that resolves nowhere (RFC 2606), for entries the user must fill in. */
const UNKNOWN_DOMAIN = 'registry.invalid';
const unknownDomain = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.${UNKNOWN_DOMAIN}`;

interface Guess {
  provider: string;
  domain?: string;
  /** Why the entry must be filled in; undefined when the guess is clear. */
  fill?: string;
}

function guess(name: string): Guess {
  const n = name.toLowerCase();
  if (n.includes('.')) {
    const domain = normalizeDomain(n);
    const provider = providerFor(domain);
    return { provider, domain: ['dockerhub', 'ghcr', 'quay'].includes(provider) ? undefined : domain };
  }
  if (/docker-?hub|^hub$|^docker$/.test(n)) return { provider: 'dockerhub' };
  if (/quay/.test(n)) return { provider: 'quay' };
  if (/ghcr|github/.test(n)) return { provider: 'ghcr' };
  if (/^cfcr$|codefresh/.test(n)) {
    return {
      provider: 'other',
      domain: unknownDomain(name),
      fill: "Codefresh's own registry (r.cfcr.io) is closed: pick the registry these images go to now",
    };
  }
  if (/gcr|google/.test(n))
    return {
      provider: 'gcr',
      domain: 'gcr.io',
      fill: 'check the host (gcr.io, us.gcr.io, eu.gcr.io, asia.gcr.io) and add credentials: google',
    };
  if (/ecr|aws|amazon/.test(n))
    return {
      provider: 'ecr',
      domain: '000000000000.dkr.ecr.us-east-1.amazonaws.com',
      fill: 'write your ECR host (<account>.dkr.ecr.<region>.amazonaws.com)',
    };
  if (/acr|azure/.test(n))
    return {
      provider: 'acr',
      domain: 'example.azurecr.io',
      fill: 'write your ACR host (<name>.azurecr.io) and add credentials: azure',
    };
  if (/gar|artifact/.test(n))
    return {
      provider: 'gar',
      domain: 'us-docker.pkg.dev',
      fill: 'write your Artifact Registry host (<region>-docker.pkg.dev)',
    };
  return {
    provider: 'other',
    domain: unknownDomain(name),
    fill: 'the pipeline does not say what this integration is: write its provider and domain',
  };
}

export class Integrations {
  readonly file: RegistriesDocument & { default?: string } = { version: 1, registries: [] };
  private comments = new Map<RegistryEntry, string>();
  /** Variables that credentials refer to: the workflow must pass them to regkit's actions. */
  readonly credentialVars = new Set<string>();
  private byIntegration = new Map<string, RegistryEntry>();

  constructor(private report: Report) {}

  /** The registry for an integration name as the pipeline writes it (maybe with variables). */
  named(raw: string, pos: Pos, what: string): string {
    let name = raw.trim();
    const slash = name.indexOf('/');
    if (slash > 0 && !name.slice(0, slash).includes('.')) {
      this.report.changed(
        pos,
        `${what}: \`registry: ${raw}\` — the part after "/" is not an integration name; registry \`${name.slice(0, slash)}\` is used`,
      );
      name = name.slice(0, slash);
    }
    const variable = /^\$\{\{\s*(\w+)\s*\}\}$/.exec(name);
    if (variable) name = variable[1].toLowerCase().replace(/_/g, '-');
    const known = this.byIntegration.get(name);
    if (known) return known.name;
    // A name from a variable says nothing about the registry.
    const g: Guess = variable
      ? {
          provider: 'other',
          domain: unknownDomain(name),
          fill: `the integration comes from pipeline variable ${variable[1]}: write the provider and domain of the integration it named`,
        }
      : guess(name);
    const entry: RegistryEntry = {
      name: name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'registry',
      provider: g.provider,
    };
    if (g.domain) entry.domain = g.domain;
    this.add(name, entry, g.fill, pos);
    if (!g.fill)
      this.report.changed(
        pos,
        `integration \`${name}\` → registry \`${entry.name}\` (provider ${g.provider}${g.domain ? `, ${g.domain}` : ''}, guessed from the name): add its credentials to .github/registries.yml`,
      );
    return entry.name;
  }

  /** The registry that stands for the account's default registry. */
  defaultRegistry(pos: Pos): string {
    if (!this.file.default) {
      const entry: RegistryEntry = {
        name: DEFAULT_REGISTRY,
        provider: 'other',
        domain: unknownDomain(DEFAULT_REGISTRY),
      };
      this.add(
        DEFAULT_REGISTRY,
        entry,
        "your Codefresh account's default registry (Account settings → Integrations → Docker registries, the one marked default): write its provider, domain, prefix and credentials",
        pos,
      );
      this.file.default = entry.name;
    }
    return this.file.default;
  }

  /** The registry whose account reads an image from a domain (Codefresh's primary per domain). */
  forImage(image: string, pos: Pos, what: string): string | undefined {
    // Variables in the tag or path do not change the domain; in the domain they hide it.
    const { domain } = splitImageName(image.replace(/\$\{\{[^}]*\}\}/g, 'x'));
    if (/\$\{\{/.test(image.split('/')[0]) && image.includes('/')) return undefined;
    const provider = providerFor(domain);
    const found = this.file.registries.find((r) => (r.domain ?? implied(r.provider)) === domain);
    if (found) return found.name;
    const name = provider === 'other' ? domain.replace(/[^a-z0-9.-]+/g, '-') : provider;
    const entry: RegistryEntry = { name, provider };
    if (!implied(provider)) entry.domain = domain;
    this.add(name, entry, undefined, pos);
    this.report.changed(
      pos,
      `${what}: ${image} is read through registry \`${name}\` (${domain}), which the pipeline implies: add credentials if the image is private`,
    );
    return name;
  }

  /** Inline `credentials: {username, password}` of a step: the registry's own, as variables. */
  credentials(registry: string, username: string | undefined, password: string | undefined, pos: Pos): void {
    const entry = this.file.registries.find((r) => r.name === registry);
    if (!entry || !username || !password) return;
    const asVar = (v: string) =>
      v.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, n: string) => (this.credentialVars.add(n), `\${${n}}`));
    entry.credentials = { username: asVar(username), password: asVar(password) };
    this.report.converted(
      pos,
      `credentials → registry \`${registry}\`'s credentials (username/password from the workflow env)`,
    );
  }

  private add(key: string, entry: RegistryEntry, fill: string | undefined, pos: Pos): void {
    this.file.registries.push(entry);
    this.byIntegration.set(key, entry);
    if (fill) {
      this.comments.set(entry, ` fill in: ${fill}`);
      this.report.skipped(
        pos,
        `registry \`${entry.name}\`${key === entry.name ? '' : ` (integration \`${key}\`)`}: ${fill}`,
      );
    }
  }

  /** The registries file's text, each entry to fill in with its comment. */
  render(header: string): string {
    const { version, default: def, registries } = this.file;
    const doc = new Document({ version, ...(def ? { default: def } : {}), registries });
    const seq = (doc.get('registries', true) as { items: Node[] }).items;
    registries.forEach((r, i) => {
      const c = this.comments.get(r);
      if (c) seq[i].commentBefore = c;
    });
    return header + doc.toString({ lineWidth: 0 });
  }
}
