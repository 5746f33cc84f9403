/**
 * Logging in to the registries of a registries file: what the login action and
 * `regkit login` both do. Everything that can fail — the file, `${VAR}`s, the
 * AES key, credential sources, the registries' answers — is done before the
 * Docker config is touched, and the config is then replaced in one rename, so
 * a failed login leaves it as it was.
 */
import { findKey, keyOrigin, noKeyMessage, type LoadKeyOptions } from '../crypto/index.js';
import { remembering, UserError, type Position } from '../errors.js';
import {
  loadRegistriesFile,
  registryEnv,
  resolveCredentialSpec,
  selectRegistries,
  type RegistriesFile,
  type Registry,
} from '../registries-file/index.js';
import { commitWrite, planWrite, takeSnapshot, type Snapshot } from '../docker/snapshot.js';
import { resolveCredentials } from './resolve.js';
import type { CredentialRequest } from './types.js';
import { chooseAccounts } from './plan.js';
import { verifyLogins } from './verify.js';

export interface LoginOptions {
  /** Path of the registries file. */
  config: string;
  /** Registries already in hand (from the login inputs, or the one an image names); the file is not read then. */
  registriesFile?: RegistriesFile;
  /** Registry names to log in to; empty: all. */
  registries: string[];
  registryContexts: string[];
  verify: boolean;
  env: NodeJS.ProcessEnv;
  /** Where the AES key may come from (action input, REGKIT_AES_KEY, key file). */
  key: LoadKeyOptions;
  dockerConfigDir: string;
  mask(secret: string): void;
  /** GitHub's OIDC token for an audience, for keyless logins (the action passes @actions/core's getIDToken). */
  idToken?(audience: string): Promise<string>;
  /** A progress line (a retry of the login check). */
  log?(line: string): void;
  /** A warning that does not stop the login. */
  warn?(message: string, at?: Position): void;
  /** Called with the snapshot before the config is written, and again once it is: the action keeps it for its post step. */
  onSnapshot?(snapshot: Snapshot): void;
}

export interface LoginRow {
  name: string;
  domain: string;
  username: string;
  source: string;
  verified: boolean;
}

export interface LoginResult {
  logins: LoginRow[];
  /** Selected registries not written, and why. */
  notLoggedIn: { name: string; domain: string; reason: string }[];
  configDir: string;
}

/** The AES key, read at most once, and only asked for when an encrypted file is met. */
function keySource(opts: LoadKeyOptions): { key: Buffer | undefined; forFile(file: string): Promise<Buffer> } {
  return {
    key: undefined,
    async forFile(file) {
      this.key ??= await findKey(opts);
      if (!this.key) throw new UserError(noKeyMessage(opts, file));
      return this.key;
    },
  };
}

export async function logIn(opts: LoginOptions): Promise<LoginResult> {
  const registriesFile = opts.registriesFile ?? (await loadRegistriesFile(opts.config));
  const selected = selectRegistries(registriesFile, opts.registries, 'input registries');
  const plan = chooseAccounts(registriesFile, selected, opts.registryContexts);

  const keys = keySource(opts.key);
  const notLoggedIn: LoginResult['notLoggedIn'] = [];
  const requests: CredentialRequest[] = [];
  for (const { domain, registry, passedOver } of plan) {
    for (const r of passedOver) notLoggedIn.push({ name: r.name, domain, reason: `${registry.name} serves ${domain}` });
    const resolveOpts = {
      env: opts.env,
      key: await maybeKey(registriesFile.envFiles, registry, keys, opts.key),
      keyFrom: opts.key,
    };
    const spec = await resolveCredentialSpec(registriesFile, registry, resolveOpts);
    if (!spec) {
      notLoggedIn.push({ name: registry.name, domain, reason: 'no credentials (anonymous)' });
      continue;
    }
    // ECR and the keyless forms read their endpoints (and GitHub's OIDC variables) from the environment.
    const keyless =
      ('google' in spec && 'workload_identity_provider' in spec.google) ||
      ('azure' in spec && 'tenant_id' in spec.azure) ||
      'dockerhub' in spec;
    requests.push({
      registry,
      spec,
      env: 'aws' in spec || keyless ? await registryEnv(registriesFile, registry, resolveOpts) : {},
    });
  }

  // Every secret masked is also remembered, so that error lines and registry text are cleaned of it.
  const mask = remembering(opts.mask);
  const credentials = await resolveCredentials(requests, {
    key: (file) => keys.forFile(file),
    keyOrigin: () => keyOrigin(opts.key),
    mask,
    idToken: opts.idToken,
    warn: opts.warn,
  });
  const checks = requests.map(({ registry }) => ({ registry, credential: credentials.get(registry.name)! }));
  if (opts.verify) await verifyLogins(checks, mask, opts.log);

  const snapshot = takeSnapshot(opts.dockerConfigDir);
  const write = planWrite(
    snapshot,
    checks.map(({ registry, credential }) => ({ domain: registry.domain, ...credential })),
  );
  opts.onSnapshot?.(snapshot);
  commitWrite(snapshot, write);
  opts.onSnapshot?.(snapshot);

  return {
    logins: checks.map(({ registry, credential }) => ({
      name: registry.name,
      domain: registry.domain,
      username: credential.username,
      source: credential.source,
      verified: opts.verify,
    })),
    notLoggedIn,
    configDir: opts.dockerConfigDir,
  };
}

/**
 * The key for resolving a registry's `${VAR}`s, when an env file it reads may be
 * encrypted; undefined otherwise, so that a registry with plain credentials
 * never needs the key.
 */
async function maybeKey(
  envFiles: string[],
  registry: Registry,
  keys: ReturnType<typeof keySource>,
  opts: LoadKeyOptions,
): Promise<Buffer | undefined> {
  if (envFiles.length === 0 && registry.envFile === undefined) return undefined;
  return (keys.key ??= await findKey(opts));
}
