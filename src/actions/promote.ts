/** The promote action: copy an image (or merge per-platform images) registry to registry, no daemon. */
import { runAction } from './entry.js';
import { appendSummary, getInput, getList, info, setOutput, setSecret, summaryTable } from './runner.js';
import { runPromote } from './promote-run.js';
import { defaultTransport } from '../registry/index.js';
import { bytesAvoided, describeStats, formatBytes } from '../registry/report.js';

void runAction(async () => {
  const aesKey = getInput('aes-key');
  setSecret(aesKey);
  try {
    const r = await runPromote({
      mode: getInput('mode'),
      source: getInput('source'),
      sources: getList('sources'),
      registry: getInput('registry'),
      imageName: getInput('image-name'),
      tags: getInput('tags', { required: true }),
      platforms: getList('platforms', { commas: true }),
      config: getInput('config') || '.github/registries.yml',
      aesKey,
      env: process.env,
      mask: setSecret,
    });
    const verb = r.mode === 'merge' ? 'Merged' : 'Promoted';
    info(`${verb} ${r.sources.join(', ')} to ${r.refs.join(', ')} (${r.digest}): ${r.upToDate.length === r.refs.length ? 'already up to date' : describeStats(r.stats)}`);
    setOutput('refs', r.refs.join('\n'));
    setOutput('digest', r.digest);
    const rows = [
      [r.mode === 'merge' ? 'Sources' : 'Source', r.sources.join('<br>')],
      ['Targets', r.refs.map((ref) => (r.upToDate.includes(ref) ? `${ref} (already there)` : ref)).join('<br>')],
      ['Registry', `${r.target.name} (${r.target.domain})`],
      ['Digest', `\`${r.digest}\``],
      ['Platforms', r.platforms.join(', ') || 'single image'],
      ['Bytes copied', `${formatBytes(r.stats.bytesCopied)} (${r.stats.blobsCopied} blobs)`],
      ['Bytes avoided', `${formatBytes(bytesAvoided(r.stats))} (${r.stats.blobsMounted} mounted, ${r.stats.blobsSkipped} already there)`],
    ];
    appendSummary(`### Image ${r.mode === 'merge' ? 'merge' : 'promotion'}\n\n${summaryTable(['', ''], rows)}`);
  } finally {
    defaultTransport().close();
  }
});
