/**
 * A local AWS STS endpoint for AssumeRoleWithWebIdentity, in the AWS query
 * protocol the SDK's STSClient speaks (form POST, XML answer). It checks the
 * web identity token as IAM does against each role's trust policy (issuer,
 * audience, subject) and answers with the errors STS gives. Reach it with
 * AWS_ENDPOINT_URL_STS.
 */
import { randomBytes } from 'node:crypto';
import { bodyOf, checkToken } from './verify-token.js';
import { listen, type LocalServer } from './local-server.js';

export interface TrustedRole {
  /** The trust policy's conditions on token.actions.githubusercontent.com:aud and :sub. */
  audience: string;
  subject: string;
  /** The temporary keys handed out (register them with the ECR endpoint). */
  keys: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export interface StsCall {
  action: string;
  role: string;
  sessionName: string;
  signed: boolean;
  status: number;
  code?: string;
}

export interface StsEndpoint extends LocalServer {
  calls: StsCall[];
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function errorXml(type: string, code: string, message: string): string {
  return `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`;
}

export async function startStsEndpoint(
  issuer: string,
  roles: Record<string, TrustedRole>,
  opts: { tls?: { cert: string; key: string } } = {},
): Promise<StsEndpoint> {
  const calls: StsCall[] = [];
  const server = await listen(async (req, res) => {
    const form = new URLSearchParams(await bodyOf(req));
    const call: StsCall = {
      action: form.get('Action') ?? '',
      role: form.get('RoleArn') ?? '',
      sessionName: form.get('RoleSessionName') ?? '',
      signed: 'authorization' in req.headers,
      status: 0,
    };
    calls.push(call);
    const fail = (status: number, code: string, message: string) => {
      call.status = status;
      call.code = code;
      res.writeHead(status, { 'content-type': 'text/xml' }).end(errorXml('Sender', code, message));
    };
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return fail(400, 'InvalidAction', 'expected a form POST');
    if (call.action !== 'AssumeRoleWithWebIdentity' || form.get('Version') !== '2011-06-15')
      return fail(400, 'InvalidAction', `Could not find operation ${call.action}`);
    if (!/^[\w+=,.@-]{2,64}$/.test(call.sessionName))
      return fail(400, 'ValidationError', 'RoleSessionName is not valid');
    const role = roles[call.role];
    const token = form.get('WebIdentityToken') ?? '';
    if (!role) return fail(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    const check = await checkToken(token, { issuer, audience: role.audience, subject: role.subject });
    if (!check.ok) {
      if (check.failed === 'expired')
        return fail(
          400,
          'ExpiredTokenException',
          `Token expired: current date/time ${Math.floor(Date.now() / 1000)} must be before the expiration date/time ${String(check.claims.exp)}`,
        );
      if (check.failed === 'audience') return fail(400, 'InvalidIdentityToken', 'Incorrect token audience');
      if (check.failed === 'subject')
        return fail(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
      return fail(
        400,
        'InvalidIdentityToken',
        "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements",
      );
    }
    call.status = 200;
    const expiration = new Date(Date.now() + 3600_000).toISOString();
    const [, account, name] = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(call.role) ?? [];
    res
      .writeHead(200, { 'content-type': 'text/xml' })
      .end(
        `<AssumeRoleWithWebIdentityResponse xmlns="${NS}"><AssumeRoleWithWebIdentityResult>` +
          `<SubjectFromWebIdentityToken>${String(check.claims.sub)}</SubjectFromWebIdentityToken><Audience>${role.audience}</Audience>` +
          `<AssumedRoleUser><Arn>arn:aws:sts::${account}:assumed-role/${name}/${call.sessionName}</Arn><AssumedRoleId>AROA${randomBytes(6).toString('hex').toUpperCase()}:${call.sessionName}</AssumedRoleId></AssumedRoleUser>` +
          `<Credentials><AccessKeyId>${role.keys.accessKeyId}</AccessKeyId><SecretAccessKey>${role.keys.secretAccessKey}</SecretAccessKey><SessionToken>${role.keys.sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
          `<Provider>${issuer}</Provider></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`,
      );
  }, opts);
  return { ...server, calls };
}
