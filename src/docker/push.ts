/**
 * `docker push` of one or more names, each failure turned into one line that says
 * whether the registry refused the account or could not be reached.
 */
import { UserError } from '../errors.js';
import { dockerReason, runDocker } from './cli.js';
import type { DockerEnv } from './image.js';

export interface PushedRef {
  ref: string;
  digest?: string;
}

const DENIED = /denied|unauthori[sz]ed|authentication required|forbidden|insufficient_scope/i;

/** Why a push failed, as the user can act on it. */
export function pushFailure(ref: string, reason: string, account?: string): UserError {
  if (DENIED.test(reason)) {
    const who = account
      ? ` — check that ${account} may push to ${ref.replace(/[:@][^/]*$/, '')}`
      : ' — log in with an account that may push there';
    return new UserError(`push of ${ref} was denied: ${reason}${who}`);
  }
  return new UserError(`push of ${ref} failed: ${reason}`);
}

/** The digest `docker push` reports (`<tag>: digest: sha256:… size: N`). */
export function pushedDigest(output: string): string | undefined {
  return /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
}

/** Pushes each name in turn; the digest is what the registry stored. */
export async function pushRefs(
  d: DockerEnv,
  refs: string[],
  opts: { account?: (ref: string) => string | undefined; stream?: boolean } = {},
): Promise<PushedRef[]> {
  const out: PushedRef[] = [];
  for (const ref of refs) {
    const r = await runDocker({ client: d.client, args: ['push', ref], env: d.env, stream: opts.stream });
    if (r.code !== 0) throw pushFailure(ref, dockerReason(r), opts.account?.(ref));
    out.push({ ref, digest: pushedDigest(r.output) });
  }
  return out;
}
