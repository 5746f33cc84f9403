/** The build action: build with the Docker CLI, push to the registry of the registries file. */
import * as core from '@actions/core';
import { runAction } from './entry.js';
import { booleanInput, input, listInput } from './inputs.js';
import { actionLog, summaryTable, writeSummary } from './report.js';
import { runBuild } from '../image-build/build.js';
import { buildMetadata, buildSummaryRows } from './summaries.js';
import { defaultConfigPath } from '../registries-file/index.js';

void runAction(async () => {
  const aesKey = input('aes-key');
  core.setSecret(aesKey);
  const r = await runBuild(
    {
      imageName: input('image-name', { required: true }),
      tags: input('tags'),
      registry: input('registry'),
      registryContexts: listInput('registry-contexts', { commas: true }),
      context: input('context') || '.',
      dockerfile: input('dockerfile'),
      target: input('target'),
      buildArgs: input('build-args'),
      encryptedBuildArgs: input('encrypted-build-args'),
      platforms: listInput('platforms', { commas: true }),
      labels: input('labels'),
      ociLabels: booleanInput('oci-labels', true),
      disablePush: booleanInput('disable-push', false),
      cache: input('cache') || 'auto',
      defaultCacheBranch: input('default-cache-branch'),
      buildxMirror: input('buildx-mirror'),
      network: input('network'),
      pull: booleanInput('pull', false),
      config: input('config') || defaultConfigPath,
      aesKey,
      env: process.env,
      mask: core.setSecret,
    },
    actionLog,
  );
  core.setOutput('image', r.image);
  core.setOutput('imageid', r.imageId);
  core.setOutput('digest', r.digest);
  core.setOutput('tags', r.plan.tags.join('\n'));
  core.setOutput('refs', r.plan.refs.join('\n'));
  core.setOutput('metadata', JSON.stringify(buildMetadata(r)));
  await writeSummary('Image build', summaryTable(['', r.pushed ? 'Built and pushed' : 'Built'], buildSummaryRows(r)));
});
