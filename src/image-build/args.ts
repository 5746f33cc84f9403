/**
 * Build args: `build-args` lines (KEY=VALUE, the value a Go template, as
 * Codeship's args were rendered) and `encrypted-build-args` (a jet or regkit
 * encrypted KEY=VALUE file, every value a secret).
 */
import { workspacePath } from '../workspace.js';
import { findKey, noKeyMessage, parseEnv, readSecretFile, type LoadKeyOptions } from '../crypto/index.js';
import { UserError } from '../errors.js';
import { Template, type FuncMap } from '../template/index.js';
import { tagFuncs } from '../tags/funcs.js';
import { TAG_LIMITS } from '../tags/render.js';

export interface BuildArg {
  name: string;
  value: string;
  /** From the encrypted file: masked, and never written on a command line. */
  secret: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `build-args` lines rendered with the tag variables; `inputName line N` names a bad line. */
export function renderBuildArgs(
  input: string,
  dot: unknown,
  inputName = 'build-args',
  funcs: FuncMap = tagFuncs,
): BuildArg[] {
  const out: BuildArg[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${inputName} line ${i + 1}`;
    const eq = line.indexOf('=');
    const name = eq < 0 ? line : line.slice(0, eq).trim();
    if (eq < 0 || !NAME.test(name)) {
      throw new UserError(
        `${where}: expected KEY=VALUE with a name of letters, digits and _ (got ${JSON.stringify(line.length > 40 ? line.slice(0, 37) + '...' : line)})`,
      );
    }
    const value = Template.parse(where, line.slice(eq + 1), { funcs }).execute(dot, TAG_LIMITS);
    out.push({ name, value, secret: false });
  });
  return out;
}

/**
 * The KEY=VALUE pairs of an encrypted file; every value is handed to `mask` before
 * anything else happens to it. The key is looked for only because the file is there.
 */
export async function readEncryptedArgs(
  path: string,
  key: LoadKeyOptions,
  mask: (s: string) => void,
): Promise<BuildArg[]> {
  workspacePath(path, 'encrypted-build-args');
  const aes = await findKey(key);
  const data = await readSecretFile(path, aes, 'env').catch((err: unknown) => {
    if (err instanceof UserError && !aes && /No AES key/.test(err.message))
      throw new UserError(noKeyMessage(key, path));
    throw err instanceof UserError ? new UserError(`encrypted-build-args: ${err.message}`) : err;
  });
  const vars = parseEnv(data.toString('utf8'), path);
  for (const value of vars.values()) for (const line of value.split(/\r?\n/)) if (line.trim() !== '') mask(line);
  return [...vars].map(([name, value]) => ({ name, value, secret: true }));
}

/** Plain and encrypted args together; a name in both is refused (which one was meant is unclear). */
export function mergeBuildArgs(
  plain: BuildArg[],
  encrypted: BuildArg[],
  encryptedFile = 'encrypted-build-args',
): BuildArg[] {
  const byName = new Map<string, BuildArg>();
  for (const a of plain) byName.set(a.name, a);
  for (const a of encrypted) {
    if (byName.get(a.name)?.secret === false) {
      throw new UserError(
        `build arg ${a.name} is given in build-args and in ${encryptedFile} — keep it in one of them`,
      );
    }
    byName.set(a.name, a);
  }
  return [...byName.values()];
}

/** The values the Dockerfile's FROM lines see. */
export function argValues(args: BuildArg[]): Map<string, string> {
  return new Map(args.map((a) => [a.name, a.value]));
}
