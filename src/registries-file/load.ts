// Reading the registries file: YAML with positions, then shape (zod), then the rules between keys.
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { firstProblem, fromZodIssue } from './problems.js';
import { ruleProblems, registryDomain } from './rules.js';
import { fileSchema, type RawFile, type RawRegistry } from './schema.js';
import type { CredentialSpec, RegistriesFile, Provider, Registry } from './types.js';
import { parseYaml, positionOf, positionsUnder, type YamlSource } from './yaml-source.js';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError(`${path}: no such file — create the registries file or point the config option at it`);
    if (code === 'EISDIR') throw new UserError(`${path}: is a folder — point the config option at the registries file`);
    throw new UserError(`${path}: cannot read: ${(err as Error).message}`);
  }
}

/** Shape and rules checked; throws the first problem in the file as a one-line UserError. */
export function checkSource(src: YamlSource): RawFile {
  if (src.data === null || src.data === undefined) {
    throw new UserError(`${src.file}:1:1: the file is empty — add version: 1 and registries:`);
  }
  const parsed = fileSchema.safeParse(src.data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((i) => fromZodIssue(i, src.data));
    throw firstProblem(src, problems) ?? new UserError(`${src.file}: ${parsed.error.issues[0]?.message}`);
  }
  const broken = firstProblem(src, ruleProblems(parsed.data));
  if (broken) throw broken;
  return parsed.data;
}

function toRegistry(src: YamlSource, r: RawRegistry, i: number): Registry {
  const at = positionOf(src, ['registries', i]);
  const registry: Registry = {
    name: r.name,
    provider: r.provider as Provider,
    domain: registryDomain(r)!,
    primary: r.primary ?? false,
    insecure: r.insecure ?? false,
    at,
    positions: positionsUnder(src, ['registries', i]),
  };
  if (r.prefix !== undefined) registry.prefix = r.prefix;
  if (r.fallback !== undefined) registry.fallback = r.fallback;
  if (r.env_file !== undefined) registry.envFile = r.env_file;
  // The rules left exactly one form; drop the keys zod filled with undefined.
  if (r.credentials) registry.credentials = JSON.parse(JSON.stringify(r.credentials)) as CredentialSpec;
  return registry;
}

/** The registries file from YAML text (for tests and callers that already read it). */
export function parseRegistriesFile(text: string, file: string): RegistriesFile {
  const src = parseYaml(text, file);
  const raw = checkSource(src);
  const registriesFile: RegistriesFile = {
    file,
    registries: raw.registries.map((r, i) => toRegistry(src, r, i)),
    envFiles: raw.env_files ?? [],
    positions: positionsUnder(src, []),
  };
  (raw.env_files ?? []).forEach(
    (_, i) => (registriesFile.positions[`env_files.${i}`] = positionOf(src, ['env_files', i])),
  );
  if (raw.default !== undefined) registriesFile.default = raw.default;
  if (raw.caching !== undefined) registriesFile.caching = raw.caching;
  return registriesFile;
}

export async function loadRegistriesFile(path: string): Promise<RegistriesFile> {
  return parseRegistriesFile(await readText(path), path);
}
