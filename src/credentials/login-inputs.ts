/**
 * Logging in without a registries file, with the inputs docker/login-action users
 * already write: `registry`, `username`, `password`, `ecr`, or several registries at
 * once as the YAML list `registry-auth`. They become an in-memory registries file,
 * so the login that follows is the same one — verification, masking, the Docker
 * config written in one rename and put back in the post step. Positions in it name
 * the input (`input registry-auth:3:5`), never a file that does not exist.
 *
 * Values from inputs are taken literally: a `$` in a password is a `$`, not a `${VAR}`.
 */
import { UserError } from '../errors.js';
import { didYouMean, normalizeDomain } from '../naming/index.js';
import {
  domainProblem,
  ecrParts,
  formatPosition,
  parseYaml,
  positionOf,
  positionsUnder,
  type CredentialSpec,
  type Position,
  type RegistriesFile,
  type Registry,
  type YamlSource,
} from '../registries-file/index.js';
import { secretForms } from './mask.js';

export interface LoginInputs {
  registry: string;
  username: string;
  password: string;
  /** auto (default), true or false. */
  ecr: string;
  registryAuth: string;
}

interface Entry {
  registry: string;
  username: string;
  password: string;
  ecr: string;
  at: Position;
  positions: Record<string, Position>;
}

const ENTRY_KEYS = ['registry', 'username', 'password', 'ecr'];

/** Whether the step names its registries by inputs rather than by a registries file. */
export function usesLoginInputs(inputs: LoginInputs): boolean {
  return [inputs.registry, inputs.username, inputs.password, inputs.ecr, inputs.registryAuth].some(
    (v) => v.trim() !== '',
  );
}

// `$$` is how the registries file writes a literal `$`; input values never hold variables.
const literal = (s: string) => s.replace(/\$/g, '$$$$');

function scalar(src: YamlSource, value: unknown, path: (string | number)[], what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UserError(`${formatPosition(positionOf(src, path))}: ${what} must be a single value`);
}

function fromRegistryAuth(text: string, mask: (secret: string) => void): Entry[] {
  const src = parseYaml(text, 'input registry-auth');
  const list = src.data;
  if (!Array.isArray(list)) {
    throw new UserError(
      `${formatPosition(positionOf(src, []))}: registry-auth must be a YAML list, one "- registry: …, username: …, password: …" per registry`,
    );
  }
  // Masked first: nothing below prints a password, but nothing is trusted not to.
  for (const item of list) {
    const password = (item as Record<string, unknown> | null)?.password;
    if (typeof password === 'string' || typeof password === 'number')
      for (const form of secretForms(String(password))) mask(form);
  }
  const entries = list.map((item: unknown, i): Entry => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new UserError(
        `${formatPosition(positionOf(src, [i]))}: registry-auth entry ${i + 1} must be a mapping with registry, username and password`,
      );
    }
    const o = item as Record<string, unknown>;
    return {
      registry: scalar(src, o.registry, [i, 'registry'], 'registry'),
      username: scalar(src, o.username, [i, 'username'], 'username'),
      password: scalar(src, o.password, [i, 'password'], 'password'),
      ecr: scalar(src, o.ecr, [i, 'ecr'], 'ecr'),
      at: positionOf(src, [i]),
      positions: positionsUnder(src, [i]),
    };
  });
  list.forEach((item: Record<string, unknown>, i) => {
    for (const key of Object.keys(item)) {
      if (ENTRY_KEYS.includes(key)) continue;
      const hint = didYouMean(key, ENTRY_KEYS);
      throw new UserError(
        `${formatPosition(positionOf(src, [i, key], true))}: registry-auth entry ${i + 1} has an unknown key "${key}"${hint ? ` — ${hint}` : ''} (keys: ${ENTRY_KEYS.join(', ')})`,
      );
    }
  });
  if (entries.length === 0) throw new UserError('input registry-auth: the list is empty — give at least one registry');
  return entries;
}

