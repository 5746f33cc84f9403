/** The push action: a built or local image with docker push, or a remote one copied without the daemon. */
import * as core from '@actions/core';
import { runAction } from './entry.js';
import { input } from './inputs.js';
import { actionLog, summaryTable, writeSummary } from './report.js';
import { runPush } from '../push/push.js';
import { pushSummaryRows } from './summaries.js';
import { defaultConfigPath } from '../registries-file/index.js';
import { defaultTransport } from '../registry/index.js';

void runAction(async () => {
  const aesKey = input('aes-key');
  core.setSecret(aesKey);
  try {
    const r = await runPush(
      {
        candidate: input('candidate', { required: true }),
        imageName: input('image-name'),
        tags: input('tags'),
        registry: input('registry'),
        registryContext: input('registry-context'),
        config: input('config') || defaultConfigPath,
        aesKey,
        env: process.env,
        mask: core.setSecret,
      },
      actionLog,
    );
    core.setOutput('refs', r.refs.join('\n'));
    core.setOutput('digest', r.digest);
    await writeSummary('Image push', summaryTable(['', 'Pushed'], pushSummaryRows(r)));
  } finally {
    defaultTransport().close();
  }
});
