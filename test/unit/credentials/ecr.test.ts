import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcrEndpoint, type EcrEndpoint } from '../../env/ecr-endpoint.js';
import { resolveCredentials, type CredentialContext, type CredentialRequest } from '../../../src/credentials/index.js';
import { UserError } from '../../../src/errors.js';
import { makeRegistry } from './registry.js';

let ecr: EcrEndpoint;
beforeAll(async () => {
  ecr = await startEcrEndpoint({
    AKIAPRIMARY: { secretAccessKey: 'primary/secret+key', account: '111122223333', password: 'ecr-pass-primary' },
    ASIATEMP: {
      secretAccessKey: 'temp-secret',
      sessionToken: 'session-token-xyz',
      account: '444455556666',
      password: 'ecr-pass-temp',
    },
  });
});
afterAll(() => ecr.close());

function context() {
  const masked: string[] = [];
  const ctx: CredentialContext = {
    key: async () => {
      throw new UserError('no key in this test');
    },
    mask: (s) => masked.push(s),
  };
  return { ctx, masked };
}

function request(
  name: string,
  domain: string,
  aws: CredentialRequest['spec'] & object = { aws: {} },
  env: Record<string, string> = {},
): CredentialRequest {
  return {
    registry: makeRegistry({ name, provider: 'ecr', domain }),
    spec: aws,
    env: { AWS_ENDPOINT_URL_ECR: ecr.url, ...env },
  };
}

const primaryEnv = { AWS_ACCESS_KEY_ID: 'AKIAPRIMARY', AWS_SECRET_ACCESS_KEY: 'primary/secret+key' };

describe('ECR tokens through the AWS SDK', () => {
  it('logs in to several registries of one region with one signed call per region', async () => {
    const before = ecr.calls.length;
    const { ctx, masked } = context();
    const creds = await resolveCredentials(
      [
        request('prod', '111122223333.dkr.ecr.us-east-1.amazonaws.com', { aws: {} }, primaryEnv),
        request('shared', '999988887777.dkr.ecr.us-east-1.amazonaws.com', { aws: {} }, primaryEnv),
        request('eu', '111122223333.dkr.ecr.eu-west-1.amazonaws.com', { aws: {} }, primaryEnv),
      ],
      ctx,
    );
    const calls = ecr.calls.slice(before);
    expect(calls.map((c) => [c.region, c.accessKeyId, c.status]).sort()).toEqual([
      ['eu-west-1', 'AKIAPRIMARY', 200],
      ['us-east-1', 'AKIAPRIMARY', 200],
    ]);
    expect(calls.every((c) => c.target === 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken')).toBe(true);
    for (const name of ['prod', 'shared', 'eu']) {
      expect(creds.get(name)).toMatchObject({ username: 'AWS', password: 'ecr-pass-primary' });
    }
    expect(creds.get('eu')?.source).toBe('ECR token (eu-west-1)');
    expect(masked).toContain('primary/secret+key');
    expect(masked).toContain('ecr-pass-primary');
    expect(masked).toContain(Buffer.from('AWS:ecr-pass-primary').toString('base64'));
  });

  it('takes keys and session token from the credentials block over the environment', async () => {
    const before = ecr.calls.length;
    const { ctx, masked } = context();
    const spec = {
      aws: { access_key_id: 'ASIATEMP', secret_access_key: 'temp-secret', session_token: 'session-token-xyz' },
    };
    const creds = await resolveCredentials(
      [request('t', '444455556666.dkr.ecr.ap-south-1.amazonaws.com', spec, primaryEnv)],
      ctx,
    );
    expect(creds.get('t')).toMatchObject({ username: 'AWS', password: 'ecr-pass-temp' });
    expect(ecr.calls.slice(before).map((c) => [c.accessKeyId, c.region])).toEqual([['ASIATEMP', 'ap-south-1']]);
    expect(masked).toEqual(expect.arrayContaining(['temp-secret', 'session-token-xyz']));
  });

  it('uses credentials.aws.region for a domain that does not name one', async () => {
    const { ctx } = context();
    const creds = await resolveCredentials(
      [request('proxy', 'ecr-proxy.example.com', { aws: { region: 'sa-east-1' } }, primaryEnv)],
      ctx,
    );
    expect(creds.get('proxy')?.password).toBe('ecr-pass-primary');
    expect(ecr.calls.at(-1)?.region).toBe('sa-east-1');
  });

  it('fails with one line naming the registry, not the secret, when AWS rejects the signature', async () => {
    const { ctx } = context();
    const env = { AWS_ACCESS_KEY_ID: 'AKIAPRIMARY', AWS_SECRET_ACCESS_KEY: 'wrong-secret-value' };
    const err = await resolveCredentials(
      [request('prod', '111122223333.dkr.ecr.us-east-1.amazonaws.com', { aws: {} }, env)],
      ctx,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(
      /^registry prod: ECR GetAuthorizationToken in us-east-1 failed: InvalidSignatureException/,
    );
    expect(err.message).not.toContain('wrong-secret-value');
    expect(ecr.calls.at(-1)?.status).toBe(403);
  });

  it('reports unknown keys and a missing half of a key pair', async () => {
    const { ctx } = context();
    const unknown = { AWS_ACCESS_KEY_ID: 'AKIANOBODY', AWS_SECRET_ACCESS_KEY: 'x' };
    await expect(
      resolveCredentials([request('p', '111122223333.dkr.ecr.us-east-1.amazonaws.com', { aws: {} }, unknown)], ctx),
    ).rejects.toThrow(/registry p: .*UnrecognizedClientException/);
    await expect(
      resolveCredentials(
        [
          request(
            'p',
            '111122223333.dkr.ecr.us-east-1.amazonaws.com',
            { aws: {} },
            { AWS_ACCESS_KEY_ID: 'AKIAPRIMARY' },
          ),
        ],
        ctx,
      ),
    ).rejects.toThrow('registry p: the AWS secret access key (AWS_SECRET_ACCESS_KEY) is missing; set both or neither');
  });

  it('refuses a region that differs from the domain, and a domain without one', async () => {
    const { ctx } = context();
    await expect(
      resolveCredentials(
        [request('p', '111122223333.dkr.ecr.us-east-1.amazonaws.com', { aws: { region: 'eu-west-1' } })],
        ctx,
      ),
    ).rejects.toThrow(
      /credentials\.aws\.region eu-west-1 differs from the region of 111122223333\.dkr\.ecr\.us-east-1\.amazonaws\.com \(us-east-1\)/,
    );
    await expect(resolveCredentials([request('p', 'ecr-proxy.example.com')], ctx)).rejects.toThrow(
      /is not an ECR domain .*set credentials\.aws\.region/,
    );
  });

  it('names the registry when the endpoint cannot be reached', async () => {
    const { ctx } = context();
    const req = request(
      'prod',
      '111122223333.dkr.ecr.us-east-1.amazonaws.com',
      { aws: {} },
      { ...primaryEnv, AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:9' },
    );
    await expect(resolveCredentials([req], ctx)).rejects.toThrow(
      /^registry prod: ECR GetAuthorizationToken in us-east-1 failed: .*ECONNREFUSED/,
    );
  });
});
