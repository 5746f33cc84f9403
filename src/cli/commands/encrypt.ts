import { UserError } from '../../errors.js';
import { DEFAULT_KEY_PATH, detectFormat, encrypt, loadKey, readInput, writeFileAtomic } from '../../crypto/index.js';
import { parse, UsageError, type Command } from '../usage.js';

export const command: Command = {
  usage: [
    'usage: regkit encrypt IN OUT [--key-path P] [--format regkit|jet]',
    '',
    'Encrypts the file IN ("-" for stdin) into OUT ("-" for stdout) with the AES key.',
    '',
    'options:',
    `  --key-path P      key file (default ${DEFAULT_KEY_PATH}, used when REGKIT_AES_KEY is not set; a named file wins over REGKIT_AES_KEY)`,
    '  --format regkit   regkit:v1, authenticated AES-256-GCM (default)',
    "  --format jet      jet v2 (codeship:v2), readable by Codeship's jet",
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { 'key-path': { type: 'string' }, format: { type: 'string' } },
      { min: 2, max: 2 },
    );
    const format = values.format ?? 'regkit';
    if (format !== 'regkit' && format !== 'jet')
      throw new UsageError(`--format must be regkit or jet, not "${format}"`);
    const [input, output] = positionals;
    const plain = input === '-' ? await readStdin() : await readInput(input, Infinity); // a file the user names, of any size
    const already = detectFormat(plain);
    if (already === 'regkit-v1' || already === 'jet-v2') {
      throw new UserError(
        `${input === '-' ? 'stdin' : input} is already encrypted (${already}); decrypt it first if you mean to re-encrypt it`,
      );
    }
    const key = await loadKey({ keyPath: values['key-path'], keyPathExplicit: values['key-path'] !== undefined });
    const sealed = encrypt(plain, key, format);
    if (output === '-') await writeStdout(sealed);
    else await writeFileAtomic(output, sealed);
  },
};

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function writeStdout(data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
}
