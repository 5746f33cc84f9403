// The jet vectors (test/fixtures/jet/README.md says which key goes with which file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const vectorDir = fileURLToPath(new URL('../../fixtures/jet', import.meta.url));
export const vector = (name: string): Buffer => readFileSync(resolve(vectorDir, name));
export const keyText = (name: string): string => vector(name).toString('utf8');
export const key = (name: string): Buffer => Buffer.from(keyText(name).trim(), 'base64');

export const vectors = [
  {
    file: 'environment.v1.encrypted',
    key: 'examples-key.aes',
    plain: 'environment.plain',
    format: 'jet-v1',
    expect: 'env',
  },
  {
    file: 'build_args.v1.encrypted',
    key: 'build-args-key.aes',
    plain: 'build_args.plain',
    format: 'jet-v1',
    expect: 'env',
  },
  {
    file: 'dockercfg.v2.encrypted',
    key: 'examples-key.aes',
    plain: 'dockercfg.plain',
    format: 'jet-v2',
    expect: 'json',
  },
] as const;
