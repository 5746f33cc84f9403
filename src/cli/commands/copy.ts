/**
 * regkit copy SRC DST: registry to registry without a daemon, credentials from
 * the Docker config (what `regkit login` or `docker login` wrote).
 */
import { parse } from '../usage.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: [
    'usage: regkit copy SRC DST [--platform os/arch[/variant]]...',
    '',
    'Copies an image between registries without a Docker daemon: every platform of',
    'an index unless --platform names some. Credentials come from the Docker config',
    '($DOCKER_CONFIG/config.json, else ~/.docker/config.json). Loopback registries',
    'are spoken to over plain http. Prints DST@digest.',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, { platform: { type: 'string', multiple: true } }, { min: 2, max: 2 });
    const { copyRefs, defaultTransport, describeStats, parsePlatform, Sessions } = await import('../../registry/index.js');
    const { formatRef, parseImageRef, withDefaultTag } = await import('../../naming/index.js');
    const source = parseImageRef(positionals[0]);
    const target = withDefaultTag(parseImageRef(positionals[1]));
    const platforms = (values.platform ?? []).flatMap((p) => p.split(',')).filter(Boolean).map(parsePlatform);
    try {
      const result = await copyRefs(source, [target], new Sessions(), { platforms });
      const what = result.platforms.length ? ` (${result.platforms.join(', ')})` : '';
      const how = result.upToDate.length ? 'already up to date' : describeStats(result.stats);
      process.stderr.write(`copied ${formatRef(source)} to ${formatRef(target)}${what}: ${how}\n`);
      process.stdout.write(`${formatRef({ ...target, tag: undefined })}@${result.digest}\n`);
    } finally {
      defaultTransport().close();
    }
  },
};
