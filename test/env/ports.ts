/**
 * Free TCP ports on 127.0.0.1.
 *
 *   const port = await freePort();
 *
 * Listens on port 0, reads the port the kernel chose, closes. Another process can
 * take it before ours binds, so servers that bind it retry on "address in use"
 * (startRegistry does).
 */
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
