/**
 * Which strings of a credential must be masked in the log. The runner masks line
 * by line, so a multi-line secret (a service-account JSON key) is masked by its
 * secret parts: masking its `{` or `"type": "service_account",` lines would
 * blank those characters all over the log and hide nothing.
 */
import { basicAuth } from '../naming/index.js';
import type { Credential } from './types.js';
import { rememberCredential } from '../errors.js';

function jsonKeyParts(text: string): string[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const { private_key, private_key_id } = doc as Record<string, unknown>;
  const parts = [JSON.stringify(doc)];
  if (typeof private_key_id === 'string') parts.push(private_key_id);
  if (typeof private_key === 'string') {
    parts.push(...private_key.split(/\r?\n|\\n/).filter((l) => l.trim() !== '' && !/^-----/.test(l)));
  }
  return parts;
}

/** Every form of a secret value that could appear somewhere. */
export function secretForms(value: string): string[] {
  if (value === '') return [];
  if (!/[\r\n]/.test(value)) return [value];
  return jsonKeyParts(value) ?? value.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** Masks the password in all its forms, and the base64(user:pass) a Docker config holds. */
export function maskCredential(credential: Pick<Credential, 'username' | 'password'>, mask: (s: string) => void): void {
  rememberCredential(credential.username, credential.password);
  for (const form of secretForms(credential.password)) mask(form);
  mask(basicAuth(credential.username, credential.password));
}
