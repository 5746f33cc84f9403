/** The promote action: copy an image (or merge per-platform images) registry to registry, no daemon. */
import * as core from '@actions/core';
import { runAction } from './entry.js';
import { input, listInput } from './inputs.js';
import { summaryTable, writeSummary } from './report.js';
import { runPromote } from '../promote/promote.js';
import { defaultConfigPath } from '../registries-file/index.js';
import { bytesAvoided, defaultTransport, describeStats, formatBytes } from '../registry/index.js';

void runAction(async () => {
  const aesKey = input('aes-key');
  core.setSecret(aesKey);
  try {
    const r = await runPromote({
      mode: input('mode'),
      source: input('source'),
      sources: listInput('sources'),
      registry: input('registry'),
      imageName: input('image-name'),
      tags: input('tags', { required: true }),
      platforms: listInput('platforms', { commas: true }),
      config: input('config') || defaultConfigPath,
      aesKey,
      env: process.env,
      mask: core.setSecret,
    });
    const verb = r.mode === 'merge' ? 'Merged' : 'Promoted';
    core.info(`${verb} ${r.sources.join(', ')} to ${r.refs.join(', ')} (${r.digest}): ${r.upToDate.length === r.refs.length ? 'already up to date' : describeStats(r.stats)}`);
    core.setOutput('refs', r.refs.join('\n'));
    core.setOutput('digest', r.digest);
    const rows = [
      [r.mode === 'merge' ? 'Sources' : 'Source', r.sources.join('<br>')],
      ['Targets', r.refs.map((ref) => (r.upToDate.includes(ref) ? `${ref} (already there)` : ref)).join('<br>')],
      ['Registry', `${r.target.name} (${r.target.domain})`],
      ['Digest', `\`${r.digest}\``],
      ['Platforms', r.platforms.join(', ') || 'single image'],
      ['Bytes copied', `${formatBytes(r.stats.bytesCopied)} (${r.stats.blobsCopied} blobs)`],
      ['Bytes avoided', `${formatBytes(bytesAvoided(r.stats))} (${r.stats.blobsMounted} mounted, ${r.stats.blobsSkipped} already there)`],
    ];
    await writeSummary(`Image ${r.mode === 'merge' ? 'merge' : 'promotion'}`, summaryTable(['', ''], rows));
  } finally {
    defaultTransport().close();
  }
});
