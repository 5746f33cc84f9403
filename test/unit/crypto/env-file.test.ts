import { describe, expect, test } from 'vitest';
import { parseEnv } from '../../../src/crypto/index.js';
import { UserError } from '../../../src/errors.js';
import { vector } from './vectors.js';

const env = (text: string) => Object.fromEntries(parseEnv(text, 'f.env'));

function errorOf(text: string): string {
  try {
    parseEnv(text, 'f.env');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('parseEnv', () => {
  test('the jet example environment file', () => {
    expect(env(vector('environment.plain').toString())).toEqual({ FOO: 'bar', BAZ: 'bat' });
  });

  test('comments, blank lines, export, white space, CRLF and a BOM', () => {
    expect(env('\uFEFF# top\r\n\r\nexport A=1\r\n  B = two words  \r\n\t# indented comment\nC=\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
    });
  });

  test('quotes are stripped; \\n expands only inside double quotes', () => {
    expect(env(`S='a b # not a comment'\nD="x\\ny"\nQ='x\\ny'\nB=\`tick\`\nE=""`)).toEqual({
      S: 'a b # not a comment',
      D: 'x\ny',
      Q: 'x\\ny',
      B: 'tick',
      E: '',
    });
  });

  test('quoted values may span lines', () => {
    expect(env('KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1')).toEqual({
      KEY: '-----BEGIN-----\nabc\n-----END-----',
      NEXT: '1',
    });
  });

  test('a comment after a quoted value; an escaped quote inside one', () => {
    expect(env(`A="v" # note\nB="say \\"hi\\""`)).toEqual({ A: 'v', B: 'say \\"hi\\"' });
  });

  test('# starts a comment in an unquoted value only after white space', () => {
    expect(env('PASS=pa#ss\nX=1 # one')).toEqual({ PASS: 'pa#ss', X: '1' });
  });

  test('= inside the value, dotted and dashed names, last one wins', () => {
    expect(env('URL=http://x/?a=b&c=d\nmy.name-1=v\nA=1\nA=2')).toEqual({
      URL: 'http://x/?a=b&c=d',
      'my.name-1': 'v',
      A: '2',
    });
  });

  test('text after a closing quote keeps the value as written, as dotenv does', () => {
    expect(env('A="a" b')).toEqual({ A: '"a" b' });
  });

  test('bad lines name file:line and never the value', () => {
    expect(errorOf('A=1\njust some secret words\n')).toBe(
      'f.env:2: expected KEY=VALUE; a value over several lines must be in quotes',
    );
    expect(errorOf('\n\n=value')).toBe('f.env:3: expected KEY=VALUE with a name of letters, digits, _ . or -');
    expect(errorOf('# c\nTOKEN="s3cret\nmore')).toBe('f.env:2: TOKEN: the "-quoted value is never closed');
    expect(errorOf('TOKEN s3cret')).not.toContain('s3cret');
  });

  test('an unquoted PEM: the error names the line, never a word of the key', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
    const message = errorOf(`KEY=-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`);
    expect(message).toBe('f.env:2: expected KEY=VALUE; a value over several lines must be in quotes');
    expect(message).not.toContain('MIIE');
  });

  test('line numbers stay right after a value over several lines', () => {
    expect(errorOf('A="1\n2\n3"\nB=ok\noops')).toBe(
      'f.env:5: expected KEY=VALUE; a value over several lines must be in quotes',
    );
    expect(env('A="x\r\ny"\r\nB=2\r\n')).toEqual({ A: 'x\ny', B: '2' });
  });

  test('an unclosed quote in a long file is rejected in one pass', () => {
    const lines = ['TOKEN="never closed', ...Array.from({ length: 40_000 }, (_, i) => `LINE_${i}=value ${i}`)];
    const started = Date.now();
    expect(errorOf(lines.join('\n'))).toBe('f.env:1: TOKEN: the "-quoted value is never closed');
    expect(Date.now() - started).toBeLessThan(10_000); // a ceiling: minutes before
  });
});

describe('size caps', () => {
  test('a credential or env file over 1 MiB is refused before it is read, naming the file', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { readSecretFile } = await import('../../../src/crypto/index.js');
    const { tempDir } = await import('../../env/processes.js');
    const file = join(tempDir('size-cap'), 'big.env');
    writeFileSync(file, 'A=1\n'.repeat(300_000));
    const err = await readSecretFile(file, undefined, 'env').catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${file} is larger than 1024 KiB — a credential or env file is a few KB; check the path`);
  });
});
