import { DEFAULT_KEY_PATH, KEY_ENV } from '../../crypto/index.js';
import { UserError } from '../../errors.js';
import { defaultConfigPath } from '../../registries-file/index.js';
import { logIn } from '../../credentials/index.js';
import { dockerConfigDir } from '../../docker/config.js';
import { defaultTransport } from '../../registry/index.js';
import { allowPathsOutsideWorkspace } from '../../workspace.js';
import { parse, type Command } from '../usage.js';

const list = (v: string[] | undefined) =>
  (v ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);

export const command: Command = {
  usage: [
    'usage: regkit login [--config FILE] [--registry NAME]... [--registry-context NAME]... [--aes-key-env NAME] [--key-path P] [--no-verify]',
    '',
    'Logs in to the registries of a registries file the way the login action does, writing',
    'the credentials into the Docker config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json).',
    'Unlike the action there is no post step: the logins stay until you `docker logout`.',
    '',
    'options:',
    `  --config FILE             registries file (default ${defaultConfigPath})`,
    '  --registry NAME           log in to this registry only (repeat, or comma separated; default all)',
    "  --registry-context NAME   use this registry's account for its domain instead of the primary",
    `  --aes-key-env NAME        read the AES key from environment variable NAME (default ${KEY_ENV})`,
    `  --key-path P              key file (default ${DEFAULT_KEY_PATH}), used when the variable is unset`,
    '  --no-verify               write the logins without checking them against the registries',
    '  --allow-outside-repo      let the registries file name files outside the current folder',
  ].join('\n'),
  async run(argv) {
    const { values } = parse(
      argv,
      {
        config: { type: 'string' },
        registry: { type: 'string', multiple: true },
        'registry-context': { type: 'string', multiple: true },
        'aes-key-env': { type: 'string' },
        'key-path': { type: 'string' },
        'no-verify': { type: 'boolean' },
        'allow-outside-repo': { type: 'boolean' },
      },
      { min: 0, max: 0 },
    );
    if (values['allow-outside-repo']) allowPathsOutsideWorkspace();
    const keyEnv = values['aes-key-env'];
    if (keyEnv !== undefined && !(keyEnv in process.env))
      throw new UserError(`--aes-key-env ${keyEnv}: the environment variable ${keyEnv} is not set`);
    try {
      const result = await logIn({
        config: values.config ?? defaultConfigPath,
        registries: list(values.registry),
        registryContexts: list(values['registry-context']),
        verify: !values['no-verify'],
        env: process.env,
        key: {
          env: keyEnv ? { [KEY_ENV]: process.env[keyEnv] } : process.env,
          keyPath: values['key-path'],
          keyPathExplicit: values['key-path'] !== undefined,
        },
        dockerConfigDir: dockerConfigDir(),
        mask: () => {}, // nothing here prints a secret, and a terminal has no log masking
        idToken: async (audience) => (await import('@actions/core')).getIDToken(audience), // in a workflow's run step
        log: (line) => process.stderr.write(`regkit login: ${line}\n`),
        warn: (message) => process.stderr.write(`regkit login: warning: ${message}\n`),
      });
      const out = result.logins.map(
        (l) => `logged in to ${l.domain} as ${l.username} (${l.name}, ${l.source}${l.verified ? ', verified' : ''})`,
      );
      for (const n of result.notLoggedIn) out.push(`not logged in to ${n.domain} with ${n.name}: ${n.reason}`);
      out.push(`wrote ${result.configDir}/config.json`);
      process.stdout.write(out.join('\n') + '\n');
    } finally {
      defaultTransport().close();
    }
  },
};
