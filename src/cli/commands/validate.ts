// regkit validate: the registries file's shape and rules, every registry's ${VAR}s, and the files it names.
import { readFile } from 'node:fs/promises';
import { DEFAULT_KEY_PATH, findKey, isEncrypted, readSecretFile } from '../../crypto/index.js';
import { oneLine, UserError } from '../../errors.js';
import {
  defaultConfigPath,
  formatPosition,
  loadRegistriesFile,
  registryEnv,
  resolveCredentialSpec,
  type CredentialSpec,
  type RegistriesFile,
  type Registry,
} from '../../registries-file/index.js';
import { parse, type Command } from '../usage.js';
import { allowPathsOutsideWorkspace, workspacePath } from '../../workspace.js';
import { dockercfgEntries, pickEntry } from '../../credentials/index.js';

export const command: Command = {
  usage: [
    'usage: regkit validate [--config FILE] [--key-path P] [--allow-outside-repo]',
    '',
    'Checks a registries file: its shape, every rule, every ${VAR} of every registry',
    '(from env files and the environment), and that the files it names can be read',
    '(encrypted ones with the AES key). Prints a summary; never prints a secret.',
    '',
    'options:',
    `  --config FILE   the registries file (default ${defaultConfigPath})`,
    `  --key-path P    AES key file for encrypted files (default ${DEFAULT_KEY_PATH}, used when REGKIT_AES_KEY is not set; a named file wins)`,
    '  --allow-outside-repo  let the registries file name files outside the current folder',
  ].join('\n'),
  async run(argv) {
    const { values } = parse(
      argv,
      { config: { type: 'string' }, 'key-path': { type: 'string' }, 'allow-outside-repo': { type: 'boolean' } },
      { min: 0, max: 0 },
    );
    if (values['allow-outside-repo']) allowPathsOutsideWorkspace();
    const registriesFile = await loadRegistriesFile(values.config ?? defaultConfigPath);
    const key = await keyIfNeeded(registriesFile, values['key-path']);
    const forms: string[] = [];
    for (const registry of registriesFile.registries) {
      await registryEnv(registriesFile, registry, { env: process.env, key });
      const spec = await resolveCredentialSpec(registriesFile, registry, { env: process.env, key });
      const plaintext = await checkFiles(registry, spec, key);
      forms.push(plaintext ? 'dockercfg (NOT encrypted)' : formOf(registry, spec));
    }
    process.stdout.write(summary(registriesFile, forms));
  },
};

/** Paths of credential files a spec names, by their dotted key. */
function credentialFiles(spec: CredentialSpec | undefined): [string, string][] {
  if (!spec) return [];
  if ('dockercfg' in spec) return [['dockercfg', spec.dockercfg]];
  if ('encrypted_dockercfg' in spec) return [['encrypted_dockercfg', spec.encrypted_dockercfg]];
  if ('google' in spec && 'json_key_file' in spec.google) return [['google.json_key_file', spec.google.json_key_file]];
  return [];
}

/** The file's bytes; undefined when it cannot be read or is outside the repository (reported later, by key). */
async function readInside(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(workspacePath(path, path));
  } catch {
    return undefined;
  }
}

// The key is looked for only when a file is encrypted: a file without encrypted parts validates without one.
async function keyIfNeeded(registriesFile: RegistriesFile, keyPath: string | undefined): Promise<Buffer | undefined> {
  const paths = [
    ...registriesFile.envFiles,
    ...registriesFile.registries.flatMap((r) => [
      ...(r.envFile ? [r.envFile] : []),
      ...credentialFiles(r.credentials).map(([, p]) => p),
    ]),
  ];
  for (const path of paths) {
    if (path.includes('$')) continue;
    const data = await readInside(path);
    if (data && isEncrypted(data)) return findKey({ keyPath, keyPathExplicit: keyPath !== undefined });
  }
  return undefined;
}

/**
 * Reads every credential file the way login will, and fails as login would (no entry for the
 * registry's domain, say). True when an encrypted_dockercfg is in fact plain JSON (warned about).
 */
async function checkFiles(
  registry: Registry,
  spec: CredentialSpec | undefined,
  key: Buffer | undefined,
): Promise<boolean> {
  let plaintext = false;
  for (const [dotted, path] of credentialFiles(spec)) {
    const at = formatPosition(registry.positions[`credentials.${dotted}`] ?? registry.at);
    const prefix = `${at}: registry "${registry.name}": `;
    let data: Buffer;
    workspacePath(path, `${at}: registry "${registry.name}": credentials.${dotted}`);
    try {
      data = await readSecretFile(path, key, 'json');
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${prefix}${oneLine(err)}`);
      throw err;
    }
    try {
      JSON.parse(data.toString('utf8'));
    } catch {
      throw new UserError(
        `${prefix}${path} is not JSON — ${dotted === 'google.json_key_file' ? 'give the service account key file' : 'give a .dockercfg or config.json file'}`,
      );
    }
    if (dotted === 'google.json_key_file') continue;
    try {
      pickEntry(dockercfgEntries(data.toString('utf8'), path), registry.domain, path, registry.name);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${at}: ${oneLine(err)}`);
      throw err;
    }
    if (dotted === 'encrypted_dockercfg' && !isEncrypted(await readFile(path))) {
      plaintext = true;
      process.stderr.write(
        `regkit validate: warning: ${prefix}credentials.encrypted_dockercfg: ${path} is not encrypted — a plaintext credential file sits in the repository; encrypt it (regkit encrypt) or move it out of version control\n`,
      );
    }
  }
  return plaintext;
}

function formOf(registry: Registry, spec: CredentialSpec | undefined): string {
  if (!spec) return 'anonymous';
  const form = Object.keys(spec)[0];
  const implied = registry.credentials === undefined;
  if (form === 'username') return implied ? 'GITHUB_ACTOR/GITHUB_TOKEN' : 'username/password';
  if (form === 'aws') return implied ? 'aws (environment)' : 'aws';
  if (form === 'google') return `google ${Object.keys((spec as { google: object }).google)[0]}`;
  return form;
}

function summary(registriesFile: RegistriesFile, forms: string[]): string {
  const domains = new Set(registriesFile.registries.map((r) => r.domain));
  const n = registriesFile.registries.length;
  const head = [
    `${registriesFile.file}: OK — ${n} ${n === 1 ? 'registry' : 'registries'} on ${domains.size} ${domains.size === 1 ? 'domain' : 'domains'}`,
  ];
  head.push(`default ${registriesFile.default ?? '(none)'}`, `caching ${registriesFile.caching ?? '(none)'}`);
  const rows = registriesFile.registries.map((r, i) => {
    const notes = [
      r.prefix ? `prefix ${r.prefix}` : '',
      r.primary ? 'primary' : '',
      r.fallback ? `fallback ${r.fallback}` : '',
      r.insecure ? 'insecure' : '',
      registriesFile.default === r.name ? 'default' : '',
      registriesFile.caching === r.name ? 'caching' : '',
    ].filter(Boolean);
    return [r.name, r.provider, r.domain, forms[i], notes.join(', ')];
  });
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c].length)));
  const lines = rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell))
        .join('  ')
        .trimEnd(),
  );
  return `${head.join(', ')}\n${lines.join('\n')}\n`;
}
