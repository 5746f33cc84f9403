/**
 * Turns each registry's resolved `credentials:` spec into a username and
 * password. Every secret is masked the moment it is known. ECR registries are
 * fetched together so that registries sharing an AWS identity and region cost
 * one API call.
 */
import { UserError } from '../errors.js';
import { fromDockercfg } from './dockercfg.js';
import { ecrCredentials, type EcrRequest } from './ecr.js';
import { maskCredential } from './mask.js';
import { fromSpec } from './providers.js';
import type { Credential, CredentialContext, CredentialRequest } from './types.js';

function checked(req: CredentialRequest, cred: Credential, ctx: CredentialContext): Credential {
  // Masked before it is checked, so that not even an error about it can show it.
  maskCredential(cred, ctx.mask);
  const name = req.registry.name;
  if (cred.username === '') throw new UserError(`registry ${name}: the username is empty`);
  if (cred.username.includes(':')) throw new UserError(`registry ${name}: the username must not contain ":"`);
  if (cred.password === '') throw new UserError(`registry ${name}: the password is empty`);
  return cred;
}

/** A credential for every request, by registry name. Rejects with the first UserError. */
export async function resolveCredentials(
  requests: CredentialRequest[],
  ctx: CredentialContext,
): Promise<Map<string, Credential>> {
  const ecr: EcrRequest[] = [];
  const single: Promise<[string, Credential]>[] = [];
  for (const req of requests) {
    const { registry, spec } = req;
    if ('aws' in spec) ecr.push({ registry, aws: spec.aws, env: req.env });
    else {
      const pending =
        'dockercfg' in spec
          ? fromDockercfg(registry, spec.dockercfg, false, ctx)
          : 'encrypted_dockercfg' in spec
            ? fromDockercfg(registry, spec.encrypted_dockercfg, true, ctx)
            : fromSpec(registry, spec, req.env, ctx);
      single.push(pending.then((cred) => [registry.name, checked(req, cred, ctx)]));
    }
  }
  const fromEcr = ecr.length ? ecrCredentials(ecr, ctx) : Promise.resolve(new Map<string, Credential>());
  const [pairs, ecrMap] = await Promise.all([Promise.all(single), fromEcr]);
  const out = new Map<string, Credential>(pairs);
  for (const req of requests) {
    const cred = ecrMap.get(req.registry.name);
    if (cred) out.set(req.registry.name, checked(req, cred, ctx));
  }
  return out;
}
