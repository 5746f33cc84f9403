/**
 * The login check: every credential is tried against its registry, all at once
 * (GET /v2/ with Basic, or the Bearer token flow its challenge asks for; the
 * registry client retries 429, 5xx and connection errors with backoff).
 */
import { UserError, oneLine } from '../errors.js';
import { ping, Transport } from '../registry/index.js';
import type { Registry } from '../registries-file/index.js';
import type { Credential } from './types.js';

export interface Check {
  registry: Registry;
  credential: Credential;
}

/** How long the whole check may take, and each silent wait within it. */
export const VERIFY_DEADLINE_MS = 30_000;
const IDLE_MS = 10_000;

/**
 * Resolves when every login works; else one UserError line naming each registry that failed.
 * A registry that never answers fails the check within VERIFY_DEADLINE_MS, and each retry is
 * said in one `log` line, so a stuck step is never silent.
 */
export async function verifyLogins(
  checks: Check[],
  mask: (secret: string) => void,
  log: (line: string) => void = () => {},
): Promise<void> {
  const transport = new Transport({
    timeoutMs: IDLE_MS,
    retries: 2,
    deadline: Date.now() + VERIFY_DEADLINE_MS,
    onRetry: (m) => log(`login check: ${m}`),
  });
  let results: PromiseSettledResult<unknown>[];
  try {
    results = await Promise.allSettled(
      checks.map(({ registry, credential }) =>
        // insecure: false means "not asked for": loopback still speaks plain http, which never leaves the machine.
        ping({ domain: registry.domain, insecure: registry.insecure || undefined }, credential, {
          onSecret: mask,
          transport,
        }),
      ),
    );
  } finally {
    transport.close();
  }
  const failures: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      // Whatever a misbehaving registry caused, the user needs to know which login it broke.
      failures.push(`login to ${checks[i].registry.name} failed: ${oneLine(result.reason)}`);
    }
  });
  if (failures.length) throw new UserError(failures.join('; '));
}
