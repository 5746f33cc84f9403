// Running the docker client: secrets in its output are replaced even when split between
// two reads, workflow commands are switched off around streamed output, reasons are picked.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { dockerReason, runDocker } from '../../../src/docker/cli.js';
import { pushFailure } from '../../../src/docker/push.js';
import { tempDir } from '../../env/processes.js';

const dir = tempDir('cli');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in client printing "RUN echo s3cr" then, after a pause, "et-value" on stdout, and a line on stderr. */
const client = join(dir, 'docker');
writeFileSync(
  client,
  '#!/bin/sh\nprintf "#5 RUN echo s3cr"\nsleep 0.2\nprintf "et-value done\\n"\necho "::error::from the build" \necho "warn: s3cret-value" >&2\nexit 3\n',
);
chmodSync(client, 0o755);

describe('runDocker', () => {
  it('replaces secrets in what it prints and returns, and fences the output off from workflow commands', async () => {
    const written: string[] = [];
    const spy = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    let r;
    try {
      r = await runDocker({ client, args: [], stream: true, redact: ['s3cret-value'] });
    } finally {
      spy.mockRestore();
    }
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('#5 RUN echo *** done\n::error::from the build\n');
    expect(r.stderr).toBe('warn: ***\n');
    const log = written.join('');
    expect(log).not.toContain('s3cret-value');
    const token = /^::stop-commands::(\S+)\n/.exec(log)?.[1];
    expect(token).toBeDefined();
    expect(log.endsWith(`::${token}::\n`)).toBe(true);
  });

  it('replaces a secret whose multi-byte character is split between two writes', async () => {
    // "pässwörd" in UTF-8: the first write ends inside the two bytes of "ä".
    const secret = 'pässwörd-ünïcode';
    const bytes = Buffer.from(`token ${secret} end\n`);
    const cut = bytes.indexOf(Buffer.from('ä')) + 1;
    const script = [
      `const b = Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64');`,
      `process.stdout.write(b.subarray(0, ${cut}));`,
      `setTimeout(() => process.stdout.write(b.subarray(${cut})), 200);`,
    ].join('');
    const written: string[] = [];
    const spy = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    let r;
    try {
      r = await runDocker({ client: process.execPath, args: ['-e', script], stream: true, redact: [secret] });
    } finally {
      spy.mockRestore();
    }
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('token *** end\n');
    expect(written.join('')).not.toContain('ünïcode');
    expect(written.join('')).not.toContain('\ufffd');
  });

  it('says when the client is missing', async () => {
    await expect(runDocker({ client: join(dir, 'nope'), args: [] })).rejects.toThrow(
      /docker client .*nope was not found/,
    );
  });
});

describe('failure lines', () => {
  it("picks the daemon's reason", () => {
    expect(
      dockerReason({
        stdout: '',
        stderr: 'Error response from daemon: manifest for x:1 not found: manifest unknown\n',
      }),
    ).toBe('manifest for x:1 not found: manifest unknown');
  });
  it('tells a refused push from a failed one', () => {
    expect(pushFailure('r.example/a/b:1', 'denied: requested access to the resource is denied', 'reader').message).toBe(
      'push of r.example/a/b:1 was denied: denied: requested access to the resource is denied — check that reader may push to r.example/a/b',
    );
    expect(pushFailure('r.example/a/b:1', 'connection refused').message).toBe(
      'push of r.example/a/b:1 failed: connection refused',
    );
  });
});
