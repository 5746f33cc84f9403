/**
 * AWS without stored keys: GitHub's OIDC token is traded with STS
 * (AssumeRoleWithWebIdentity, the AWS SDK's own client) for the role's
 * temporary keys, which then sign ECR's GetAuthorizationToken. Registries that
 * name the same role share one assumed session.
 */
import { UserError, oneLine } from '../errors.js';
import { githubIdToken, refused } from './oidc.js';
import { proxyConfigured, proxyHttpsAgent } from '../proxy/index.js';
import type { CredentialContext } from './types.js';

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface RoleRequest {
  role: string;
  audience?: string;
  region: string;
  /** Names of the registries that use the role, for messages. */
  names: string;
  env: Record<string, string | undefined>;
}

// What STS says when the token or the trust policy does not fit: the token's claims help there.
const REFUSALS = new Set([
  'InvalidIdentityTokenException',
  'AccessDenied',
  'ExpiredTokenException',
  'IDPRejectedClaimException',
]);

/** The session name CloudTrail shows: the workflow run, when there is one. */
function sessionName(env: Record<string, string | undefined>): string {
  const run = env.GITHUB_RUN_ID
    ? `-${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `-${env.GITHUB_RUN_ATTEMPT}` : ''}`
    : '';
  return `regkit${run}`.replace(/[^\w+=,.@-]/g, '').slice(0, 64);
}

export async function assumeRole(req: RoleRequest, ctx: CredentialContext): Promise<AwsKeys> {
  const token = await githubIdToken(ctx, req.env, req.audience ?? 'sts.amazonaws.com', req.names);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts');
  const endpoint = req.env.AWS_ENDPOINT_URL_STS?.trim() || req.env.AWS_ENDPOINT_URL?.trim() || undefined;
  // Through HTTPS_PROXY like the ECR call (the SDK reads no proxy variables itself).
  const requestHandler = proxyConfigured() ? { httpsAgent: await proxyHttpsAgent({ keepAlive: true }) } : undefined;
  const client = new STSClient({ region: req.region, endpoint, maxAttempts: 3, requestHandler });
  try {
    const out = await client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: req.role,
        RoleSessionName: sessionName(req.env),
        WebIdentityToken: token,
        DurationSeconds: 3600,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new UserError(`registry ${req.names}: AWS STS returned no credentials for ${req.role}`);
    ctx.mask(c.SecretAccessKey);
    if (c.SessionToken) ctx.mask(c.SessionToken);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const name = (err as Error).name;
    if (REFUSALS.has(name)) {
      throw refused(
        req.names,
        `AWS STS (role ${req.role})`,
        `${name}: ${oneLine(err)}`,
        token,
        "the role's trust policy must allow token.actions.githubusercontent.com with this subject and audience",
      );
    }
    throw new UserError(
      `registry ${req.names}: AWS STS AssumeRoleWithWebIdentity for ${req.role} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${oneLine(err)}`,
    );
  } finally {
    client.destroy();
  }
}
