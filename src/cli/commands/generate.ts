import { DEFAULT_KEY_PATH, generateKey, writeFileAtomic } from '../../crypto/index.js';
import { UserError } from '../../errors.js';
import { parse, type Command } from '../usage.js';

export const command: Command = {
  usage: [
    'usage: regkit generate [--key-path P]',
    '',
    'Writes a new random AES key (32 bytes, base64) to a key file readable by you alone.',
    'Never overwrites an existing key file. Keep the file out of git; store its',
    'content as the REGKIT_AES_KEY secret (or the aes-key input) for workflows.',
    '',
    'options:',
    `  --key-path P   key file to create (default ${DEFAULT_KEY_PATH})`,
  ].join('\n'),
  async run(argv) {
    const { values } = parse(argv, { 'key-path': { type: 'string' } }, { min: 0, max: 0 });
    const path = values['key-path'] ?? DEFAULT_KEY_PATH;
    try {
      await writeFileAtomic(path, generateKey(), { mode: 0o600, noReplace: true });
    } catch (err) {
      if (err instanceof UserError && err.message.includes('already exists')) {
        throw new UserError(
          `${path} already exists; refusing to overwrite a key (files encrypted with it would be lost): move it away or pass another --key-path`,
        );
      }
      throw err;
    }
    process.stdout.write(`wrote a new AES key to ${path} (mode 0600); do not commit it\n`);
  },
};
