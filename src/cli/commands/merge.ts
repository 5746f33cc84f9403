/**
 * regkit merge TARGET SOURCE...: one multi-platform index from per-platform
 * images (each pushed by its own runner), platforms read from the images.
 */
import { UsageError, parse } from '../usage.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: [
    'usage: regkit merge TARGET SOURCE... [--tag TAG]...',
    '',
    'Builds an OCI image index (a Docker manifest list when every image is a Docker',
    'manifest) from single-platform images given by digest (REPO@sha256:...), reading',
    "each image's platform from its config, and pushes it as TARGET (REPO:TAG) and",
    'under every --tag. Images elsewhere on the same registry are mounted, not copied.',
    'Credentials come from the Docker config. Prints TARGET@digest.',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, { tag: { type: 'string', multiple: true } }, { min: 2, max: Infinity });
    const reg = await import('../../registry/index.js');
    const names = await import('../../naming/index.js');
    const target = names.parseImageRef(positionals[0]);
    if (target.digest) throw new UsageError(`TARGET ${positionals[0]} must name a tag, not a digest`);
    const tags = [...new Set([target.tag ?? 'latest', ...(values.tag ?? [])])];
    for (const t of tags) names.withTag(target, t);
    const sessions = new reg.Sessions();
    try {
      const sources = positionals.slice(1).map((text) => names.parseImageRef(text));
      const result = await reg.mergeRefs(sources, target, tags, sessions);
      process.stderr.write(
        `merged ${sources.length} images (${result.platforms.join(', ')}) into ${result.refs.join(', ')}: ${reg.describeStats(result.stats)}\n`,
      );
      process.stdout.write(`${names.formatRef({ domain: target.domain, path: target.path })}@${result.digest}\n`);
    } finally {
      reg.defaultTransport().close();
    }
  },
};
