/** The build action: build with the Docker CLI, push to the registry of the registries file. */
import { runAction } from './entry.js';
import { appendSummary, getBoolean, getInput, getList, setOutput, setSecret, summaryTable } from './runner.js';
import { runBuild } from '../build/build.js';
import { runnerLog } from '../build/log.js';
import { buildMetadata, buildSummaryRows } from '../build/summary.js';

void runAction(async () => {
  const aesKey = getInput('aes-key');
  setSecret(aesKey);
  const r = await runBuild(
    {
      imageName: getInput('image-name', { required: true }),
      tags: getInput('tags'),
      registry: getInput('registry'),
      registryContexts: getList('registry-contexts', { commas: true }),
      context: getInput('context') || '.',
      dockerfile: getInput('dockerfile'),
      target: getInput('target'),
      buildArgs: getInput('build-args'),
      encryptedBuildArgs: getInput('encrypted-build-args'),
      platforms: getList('platforms', { commas: true }),
      labels: getInput('labels'),
      ociLabels: getBoolean('oci-labels', true),
      disablePush: getBoolean('disable-push', false),
      cache: getInput('cache') || 'auto',
      network: getInput('network'),
      pull: getBoolean('pull', false),
      config: getInput('config') || '.github/registries.yml',
      aesKey,
      env: process.env,
      mask: setSecret,
    },
    runnerLog,
  );
  setOutput('image', r.image);
  setOutput('digest', r.digest);
  setOutput('tags', r.plan.tags.join('\n'));
  setOutput('refs', r.plan.refs.join('\n'));
  setOutput('metadata', JSON.stringify(buildMetadata(r)));
  appendSummary(`### Image build\n\n${summaryTable(['', r.pushed ? 'Built and pushed' : 'Built'], buildSummaryRows(r))}`);
});
