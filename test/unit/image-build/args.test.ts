// Build args: templates with the tag variables, the encrypted file (jet and regkit), masking, conflicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { mergeBuildArgs, readEncryptedArgs, renderBuildArgs } from '../../../src/image-build/args.js';
import { encrypt, generateKey, parseKey } from '../../../src/crypto/index.js';
import { UserError } from '../../../src/errors.js';
import { tagVariables } from '../../../src/tags/variables.js';
import { tempDir } from '../../env/processes.js';

const dir = tempDir('args');
// The folder is the repository the files must live in, as GITHUB_WORKSPACE is for the action.
const repo = process.cwd();
beforeAll(() => process.chdir(dir));
afterAll(() => {
  process.chdir(repo);
  rmSync(dir, { recursive: true, force: true });
});

const env = {
  GITHUB_REF: 'refs/heads/feature/login',
  GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01',
  GITHUB_REPOSITORY: 'acme/api',
};
const dot = await tagVariables({ env, cwd: dir, imageName: 'api' });

describe('renderBuildArgs', () => {
  it('renders each value as a template and keeps = in values', async () => {
    const args = renderBuildArgs(
      'VERSION={{ .Branch }}-{{ .ShortCommitID }}\n\n# comment\nURL=https://x.example/?a=b\nEMPTY=',
      dot,
    );
    expect(args).toEqual([
      { name: 'VERSION', value: 'feature/login-abcdef0', secret: false },
      { name: 'URL', value: 'https://x.example/?a=b', secret: false },
      { name: 'EMPTY', value: '', secret: false },
    ]);
  });

  it('names the line of a bad entry or a template error', async () => {
    expect(() => renderBuildArgs('A=1\nno equals here', dot)).toThrow('build-args line 2: expected KEY=VALUE');
    expect(() => renderBuildArgs('A={{ .Nope }}', dot)).toThrow(/build-args line 1.*Nope/);
    expect(() => renderBuildArgs('A={{ .Branch ', dot)).toThrow(UserError);
  });
});

describe('readEncryptedArgs', () => {
  const key = generateKey();
  const plain = 'NPM_TOKEN=npm_s3cr3t\nexport DB_PASS="multi\\nline"\n';
  for (const format of ['jet', 'regkit'] as const) {
    it(`reads a ${format} file, masks every value before returning`, async () => {
      const file = join(dir, `args.${format}`);
      writeFileSync(file, encrypt(Buffer.from(plain), parseKey(key, 't'), format));
      const masked: string[] = [];
      const args = await readEncryptedArgs(file, { input: key, env: {} }, (s) => masked.push(s));
      expect(args).toEqual([
        { name: 'NPM_TOKEN', value: 'npm_s3cr3t', secret: true },
        { name: 'DB_PASS', value: 'multi\nline', secret: true },
      ]);
      expect(masked).toEqual(['npm_s3cr3t', 'multi', 'line']);
    });
  }

  it('refuses a file encrypted with another key in one line, and asks for a key when there is none', async () => {
    const file = join(dir, 'other-key.encrypted');
    writeFileSync(file, encrypt(Buffer.from(plain), parseKey(generateKey(), 't'), 'regkit'));
    const err = (await readEncryptedArgs(file, { input: key, env: {} }, () => {}).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(file);
    expect(err.message).not.toContain('\n');
    expect(err.message).not.toContain('npm_s3cr3t');
    const none = (await readEncryptedArgs(file, { input: '', env: {}, keyPath: join(dir, 'no.aes') }, () => {}).catch(
      (e: unknown) => e,
    )) as Error;
    expect(none.message).toMatch(/^No AES key provided to decrypt .*other-key\.encrypted/);
  });

  it('says so when the file is missing', async () => {
    await expect(readEncryptedArgs(join(dir, 'missing'), { input: key, env: {} }, () => {})).rejects.toThrow(
      /missing does not exist/,
    );
  });
});

describe('mergeBuildArgs', () => {
  it('puts both together and refuses a name given in both', async () => {
    const plain = [{ name: 'A', value: '1', secret: false }];
    const secret = [{ name: 'B', value: '2', secret: true }];
    expect(mergeBuildArgs(plain, secret).map((a) => a.name)).toEqual(['A', 'B']);
    expect(() => mergeBuildArgs(plain, [{ name: 'A', value: 'x', secret: true }], 'args.encrypted')).toThrow(
      'build arg A is given in build-args and in args.encrypted — keep it in one of them',
    );
  });
});
