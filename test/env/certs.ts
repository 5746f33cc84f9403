/**
 * A self-signed certificate for test servers under names that do not resolve, made
 * with openssl. A client trusts it through NODE_EXTRA_CA_CERTS=cert.certPath (read when
 * a Node process starts, so it works for the actions and the CLI the tests spawn).
 *
 *   const cert = await makeCert(['registry.regkit.invalid']);
 *   cert.certPath; cert.keyPath; cert.cert (PEM)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk, tempDir } from './processes.js';

export interface TestCert {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

export async function makeCert(names: string[]): Promise<TestCert> {
  const dir = tempDir('cert');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const san = [...names.map((n) => `DNS:${n}`), 'IP:127.0.0.1'].join(',');
  await runOk('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${names[0] ?? 'regkit-test'}`,
    '-addext',
    `subjectAltName=${san}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  return { certPath, keyPath, cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}