function toRegistry(e: Entry, seen: Map<string, Position>): Registry {
  const at = (key: string) => e.positions[key] ?? e.at;
  const where = (key: string) => formatPosition(at(key));
  const raw = e.registry.trim() || 'docker.io';
  const problem = domainProblem('other', raw);
  if (problem) throw new UserError(`${where('registry')}: registry ${problem.replace(/^domain /, '')}`);
  const domain = normalizeDomain(raw);
  const before = seen.get(domain);
  if (before)
    throw new UserError(
      `${where('registry')}: ${domain} is given twice (also at ${formatPosition(before)}) — one login per registry`,
    );
  seen.set(domain, at('registry'));

  const ecrMode = e.ecr.trim().toLowerCase() || 'auto';
  if (!['auto', 'true', 'false'].includes(ecrMode))
    throw new UserError(`${where('ecr')}: ecr must be auto, true or false, not "${e.ecr}"`);
  const isEcr = ecrMode === 'true' || (ecrMode === 'auto' && ecrParts(domain) !== undefined);
  if (isEcr && !ecrParts(domain)) {
    throw new UserError(
      `${where('ecr')}: ecr: true, but ${domain} is not an Amazon ECR domain (<account>.dkr.ecr.<region>.amazonaws.com)`,
    );
  }

  let credentials: CredentialSpec;
  if (isEcr) {
    // As docker/login-action: username and password are the AWS access key, else the AWS environment.
    credentials = { aws: {} };
    if (e.username || e.password)
      credentials.aws = { access_key_id: literal(e.username), secret_access_key: literal(e.password) };
  } else {
    if (!e.username)
      throw new UserError(`${where('username')}: no username for ${domain} — give username and password`);
    if (!e.password)
      throw new UserError(
        `${where('password')}: no password for ${domain} — give password (a token), e.g. \${{ secrets.REGISTRY_TOKEN }}`,
      );
    credentials = { username: literal(e.username), password: literal(e.password) };
  }
  const positions: Record<string, Position> = {};
  if (e.positions.username)
    positions[isEcr ? 'credentials.aws.access_key_id' : 'credentials.username'] = e.positions.username;
  if (e.positions.password)
    positions[isEcr ? 'credentials.aws.secret_access_key' : 'credentials.password'] = e.positions.password;
  if (e.positions.registry) positions.domain = e.positions.registry;
  return {
    name: domain,
    provider: isEcr ? 'ecr' : 'other',
    domain,
    primary: false,
    insecure: false,
    credentials,
    at: e.at,
    positions,
  };
}

/**
 * The registries the login inputs name, as a registries file held in memory; undefined
 * when the step uses none of them (the registries file is read instead).
 */
export function registriesFromInputs(inputs: LoginInputs, mask: (secret: string) => void): RegistriesFile | undefined {
  if (!usesLoginInputs(inputs)) return undefined;
  let entries: Entry[];
  if (inputs.registryAuth.trim()) {
    const others = (['registry', 'username', 'password', 'ecr'] as const).filter((k) => inputs[k].trim() !== '');
    entries = fromRegistryAuth(inputs.registryAuth, mask);
    if (others.length)
      throw new UserError(
        `registry-auth cannot be combined with ${others.join(', ')} — put every registry in the registry-auth list`,
      );
  } else {
    for (const form of secretForms(inputs.password)) mask(form);
    if (![inputs.registry, inputs.username, inputs.password].some((v) => v.trim() !== '')) {
      throw new UserError(
        'input ecr: goes with registry (and username/password), as in docker/login-action — give registry, or remove ecr to use the registries file',
      );
    }
    const at = (name: string): Position => ({ file: `input ${name}`, line: 1, column: 1 });
    entries = [
      {
        ...inputs,
        at: at('registry'),
        positions: { registry: at('registry'), username: at('username'), password: at('password'), ecr: at('ecr') },
      },
    ];
  }
  const seen = new Map<string, Position>();
  const registries = entries.map((e) => toRegistry(e, seen));
  return { file: 'inputs', registries, envFiles: [], positions: {} };
}
