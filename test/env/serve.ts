/**
 * Runs one test registry by hand, for debugging, until Ctrl-C:
 *
 *   npx ncc build test/env/serve.ts -o /tmp/regkit-serve -q     # bundle once (node 20 runs no .ts)
 *   node /tmp/regkit-serve/index.js token                         # or: none | htpasswd
 *   REGKIT_SERVE_USERS=alice:a-pass,reader:r-pass REGKIT_SERVE_READONLY=reader node /tmp/regkit-serve/index.js token
 *
 * Prints the registry's address, config file, log file, users and ready-to-paste
 * curl / docker commands; Ctrl-C stops the registry (and token server) by PID.
 */
import { readFileSync, rmSync } from 'node:fs';
import { startRegistry, type RegistryAuth } from './registry.js';
import { stateDir } from './processes.js';

const auth = (process.argv[2] ?? 'htpasswd') as RegistryAuth;
if (!['none', 'htpasswd', 'token'].includes(auth)) {
  console.error('usage: serve.ts none|htpasswd|token');
  process.exit(2);
}
const users = Object.fromEntries(
  (process.env.REGKIT_SERVE_USERS ?? 'alice:a-pass').split(',').map((pair) => {
    const i = pair.indexOf(':');
    return [pair.slice(0, i), pair.slice(i + 1)];
  }),
);
const readonly = (process.env.REGKIT_SERVE_READONLY ?? '').split(',').filter(Boolean);
const reg = await startRegistry({
  auth,
  users,
  access: Object.fromEntries(readonly.map((u) => [u, [{ repo: '*', actions: ['pull'] }]])),
});
const [user, pass] = Object.entries(users)[0] ?? [];
console.log(`registry   ${reg.url}   (auth: ${auth}, PID ${reg.process.pid})`);
console.log(`config     ${reg.configPath}`);
console.log(`log        ${reg.logFile}`);
if (auth !== 'none')
  console.log(
    `users      ${Object.entries(users)
      .map(([u, p]) => `${u}:${p}`)
      .join(' ')}${readonly.length ? ` (pull only: ${readonly.join(' ')})` : ''}`,
  );
if (reg.tokenServer)
  console.log(
    `token      ${reg.tokenServer.realm}?service=${reg.tokenServer.service}&scope=repository:team/app:pull,push`,
  );
console.log('\n' + readFileSync(reg.configPath, 'utf8'));
console.log('try:');
console.log(`  curl -si ${reg.url}/v2/`);
if (auth === 'htpasswd') console.log(`  curl -si -u ${user}:${pass} ${reg.url}/v2/_catalog`);
if (reg.tokenServer) {
  console.log(
    `  TOKEN=$(curl -s -u ${user}:${pass} '${reg.tokenServer.realm}?service=${reg.tokenServer.service}&scope=registry:catalog:*' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')`,
  );
  console.log(`  curl -si -H "Authorization: Bearer $TOKEN" ${reg.url}/v2/_catalog`);
}
console.log('Ctrl-C to stop.');

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await reg.stop();
  rmSync(stateDir(), { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
