// Shared set-up for the login action tests: a workspace with a registries file and
// encrypted credentials, a Docker config to log in over.
import { mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { encrypt, generateKey, parseKey } from '../../src/crypto/index.js';
import { tempDir } from '../env/processes.js';

export const aesKey = generateKey();
export const keyBytes = parseKey(aesKey, 'test');

export function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

/** A workspace holding .github/registries.yml (and whatever files are given, encrypted when asked). */
export function workspace(
  registries: object[],
  files: Record<string, { text: string; encrypt?: 'jet' | 'regkit' }> = {},
  top: object = {},
): string {
  const dir = tempDir('login-workspace');
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/registries.yml'), stringify({ version: 1, ...top, registries }));
  for (const [path, f] of Object.entries(files)) {
    const data = f.encrypt ? encrypt(Buffer.from(f.text), keyBytes, f.encrypt) : f.text;
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

/** A DOCKER_CONFIG folder with a config.json a user could have: other keys, odd formatting, mode 0644, buildx state beside it. */
export function existingConfig(extra: object = {}): { dir: string; bytes: Buffer } {
  const dir = tempDir('docker-config');
  const text =
    JSON.stringify(
      {
        auths: { 'other.example.com': { auth: basicAuth('someone', 'other-pw') } },
        proxies: { default: { noProxy: '*.internal' } },
        detachKeys: 'ctrl-e,e',
        ...extra,
      },
      null,
      4,
    ) + '\n\n';
  writeFileSync(join(dir, 'config.json'), text, { mode: 0o644 });
  mkdirSync(join(dir, 'buildx', 'instances'), { recursive: true });
  writeFileSync(join(dir, 'buildx', 'instances', 'builder'), '{"Name":"builder"}');
  return { dir, bytes: Buffer.from(text) };
}

/** Everything in a config folder: path → bytes and mode, to prove nothing changed. */
export function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = `${(statSync(p).mode & 0o777).toString(8)} ${readFileSync(p).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}

export function readConfig(dir: string): {
  auths?: Record<string, { auth: string }>;
  credHelpers?: Record<string, string>;
  [k: string]: unknown;
} {
  return JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
}
