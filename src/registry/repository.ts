/**
 * One repository on one registry, as the protocol steps see it: the session
 * that talks to the registry, the path, and the scopes every request asks for
 * (the same for all requests of a copy, so that one token serves them all).
 */
import { pullScope, pushScope, RegistryError, type RegistrySession } from './auth.js';
import type { Response } from './transport.js';
import { redact } from '../errors.js';

export interface Repository {
  session: RegistrySession;
  path: string;
  scopes: string[];
}

export function readRepository(session: RegistrySession, path: string): Repository {
  return { session, path, scopes: [pullScope(path)] };
}

/** A repository to write to; `mountFrom` adds pull on a source repository of the same registry. */
export function writeRepository(session: RegistrySession, path: string, mountFrom?: string): Repository {
  const scopes = [pushScope(path)];
  if (mountFrom && mountFrom !== path) scopes.push(pullScope(mountFrom));
  return { session, path, scopes };
}

export function repositoryLabel(repo: Repository): string {
  return `${repo.session.name}/${repo.path}`;
}

/** The registry's own words for a failure ({"errors":[{"code","message"}]}), if it sent any. */
async function registryReason(res: Response): Promise<string> {
  try {
    const text = (await res.buffer(64 * 1024)).toString('utf8');
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    const first = body.errors?.[0];
    // A registry may echo what it was sent (the Authorization header) in its message.
    if (first) return redact([first.code, first.message].filter(Boolean).join(': ').slice(0, 300));
  } catch {
    // not JSON, or cut short: the status alone has to do
  }
  return '';
}

/** A RegistryError for an unexpected answer: what was being done, where, the status and the registry's reason. */
export async function unexpected(res: Response, what: string, repo: Repository): Promise<RegistryError> {
  const reason = res.status >= 400 ? await registryReason(res) : (await res.drain(), '');
  const why = reason ? ` (${reason})` : '';
  if (res.status === 403) {
    return new RegistryError(
      `${what}: registry ${repo.session.name} denied access to ${repo.path} (HTTP 403${why}); check the account's permissions`,
      403,
    );
  }
  return new RegistryError(`${what}: registry ${repo.session.name} answered HTTP ${res.status}${why}`, res.status);
}
