// Test helpers: YAML written indented inside a test, and the one line a broken file gives.
import { expect } from 'vitest';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { UserError } from '../../../src/errors.js';

export const FILE = '.github/registries.yml';

/** The text with the indentation of its first non-empty line removed from every line. */
export function yaml(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = /^ */.exec(lines.find((l) => l.trim()) ?? '')![0].length;
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The one-line error parseRegistriesFile gives for a file. */
export function errorOf(text: string): string {
  try {
    parseRegistriesFile(yaml(text), FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected the file to be refused');
}

/** A one-registry file whose credentials block is the given flow map. */
export function withCredentials(provider: string, domain: string | undefined, credentials: string): string {
  return `
    version: 1
    registries:
      - name: r
        provider: ${provider}${domain ? `\n        domain: ${domain}` : ''}
        credentials: ${credentials}
  `;
}
