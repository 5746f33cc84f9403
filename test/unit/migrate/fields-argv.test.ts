import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bashQuote, literal, splitWords } from '../../../src/migrate/argv.js';
import { didYouMean, distance, STEP_KEYS, SERVICE_KEYS } from '../../../src/migrate/fields.js';

describe('did you mean', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(distance('iamge_tag', 'image_tag')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
  });
  it('suggests the key a typo was meant to be, and nothing for unrelated words', () => {
    expect(didYouMean('iamge_tag', STEP_KEYS)).toBe('image_tag');
    expect(didYouMean('cache', SERVICE_KEYS)).toBe('cached');
    expect(didYouMean('enviroment', SERVICE_KEYS)).toBe('environment');
    expect(didYouMean('dockerfile_pth', ['dockerfile_path', 'dockerfile'])).toBe('dockerfile_path');
    expect(didYouMean('frobnicate', STEP_KEYS)).toBeUndefined();
  });
});

describe('commands as Codeship splits them', () => {
  it('groups quotes, keeps escapes, expands nothing', () => {
    expect(splitWords(`/bin/sh -c "snyk monitor; echo 'x y'" $HOME a\\ b ''`).words).toEqual(['/bin/sh', '-c', "snyk monitor; echo 'x y'", '$HOME', 'a b', '']);
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
