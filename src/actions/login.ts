/**
 * The root action: log in to every registry of the registries file, and put the
 * Docker config back in the post step.
 */
import * as core from '@actions/core';
import { runAction } from './entry.js';
import { booleanInput, input, listInput } from './inputs.js';
import { actionLog, summaryTable, writeSummary } from './report.js';
import * as state from './login-state.js';
import { logIn, type LoginResult, registriesFromInputs } from '../credentials/index.js';
import { dockerConfigDir } from '../docker/config.js';
import { restoreSnapshot } from '../docker/snapshot.js';
import { defaultConfigPath } from '../registries-file/index.js';
import { defaultTransport } from '../registry/index.js';

async function main(): Promise<void> {
  const aesKey = input('aes-key');
  core.setSecret(aesKey);
  state.setLogout(booleanInput('logout', true));
  try {
    const inputs = {
      registry: input('registry'),
      username: input('username'),
      password: input('password'),
      ecr: input('ecr'),
      registryAuth: input('registry-auth'),
    };
    const result = await logIn({
      config: input('config') || defaultConfigPath,
      registriesFile: registriesFromInputs(inputs, core.setSecret),
      registries: listInput('registries', { commas: true }),
      registryContexts: listInput('registry-contexts', { commas: true }),
      verify: booleanInput('verify', true),
      env: process.env,
      key: { input: aesKey },
      dockerConfigDir: dockerConfigDir(),
      mask: core.setSecret,
      idToken: core.getIDToken,
      log: core.info,
      warn: actionLog.warning,
      onSnapshot: state.setSnapshot,
    });
    await report(result);
  } finally {
    defaultTransport().close();
  }
}

async function report(result: LoginResult): Promise<void> {
  for (const l of result.logins)
    core.info(`Logged in to ${l.domain} as ${l.username} (${l.name}, ${l.source}${l.verified ? ', verified' : ''})`);
  for (const n of result.notLoggedIn) core.info(`Not logged in to ${n.domain} with ${n.name}: ${n.reason}`);
  core.setOutput(
    'registries',
    JSON.stringify(result.logins.map(({ name, domain, username }) => ({ name, domain, username }))),
  );
  core.setOutput('docker-config', result.configDir);
  const rows = result.logins.map((l) => [
    l.name,
    l.domain,
    l.username,
    l.source,
    l.verified ? '✅ yes' : 'no (verify: false)',
  ]);
  for (const n of result.notLoggedIn) rows.push([n.name, n.domain, '—', `not logged in: ${n.reason}`, '—']);
  await writeSummary('Registry logins', summaryTable(['Registry', 'Domain', 'User', 'Credentials', 'Verified'], rows));
}

async function post(): Promise<void> {
  const snapshot = state.snapshot();
  try {
    if (!state.logout || !snapshot) return;
    const result = restoreSnapshot(snapshot);
    if (result === 'entries-removed')
      core.warning(`${snapshot.file} was changed by a later step; removed only the logins regkit added`);
    else if (result === 'restored') core.info(`Put ${snapshot.file} back as it was before the login`);
  } finally {
    state.removeSnapshot();
  }
}

void runAction(main, post);
