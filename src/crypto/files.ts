/** Secret files on disk: read plain or encrypted; write without leaving half a file. */
import { link, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { decrypt, isEncrypted, type Expect } from './format.js';
import { noKeyMessage, type LoadKeyOptions } from './key.js';

/** Credential, env and key files are a few KB; anything far bigger is the wrong file, refused before it is read. */
export const MAX_SECRET_FILE_BYTES = 1024 * 1024;

export async function readInput(path: string, maxBytes = MAX_SECRET_FILE_BYTES): Promise<Buffer> {
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes)
      throw new UserError(
        `${path} is larger than ${Math.round(maxBytes / 1024)} KiB — a credential or env file is a few KB; check the path`,
      );
    return await readFile(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path} does not exist`);
    if (code === 'EISDIR') throw new UserError(`${path} is a folder, not a file`);
    throw new UserError(`cannot read ${path}: ${code ?? (err as Error).message}`);
  }
}

/** `keyFrom`: where the caller looked for the key, for the message when there was none. */
export async function readSecretFile(
  path: string,
  key: Buffer | undefined,
  expect: Expect,
  keyFrom: LoadKeyOptions = {},
): Promise<Buffer> {
  const data = await readInput(path);
  if (!isEncrypted(data)) return data;
  if (!key) throw new UserError(noKeyMessage(keyFrom, path));
  return decrypt(data, key, { file: path, expect });
}

/**
 * Writes beside `path` and renames over it, so a failure leaves whatever was
 * there before. `mode` applies to the new file (0600 for secrets and keys).
 */
export async function writeFileAtomic(
  path: string,
  data: Buffer | string,
  opts: { mode?: number; noReplace?: boolean } = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { mode: opts.mode ?? 0o644, flag: 'wx' });
    if (opts.noReplace) {
      // link() fails when path exists, where rename() would replace it.
      await link(tmp, path);
      await unlink(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (err) {
    await rm(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && opts.noReplace) throw new UserError(`${path} already exists; refusing to overwrite it`);
    if (code === 'ENOENT') throw new UserError(`cannot write ${path}: folder ${dirname(path)} does not exist`);
    if (code === 'EISDIR') throw new UserError(`cannot write ${path}: it is a folder`);
    throw new UserError(`cannot write ${path}: ${code ?? (err as Error).message}`);
  }
}
