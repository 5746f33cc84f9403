// `${VAR}` resolution for a registry: its env_file, then the file's env_files, then the process environment.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv, readSecretFile, type LoadKeyOptions } from '../crypto/index.js';
import { errorAt, oneLine, UserError } from '../errors.js';
import { workspacePath } from '../workspace.js';
import { interpolate } from './interpolate.js';
import { formatPosition, type CredentialSpec, type RegistriesFile, type Position, type Registry } from './types.js';

export interface ResolveOptions {
  /** Process environment: the last place `${VAR}` is looked up. */
  env: NodeJS.ProcessEnv;
  /** AES key for encrypted env files; without it an encrypted file is a "No AES key" error. */
  key?: Buffer;
  /** Where the key was looked for (the action's input, the environment, a key file), for that error. */
  keyFrom?: LoadKeyOptions;
  /** Folder that relative paths start from (default: the working directory, i.e. the repository root). */
  cwd?: string;
}

interface Source {
  /** Named in messages: a file path or "the environment". */
  where: string;
  values: Map<string, string> | NodeJS.ProcessEnv;
}

// One read per env file and key for the life of the loaded file, however many registries use it.
const cache = new WeakMap<RegistriesFile, Map<string, Promise<Map<string, string>>>>();

function readEnvFile(
  registriesFile: RegistriesFile,
  path: string,
  at: Position,
  subject: string,
  key: string,
  opts: ResolveOptions,
): Promise<Map<string, string>> {
  let files = cache.get(registriesFile);
  if (!files) cache.set(registriesFile, (files = new Map()));
  const id = `${opts.cwd ?? ''}\0${path}\0${opts.key?.toString('hex') ?? ''}`;
  let pending = files.get(id);
  if (!pending) {
    pending = (async () => {
      workspacePath(path, `${formatPosition(at)}: ${subject}${key}`, opts.cwd, at);
      const full = opts.cwd ? resolve(opts.cwd, path) : path;
      if (!existsSync(full)) {
        throw errorAt(
          at,
          `${subject}env file "${path}" does not exist — create it or fix the path (relative to the repository root)`,
        );
      }
      try {
        const data = await readSecretFile(full, opts.key, 'env', opts.keyFrom);
        return parseEnv(data.toString('utf8'), path);
      } catch (err) {
        // Named as the user wrote it, not as resolved against cwd.
        // The annotation goes on the env file's own line where the error knows it.
        if (err instanceof UserError)
          throw new UserError(`${formatPosition(at)}: ${subject}${oneLine(err).split(full).join(path)}`, {
            at: err.at ?? at,
          });
        throw err;
      }
    })();
    files.set(id, pending);
  }
  return pending;
}

async function sourcesFor(registriesFile: RegistriesFile, registry: Registry, opts: ResolveOptions): Promise<Source[]> {
  const subject = `registry "${registry.name}": `;
  const files: Promise<Source>[] = [];
  if (registry.envFile !== undefined) {
    const at = registry.positions['env_file'] ?? registry.at;
    const path = registry.envFile;
    files.push(
      readEnvFile(registriesFile, path, at, subject, 'env_file', opts).then((values) => ({ where: path, values })),
    );
  }
  registriesFile.envFiles.forEach((path, i) => {
    const at = registriesFile.positions[`env_files.${i}`] ?? { file: registriesFile.file, line: 1, column: 1 };
    files.push(
      readEnvFile(registriesFile, path, at, '', `env_files[${i}]`, opts).then((values) => ({ where: path, values })),
    );
  });
  return [...(await Promise.all(files)), { where: 'the environment', values: opts.env }];
}

/** The environment a provider generator sees for this registry: env, overlaid by env_files, overlaid by the registry env_file. */
export async function registryEnv(
  registriesFile: RegistriesFile,
  registry: Registry,
  opts: ResolveOptions,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const source of (await sourcesFor(registriesFile, registry, opts)).reverse()) {
    for (const [k, v] of source.values instanceof Map ? source.values : Object.entries(source.values))
      if (v !== undefined) out[k] = v;
  }
  return out;
}

// Providers whose credentials may be left out because the runner or the SDK environment supplies them.
function impliedCredentials(registry: Registry): CredentialSpec | undefined {
  if (registry.provider === 'ghcr') return { username: '${GITHUB_ACTOR}', password: '${GITHUB_TOKEN}' };
  if (registry.provider === 'ecr') return { aws: {} };
  return undefined;
}

/**
 * The registry's credentials with every `${VAR}` replaced. Undefined when the registry has none and
 * its provider implies none (anonymous). Only this registry's variables are looked up.
 */
export async function resolveCredentialSpec(
  registriesFile: RegistriesFile,
  registry: Registry,
  opts: ResolveOptions,
): Promise<CredentialSpec | undefined> {
  const spec = registry.credentials ?? impliedCredentials(registry);
  if (!spec) return undefined;
  // Env files are read only when needed: static credentials work without the AES key.
  if (!JSON.stringify(spec).includes('$')) return structuredClone(spec);
  const sources = await sourcesFor(registriesFile, registry, opts);
  const implied = registry.credentials === undefined;
  const lookup = (name: string) => {
    for (const s of sources) {
      const v = s.values instanceof Map ? s.values.get(name) : s.values[name];
      if (v !== undefined) return { v, where: s.where };
    }
    return undefined;
  };
  const resolveString = (value: string, dotted: string): string => {
    const at = registry.positions[`credentials.${dotted}`] ?? registry.at;
    const prefix = `registry "${registry.name}": `;
    const why = implied ? ` (provider ${registry.provider} without credentials uses it)` : '';
    return interpolate(
      value,
      (name) => {
        const found = lookup(name);
        if (found && found.v === '')
          throw errorAt(at, `${prefix}\${${name}} is empty in ${found.where}${why} — give ${name} a value`);
        return found?.v;
      },
      (name) => {
        const places = sources.map((s) => s.where).join(', ');
        throw errorAt(at, `${prefix}\${${name}} is not set${why} — set ${name} in one of: ${places}`);
      },
    );
  };
  const walk = (v: unknown, dotted: string): unknown => {
    if (typeof v === 'string') return resolveString(v, dotted);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner, dotted ? `${dotted}.${k}` : k)]));
    }
    return v;
  };
  return walk(spec, '') as CredentialSpec;
}
