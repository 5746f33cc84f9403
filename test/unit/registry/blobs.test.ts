import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openBlob, BlobMismatchError } from '../../../src/registry/blobs.js';
import { RegistrySession } from '../../../src/registry/auth.js';
import { readRepository } from '../../../src/registry/repository.js';
import { Transport } from '../../../src/registry/transport.js';
import { tinyServer, type TinyServer } from './servers.js';

const servers: TinyServer[] = [];
const transports: Transport[] = [];
afterEach(async () => {
  transports.splice(0).forEach((t) => t.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const data = Buffer.from('the real blob contents');
const digest = 'sha256:' + createHash('sha256').update(data).digest('hex');

async function registryServing(body: Buffer) {
  const s = await tinyServer((req, res) => {
    if (req.url === '/v2/') return res.writeHead(200).end();
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  servers.push(s);
  const transport = new Transport({ retryBaseMs: 1 });
  transports.push(transport);
  return readRepository(new RegistrySession({ domain: s.host }, undefined, { transport }), 'team/app');
}

async function read(body: Buffer): Promise<Buffer> {
  const stream = await openBlob(await registryServing(body), { mediaType: 'x', digest, size: data.length });
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('openBlob', () => {
  it('passes the bytes through when they match the descriptor', async () => {
    expect(await read(data)).toEqual(data);
  });

  it('fails on other bytes, more bytes or fewer bytes', async () => {
    const other = Buffer.from('the fake blob contents');
    const wrong = await read(other).catch((e) => e);
    expect(wrong).toBeInstanceOf(BlobMismatchError);
    expect(wrong.message).toContain(
      `blob ${digest} arrived with digest sha256:${createHash('sha256').update(other).digest('hex')}`,
    );
    const longer = await read(Buffer.concat([data, Buffer.from('!')])).catch((e) => e);
    expect(longer.message).toContain(`blob ${digest} is longer than its ${data.length} bytes`);
    const shorter = await read(data.subarray(0, 5)).catch((e) => e);
    expect(shorter.message).toContain(`blob ${digest} ended after 5 of ${data.length} bytes`);
  });
});
