/** The promote action: copy an image (or merge per-platform images) registry to registry, no daemon; or list images. */
import * as core from '@actions/core';
import { runAction } from './entry.js';
import { input, listInput } from './inputs.js';
import { summaryTable, writeSummary } from './report.js';
import { runPromote } from '../promote/promote.js';
import { defaultConfigPath } from '../registries-file/index.js';
import {
  bytesAvoided,
  CopyProgress,
  defaultTransport,
  describeAttachment,
  describeStats,
  formatBytes,
  StatusLines,
} from '../registry/index.js';
import { UserError } from '../errors.js';
import { COLUMNS, listImagesForJob, tableCells } from '../images/index.js';

function flag(name: string, fallback: boolean): boolean {
  const v = input(name).toLowerCase();
  if (v === '') return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new UserError(`${name}: "${input(name)}" is not true or false`);
}

async function images(aesKey: string): Promise<void> {
  const status = new StatusLines(process.stdout, { tty: false });
  const listing = await listImagesForJob({
    registries: listInput('registry', { commas: true }),
    repositories: listInput('repositories', { commas: true }),
    filter: input('filter'),
    config: input('config') || defaultConfigPath,
    env: process.env,
    key: { input: aesKey, env: process.env },
    mask: core.setSecret,
    warn: core.warning,
    onProgress: (p) =>
      status.show([
        `listing ${p.registry}: ${p.repositoriesDone}/${p.repositories} repositories, ${p.imagesDone}/${p.images} images, ${p.requests} requests`,
      ]),
  });
  core.info(
    `Listed ${listing.rows.length} images (requests: ${Object.entries(listing.requests)
      .map(([n, c]) => `${n} ${c}`)
      .join(', ')})`,
  );
  core.setOutput('images', JSON.stringify(listing.rows));
  const header = COLUMNS.map((c) => c[0] + c.slice(1).toLowerCase());
  const rows = listing.rows.map((r) => tableCells(r).map((c, i) => (i === 3 && c ? `\`${c}\`` : c)));
  await writeSummary('Images', listing.rows.length ? summaryTable(header, rows) : 'No image matches.\n');
}

void runAction(async () => {
  const aesKey = input('aes-key');
  core.setSecret(aesKey);
  try {
    if (input('mode') === 'images') return await images(aesKey);
    const progress = new CopyProgress(process.stdout, { tty: false });
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
      attachments: flag('attachments', true),
      env: process.env,
      mask: core.setSecret,
      onBlob: progress.onBlob,
    });
    progress.finish();
    const verb = r.mode === 'merge' ? 'Merged' : 'Promoted';
    if (r.picked) core.info(`Picked ${r.picked}`);
    core.info(
      `${verb} ${r.sources.join(', ')} to ${r.refs.join(', ')} (${r.digest}): ${r.upToDate.length === r.refs.length ? 'already up to date' : describeStats(r.stats)}`,
    );
    if (r.attached.length) core.info(`With ${r.attached.map(describeAttachment).join(', ')}`);
    core.setOutput('refs', r.refs.join('\n'));
    core.setOutput('digest', r.digest);
    const rows = [
      [r.mode === 'merge' ? 'Sources' : 'Source', r.sources.join('<br>')],
      ...(r.picked ? [['Picked', r.picked]] : []),
      ['Targets', r.refs.map((ref) => (r.upToDate.includes(ref) ? `${ref} (already there)` : ref)).join('<br>')],
      ['Registry', `${r.target.name} (${r.target.domain})`],
      ['Digest', `\`${r.digest}\``],
      ['Platforms', r.platforms.join(', ') || 'single image'],
      ['Attached', r.attached.map(describeAttachment).join('<br>') || 'none found'],
      ['Bytes copied', `${formatBytes(r.stats.bytesCopied)} (${r.stats.blobsCopied} blobs)`],
      [
        'Bytes avoided',
        `${formatBytes(bytesAvoided(r.stats))} (${r.stats.blobsMounted} mounted, ${r.stats.blobsSkipped} already there)`,
      ],
    ];
    await writeSummary(`Image ${r.mode === 'merge' ? 'merge' : 'promotion'}`, summaryTable(['', ''], rows));
  } finally {
    defaultTransport().close();
  }
});
