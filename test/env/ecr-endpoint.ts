/**
 * A local Amazon ECR API endpoint for tests: answers GetAuthorizationToken in
 * the AWS JSON 1.1 protocol and checks each request's SigV4 signature against
 * the keys it knows, so a test proves that the real AWS SDK client sent the
 * credentials regkit chose. Reach it by giving the SDK its URL as the endpoint
 * (AWS_ENDPOINT_URL_ECR). With `{ tls: makeCert([...]) }` it serves https.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createHash, createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface EcrUser {
  secretAccessKey: string;
  sessionToken?: string;
  /** The account the principal belongs to: names the proxyEndpoint of its tokens. */
  account: string;
  /** The registry password its tokens carry (so a test can hand it to a real registry). */
  password: string;
}

export interface EcrCall {
  target: string;
  accessKeyId: string;
  region: string;
  body: unknown;
  status: number;
}

export interface EcrEndpoint {
  url: string;
  /** Every request received, in order. */
  calls: EcrCall[];
  close(): Promise<void>;
}

const TARGET = 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

function parseAuthorization(header: string | undefined) {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      header ?? '',
    );
  return m
    ? { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] }
    : undefined;
}

/** SigV4 (docs.aws.amazon.com "Create a signed AWS API request"), recomputed from what arrived. */
function expectedSignature(
  req: IncomingMessage,
  body: Buffer,
  auth: NonNullable<ReturnType<typeof parseAuthorization>>,
  secret: string,
): string {
  const url = new URL(req.url ?? '/', 'http://x');
  const headers = auth.signedHeaders
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonical = [req.method, url.pathname, query, headers, auth.signedHeaders.join(';'), sha256(body)].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${secret}`, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

function send(res: ServerResponse, status: number, doc: unknown, errorType?: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  res.writeHead(status, headers).end(JSON.stringify(doc));
}

export async function startEcrEndpoint(
  users: Record<string, EcrUser>,
  opts: { tls?: { cert: string; key: string } } = {},
): Promise<EcrEndpoint> {
  const calls: EcrCall[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = parseAuthorization(req.headers.authorization);
      const target = String(req.headers['x-amz-target'] ?? '');
      const call: EcrCall = {
        target,
        accessKeyId: auth?.accessKeyId ?? '',
        region: auth?.region ?? '',
        body: undefined,
        status: 0,
      };
      calls.push(call);
      const fail = (status: number, type: string, message: string) => {
        call.status = status;
        send(res, status, { __type: type, message }, type);
      };
      try {
        call.body = JSON.parse(body.toString('utf8') || '{}');
      } catch {
        return fail(400, 'SerializationException', 'body is not JSON');
      }
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/x-amz-json-1.1')
        return fail(400, 'SerializationException', 'expected a POST of application/x-amz-json-1.1');
      if (target !== TARGET) return fail(400, 'UnknownOperationException', `unknown operation ${target}`);
      const user = auth ? users[auth.accessKeyId] : undefined;
      if (!auth || !user || auth.service !== 'ecr')
        return fail(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      if (user.sessionToken !== undefined && req.headers['x-amz-security-token'] !== user.sessionToken) {
        return fail(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      }
      if (expectedSignature(req, body, auth, user.secretAccessKey) !== auth.signature) {
        return fail(
          403,
          'InvalidSignatureException',
          'The request signature we calculated does not match the signature you provided.',
        );
      }
      call.status = 200;
      send(res, 200, {
        authorizationData: [
          {
            authorizationToken: Buffer.from(`AWS:${user.password}`).toString('base64'),
            expiresAt: Math.floor(Date.now() / 1000) + 12 * 3600,
            proxyEndpoint: `https://${user.account}.dkr.ecr.${auth.region}.amazonaws.com`,
          },
        ],
      });
    });
  };
  const server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, handler)
    : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
