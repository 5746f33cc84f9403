import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bashQuote, literal, splitWords } from '../../../src/migrate/argv.js';
import { STEP_KEYS, SERVICE_KEYS, suggestion } from '../../../src/migrate/fields.js';
import { suggest } from '../../../src/naming/index.js';

describe('did you mean, on Codeship keys', () => {
  it('suggests the key a typo was meant to be, and nothing for unrelated words', () => {
    expect(suggest('iamge_tag', STEP_KEYS)).toBe('image_tag');
    expect(suggest('cache', SERVICE_KEYS)).toBe('cached');
    expect(suggest('enviroment', SERVICE_KEYS)).toBe('environment');
    expect(suggest('dockerfile_pth', ['dockerfile_path', 'dockerfile'])).toBe('dockerfile_path');
    expect(suggest('frobnicate', STEP_KEYS)).toBeUndefined();
  });
  it('says it in the one format every regkit message uses', () => {
    expect(suggestion('iamge_tag', STEP_KEYS)).toBe(' (did you mean "image_tag"?)');
    expect(suggestion('frobnicate', STEP_KEYS)).toBe('');
  });
});

describe('commands as Codeship splits them', () => {
  it('groups quotes, keeps escapes, expands nothing', () => {
    expect(splitWords(`/bin/sh -c "snyk monitor; echo 'x y'" $HOME a\\ b ''`).words).toEqual([
      '/bin/sh',
      '-c',
      "snyk monitor; echo 'x y'",
      '$HOME',
      'a b',
      '',
    ]);
    expect(splitWords('cd /opt && coveralls').operators).toEqual(['&&']);
    expect(splitWords('echo "open').unterminated).toBe(true);
  });

  it('quotes each word so that bash passes it through unchanged', () => {
    const words = ['plain', 'with space', "it's", '$HOME', '`x`', '*', '', 'a\nb', '"q"', '\\', '!bang'];
    const script = `printf '%s\\0' ${words.map(bashQuote).join(' ')}`;
    const out = execFileSync('bash', ['-c', script], { env: { HOME: '/nowhere' } }).toString();
    expect(out.split('\0').slice(0, -1)).toEqual(words);
  });

  it('keeps ${{ literal for GitHub', () => {
    expect(literal('a ${{ b }}')).toBe("a ${{ '${{' }} b }}");
  });
});
