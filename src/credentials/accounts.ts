/**
 * Which account serves which domain in each phase of a step, and the Docker
 * config of each phase, written by the login code (src/credentials/login.ts).
 *
 * Docker keeps one login per domain. A build reads (FROM images, fallbacks,
 * cache) with the registry-contexts' accounts, and pushes with the target's; when
 * both phases need the same domain under different accounts — Codefresh's
 * staging-to-production case — each phase gets its own config.
 */
import { logIn, type LoginRow } from './login.js';
import type { LoadKeyOptions } from '../crypto/index.js';
import type { RegistriesFile, Registry } from '../registries-file/index.js';
import { createPhaseConfig, type PhaseConfig } from '../docker/phase-config.js';

/** One registry per domain: a context for its domain wins, else the first one listed. */
export function accountsByDomain(registries: Registry[], contexts: Registry[] = []): Map<string, Registry> {
  const out = new Map<string, Registry>();
  for (const r of registries) {
    if (out.has(r.domain)) continue;
    out.set(r.domain, contexts.find((c) => c.domain === r.domain) ?? r);
  }
  return out;
}

/** Domains that the two phases need under different accounts. */
export function conflictingDomains(read: Map<string, Registry>, write: Map<string, Registry>): string[] {
  return [...write]
    .filter(([domain, r]) => read.has(domain) && read.get(domain)!.name !== r.name)
    .map(([domain]) => domain);
}

/** Both phases in one config (no conflicts): the write accounts added to the read ones. */
export function unionAccounts(read: Map<string, Registry>, write: Map<string, Registry>): Map<string, Registry> {
  return new Map([...read, ...write]);
}

export interface LoginContext {
  /** The registries file. */
  config: string;
  /** The registries in hand (without a file: the one the image names); the file is not read again. */
  registriesFile?: RegistriesFile;
  env: NodeJS.ProcessEnv;
  key: LoadKeyOptions;
  mask(secret: string): void;
}

export interface PhaseLogin extends PhaseConfig {
  phase: string;
  logins: LoginRow[];
  /** Registries without credentials (anonymous). */
  anonymous: string[];
}

/**
 * A config folder for the phase holding the user's config plus a login for each
 * account. Removes the folder again when the login fails.
 */
export async function loginPhase(
  phase: string,
  accounts: Map<string, Registry>,
  ctx: LoginContext,
): Promise<PhaseLogin> {
  const config = createPhaseConfig(phase, ctx.env);
  if (accounts.size === 0) return { ...config, phase, logins: [], anonymous: [] };
  try {
    const chosen = [...accounts.values()];
    const result = await logIn({
      config: ctx.config,
      registriesFile: ctx.registriesFile,
      registries: chosen.map((r) => r.name),
      // The choice is made already; naming it as the context keeps logIn from asking for a primary.
      registryContexts: chosen.map((r) => r.name),
      verify: false,
      env: ctx.env,
      key: ctx.key,
      dockerConfigDir: config.dir,
      mask: ctx.mask,
    });
    return { ...config, phase, logins: result.logins, anonymous: result.notLoggedIn.map((n) => n.name) };
  } catch (err) {
    config.remove();
    throw err;
  }
}
