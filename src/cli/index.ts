#!/usr/bin/env node
/**
 * regkit command line. Commands are loaded on demand so that `regkit render`
 * does not pay for the registry client or zod.
 */
import { oneLine, UserError } from '../errors.js';
import { UsageError, type Command } from './usage.js';

const commands: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  encrypt: { summary: 'encrypt a file with the AES key', load: () => import('./commands/encrypt.js') },
  decrypt: { summary: 'decrypt a regkit or jet file', load: () => import('./commands/decrypt.js') },
  generate: { summary: 'write a new AES key file', load: () => import('./commands/generate.js') },
  validate: { summary: 'check a registries file', load: () => import('./commands/validate.js') },
  login: { summary: 'log in to the registries of a registries file', load: () => import('./commands/login.js') },
  render: { summary: 'render Go-template image tags', load: () => import('./commands/render.js') },
  images: {
    summary: 'list the images of the registries with their branch and commit',
    load: () => import('./commands/images.js'),
  },
  copy: { summary: 'copy an image between registries without a daemon', load: () => import('./commands/copy.js') },
  merge: { summary: 'merge per-platform images into one index', load: () => import('./commands/merge.js') },
  migrate: { summary: 'turn Codeship Pro files into a GitHub workflow', load: () => import('./commands/migrate.js') },
};

function topUsage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: regkit <command> [options]',
    '       regkit --version',
    '',
    'commands:',
    ...lines,
    '',
    "run 'regkit <command> --help' for a command's options",
  ].join('\n');
}

/** The version of the package this file came in: package.json two folders up from dist/cli/. */
async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${pkg.name} ${pkg.version}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`${await version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(topUsage() + '\n');
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`regkit: unknown command "${name}"\n${topUsage()}\n`);
    return 2;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`regkit ${name}: ${err.message}\n${command.usage}\n`);
      return 2;
    }
    if (err instanceof UserError) {
      process.stderr.write(`regkit ${name}: ${oneLine(err)}\n`);
      return 1;
    }
    process.stderr.write(`regkit ${name}: internal error: ${oneLine(err)} (please report this)\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
