/**
 * regkit copy SRC DST: registry to registry without a daemon, credentials from
 * the Docker config (what `regkit login` or `docker login` wrote).
 */
import { parse, UsageError } from '../usage.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: [
    'usage: regkit copy SRC DST [--tag TAG]... [--platform os/arch[/variant]]... [--no-attachments] [--quiet]',
    '',
    'Copies an image between registries without a Docker daemon: every platform of',
    'an index unless --platform names some, with its signatures, attestations and SBOMs',
    '(cosign tags and OCI referrers) unless --no-attachments. Credentials come from the',
    'Docker config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json). Loopback',
    'registries are spoken to over plain http. Prints DST@digest.',
    '',
    'SRC may pick an image by what it is instead of by tag (quote it for the shell):',
    "  'ghcr.io/acme/app?branch=main&newest'     the newest image built from main",
    "  'ghcr.io/acme/app?revision=3f2c1a9'       the image built from that commit",
    '  keys: branch, tag, base, revision, since, tagged; newest picks the newest of several',
    '',
    'options:',
    "  --tag TAG              also write DST's repository under TAG (repeat)",
    '  --platform P           copy only these platforms (repeat, or comma separated)',
    '  --no-attachments       leave signatures, attestations and SBOMs behind',
    '  --quiet                no progress on stderr',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        platform: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        'no-attachments': { type: 'boolean' },
        quiet: { type: 'boolean' },
      },
      { min: 2, max: 2 },
    );
    const { copyRefs, CopyProgress, defaultTransport, describeAttachment, describeStats, parsePlatform, Sessions } =
      await import('../../registry/index.js');
    const { formatRef, parseImageRef, withDefaultTag, withTag } = await import('../../naming/index.js');
    const sessions = new Sessions();
    const platforms = (values.platform ?? [])
      .flatMap((p) => p.split(','))
      .filter(Boolean)
      .map(parsePlatform);
    const extra = (values.tag ?? [])
      .flatMap((t) => t.split(','))
      .map((t) => t.trim())
      .filter(Boolean);
    const dst = parseImageRef(positionals[1]);
    if (dst.digest) throw new UsageError(`DST ${positionals[1]} has a digest; give DST by tag`);
    const targets = [
      ...(dst.tag !== undefined || !extra.length ? [withDefaultTag(dst)] : []),
      ...extra.map((t) => withTag(dst, t)),
    ];
    const say = (line: string) => values.quiet || process.stderr.write(line + '\n');
    try {
      let source;
      // The listing (and what it loads) only when SRC is a query: a plain copy starts faster without it.
      const images = positionals[0].includes('?') ? await import('../../images/index.js') : undefined;
      const query = images?.parseQuery(positionals[0], 'SRC');
      if (images && query) {
        const { resolveQuery, describeChoice } = images;
        const named = parseImageRef(query.name);
        const row = await resolveQuery(query, { name: named.domain, domain: named.domain }, named.path, sessions);
        say(`picked ${describeChoice(row)}`);
        source = { ...named, tag: undefined, digest: row.digest };
      } else source = parseImageRef(positionals[0]);
      const progress = new CopyProgress(process.stderr, { quiet: values.quiet });
      const result = await copyRefs(source, targets, sessions, {
        platforms,
        attachments: !values['no-attachments'],
        onBlob: progress.onBlob,
      });
      progress.finish();
      const what = result.platforms.length ? ` (${result.platforms.join(', ')})` : '';
      const how = result.upToDate.length === targets.length ? 'already up to date' : describeStats(result.stats);
      say(`copied ${formatRef(source)} to ${targets.map(formatRef).join(', ')}${what}: ${how}`);
      if (result.attached.length) say(`with ${result.attached.map(describeAttachment).join(', ')}`);
      process.stdout.write(`${formatRef({ ...dst, tag: undefined })}@${result.digest}\n`);
    } finally {
      defaultTransport().close();
    }
  },
};
