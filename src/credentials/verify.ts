/**
 * The login check: every credential is tried against its registry, all at once
 * (GET /v2/ with Basic, or the Bearer token flow its challenge asks for; the
 * registry client retries 429, 5xx and connection errors with backoff).
 */
import { UserError, oneLine } from '../errors.js';
import { ping } from '../registry/index.js';
import type { Registry } from '../registries-file/index.js';
import type { Credential } from './types.js';

export interface Check {
  registry: Registry;
  credential: Credential;
}

/** Resolves when every login works; else one UserError line naming each registry that failed. */
export async function verifyLogins(checks: Check[], mask: (secret: string) => void): Promise<void> {
  const results = await Promise.allSettled(
    checks.map(({ registry, credential }) =>
      // insecure: false means "not asked for": loopback still speaks plain http, which never leaves the machine.
      ping({ domain: registry.domain, insecure: registry.insecure || undefined }, credential, { onSecret: mask }),
    ),
  );
  const failures: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      // Whatever a misbehaving registry caused, the user needs to know which login it broke.
      failures.push(`login to ${checks[i].registry.name} failed: ${oneLine(result.reason)}`);
    }
  });
  if (failures.length) throw new UserError(failures.join('; '));
}
