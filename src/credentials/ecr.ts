/**
 * Amazon ECR: a registry password is a 12-hour token from GetAuthorizationToken.
 * One token serves every registry of that region the AWS principal may use, so
 * ECR registries that share a region and AWS credentials cost a single call.
 * The AWS SDK is loaded only when an ECR registry is logged in to.
 */
import { UserError, oneLine } from '../errors.js';
import { ecrParts, type AwsCredentials, type Registry } from '../registries-file/index.js';
import { assumeRole, type AwsKeys } from './aws-role.js';
import { proxyConfigured, proxyHttpsAgent } from '../proxy/index.js';
import type { Credential, CredentialContext } from './types.js';

export interface EcrRequest {
  registry: Registry;
  aws: AwsCredentials;
  env: Record<string, string | undefined>;
}

interface Call {
  region: string;
  endpoint?: string;
  keys?: AwsKeys;
  registries: Registry[];
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function regionOf(req: EcrRequest): string {
  const { registry, aws, env } = req;
  const parsed = ecrParts(registry.domain);
  const region = nonEmpty(aws.region) ?? parsed?.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  if (!region) {
    throw new UserError(
      `registry ${registry.name}: ${registry.domain} is not an ECR domain (<account>.dkr.ecr.<region>.amazonaws.com); set credentials.aws.region`,
    );
  }
  if (parsed && aws.region && parsed.region !== aws.region.trim()) {
    throw new UserError(
      `registry ${registry.name}: credentials.aws.region ${aws.region} differs from the region of ${registry.domain} (${parsed.region}); an ECR token serves one region`,
    );
  }
  return region;
}

/** Region, endpoint and keys of one registry; missing pieces come from its AWS_* environment, or from its assumed role. */
function callFor(req: EcrRequest, ctx: CredentialContext, assumed?: AwsKeys): Omit<Call, 'registries'> {
  const { registry, aws, env } = req;
  const region = regionOf(req);
  const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_ECR) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  if (assumed) return { region, endpoint, keys: assumed };
  const accessKeyId = nonEmpty(aws.access_key_id) ?? nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(aws.secret_access_key) ?? nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  const sessionToken = nonEmpty(aws.session_token) ?? nonEmpty(env.AWS_SESSION_TOKEN);
  for (const s of [secretAccessKey, sessionToken]) if (s) ctx.mask(s);
  if (!accessKeyId !== !secretAccessKey) {
    const missing = accessKeyId ? 'secret access key (AWS_SECRET_ACCESS_KEY)' : 'access key id (AWS_ACCESS_KEY_ID)';
    throw new UserError(
      `registry ${registry.name}: the AWS ${missing} is missing; set both or neither (neither: the AWS SDK's default credentials)`,
    );
  }
  return {
    region,
    endpoint,
    keys: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined,
  };
}

/** Registries that can share one token: same region, endpoint and AWS credentials. */
export function groupCalls(
  requests: EcrRequest[],
  ctx: CredentialContext,
  assumed = new Map<EcrRequest, AwsKeys>(),
): Call[] {
  const calls = new Map<string, Call>();
  for (const req of requests) {
    const call = callFor(req, ctx, assumed.get(req));
    const id = JSON.stringify([
      call.region,
      call.endpoint,
      call.keys?.accessKeyId,
      call.keys?.secretAccessKey,
      call.keys?.sessionToken,
    ]);
    const existing = calls.get(id);
    if (existing) existing.registries.push(req.registry);
    else calls.set(id, { ...call, registries: [req.registry] });
  }
  return [...calls.values()];
}

async function fetchToken(call: Call): Promise<{ username: string; password: string }> {
  // The SDK warns on Node 20 on every start; the action runs on node24, the CLI need not nag.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr');
  // The SDK reads no proxy variables itself: https goes through the same tunnelling agent as
  // the registry client. A plain-http endpoint (signed headers, a session token) is not sent
  // through a proxy, which could read it: it is reached directly.
  const requestHandler = proxyConfigured() ? { httpsAgent: await proxyHttpsAgent({ keepAlive: true }) } : undefined;
  const client = new ECRClient({
    region: call.region,
    endpoint: call.endpoint,
    credentials: call.keys,
    maxAttempts: 3,
    requestHandler,
  });
  const names = call.registries.map((r) => r.name).join(', ');
  let token: string | undefined;
  try {
    const out = await client.send(new GetAuthorizationTokenCommand({}));
    token = out.authorizationData?.[0]?.authorizationToken;
  } catch (err) {
    const name = (err as Error).name && (err as Error).name !== 'Error' ? `${(err as Error).name}: ` : '';
    throw new UserError(
      `registry ${names}: ECR GetAuthorizationToken in ${call.region} failed: ${name}${oneLine(err)}`,
    );
  } finally {
    client.destroy();
  }
  const decoded = token ? Buffer.from(token, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0)
    throw new UserError(`registry ${names}: ECR GetAuthorizationToken in ${call.region} returned no usable token`);
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A credential for every ECR registry, by registry name; one API call per region and AWS identity. */
/** Keys for every request that names a role: one AssumeRoleWithWebIdentity per role (and STS endpoint). */
async function assumeRoles(requests: EcrRequest[], ctx: CredentialContext): Promise<Map<EcrRequest, AwsKeys>> {
  const byRole = new Map<string, EcrRequest[]>();
  for (const req of requests) {
    if (!req.aws.role) continue;
    const id = JSON.stringify([
      req.aws.role.trim(),
      req.aws.audience,
      nonEmpty(req.env.AWS_ENDPOINT_URL_STS) ?? nonEmpty(req.env.AWS_ENDPOINT_URL),
    ]);
    byRole.set(id, [...(byRole.get(id) ?? []), req]);
  }
  const out = new Map<EcrRequest, AwsKeys>();
  await Promise.all(
    [...byRole.values()].map(async (reqs) => {
      const [first] = reqs;
      const names = reqs.map((r) => r.registry.name).join(', ');
      const keys = await assumeRole(
        { role: first.aws.role!.trim(), audience: first.aws.audience, region: regionOf(first), names, env: first.env },
        ctx,
      );
      for (const r of reqs) out.set(r, keys);
    }),
  );
  return out;
}

export async function ecrCredentials(requests: EcrRequest[], ctx: CredentialContext): Promise<Map<string, Credential>> {
  const calls = groupCalls(requests, ctx, await assumeRoles(requests, ctx));
  const results = await Promise.all(
    calls.map(async (call) => {
      const token = await fetchToken(call);
      ctx.mask(token.password);
      return { call, token };
    }),
  );
  const byName = new Map<string, Credential>();
  for (const { call, token } of results) {
    for (const r of call.registries) {
      const role = requests.find((q) => q.registry === r)?.aws.role;
      byName.set(r.name, {
        ...token,
        source: role ? `ECR token (${call.region}), role ${role.trim()} (keyless)` : `ECR token (${call.region})`,
      });
    }
  }
  return byName;
}
