import { DEFAULT_KEY_PATH, decrypt, loadKey, readInput, writeFileAtomic } from '../../crypto/index.js';
import { UserError } from '../../errors.js';
import { parse, type Command } from '../usage.js';
import { writeStdout } from './encrypt.js';

export const command: Command = {
  usage: [
    'usage: regkit decrypt IN OUT [--key-path P] [--binary]',
    '',
    'Decrypts IN (regkit:v1, jet v2 or jet v1) into OUT ("-" for stdout).',
    'OUT is created readable by you alone (mode 0600).',
    '',
    'options:',
    `  --key-path P   key file (default ${DEFAULT_KEY_PATH}, used when REGKIT_AES_KEY is not set; a named file wins over REGKIT_AES_KEY)`,
    '  --binary       jet v1 only: accept output that is not text (v1 has no checksum,',
    '                 so without this flag non-text output is taken for a wrong key)',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { 'key-path': { type: 'string' }, binary: { type: 'boolean' } },
      { min: 2, max: 2 },
    );
    const [input, output] = positionals;
    const data = await readInput(input, Infinity); // a file the user names on the command line, of any size
    const key = await loadKey({ keyPath: values['key-path'], keyPathExplicit: values['key-path'] !== undefined });
    let plain: Buffer;
    try {
      plain = decrypt(data, key, { file: input, expect: values.binary ? 'any' : 'text' });
    } catch (err) {
      if (err instanceof UserError && err.message.startsWith('decrypted output')) {
        throw new UserError(`${err.message}; if ${input} really holds binary data, add --binary`);
      }
      throw err;
    }
    if (output === '-') await writeStdout(plain);
    else await writeFileAtomic(output, plain, { mode: 0o600 });
  },
};
