/**
 * The root action: log in to every registry of the registries file, and put the
 * Docker config back in the post step.
 */
import { runAction } from './entry.js';
import { appendSummary, getBoolean, getInput, getList, info, setOutput, setSecret, summaryTable, warning } from './runner.js';
import * as state from './login-state.js';
import { logIn, type LoginResult } from '../credentials/login.js';
import { dockerConfigDir } from '../docker/config.js';
import { restoreSnapshot } from '../docker/snapshot.js';
import { defaultTransport } from '../registry/transport.js';

async function main(): Promise<void> {
  const aesKey = getInput('aes-key');
  setSecret(aesKey);
  state.setLogout(getBoolean('logout', true));
  try {
    const result = await logIn({
      config: getInput('config') || '.github/registries.yml',
      registries: getList('registries', { commas: true }),
      registryContexts: getList('registry-contexts', { commas: true }),
      verify: getBoolean('verify', true),
      env: process.env,
      key: { input: aesKey },
      dockerConfigDir: dockerConfigDir(),
      mask: setSecret,
      onSnapshot: state.setSnapshot,
    });
    report(result);
  } finally {
    defaultTransport().close();
  }
}

function report(result: LoginResult): void {
  for (const l of result.logins) info(`Logged in to ${l.domain} as ${l.username} (${l.name}, ${l.source}${l.verified ? ', verified' : ''})`);
  for (const n of result.notLoggedIn) info(`Not logged in to ${n.domain} with ${n.name}: ${n.reason}`);
  setOutput('registries', JSON.stringify(result.logins.map(({ name, domain, username }) => ({ name, domain, username }))));
  setOutput('docker-config', result.configDir);
  const rows = result.logins.map((l) => [l.name, l.domain, l.username, l.source, l.verified ? '✅ yes' : 'no (verify: false)']);
  for (const n of result.notLoggedIn) rows.push([n.name, n.domain, '—', `not logged in: ${n.reason}`, '—']);
  appendSummary(`### Registry logins\n\n${summaryTable(['Registry', 'Domain', 'User', 'Credentials', 'Verified'], rows)}`);
}

async function post(): Promise<void> {
  const snapshot = state.snapshot();
  if (!state.logout || !snapshot) return;
  const result = restoreSnapshot(snapshot);
  if (result === 'entries-removed') warning(`${snapshot.file} was changed by a later step; removed only the logins regkit added`);
  else if (result === 'restored') info(`Put ${snapshot.file} back as it was before the login`);
}

// Not awaited at the top level, so the bundle can also be built as CommonJS.
void runAction(main, post);
