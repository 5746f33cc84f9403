/** The push action: a built or local image with docker push, or a remote one copied without the daemon. */
import { runAction } from './entry.js';
import { appendSummary, getInput, setOutput, setSecret, summaryTable } from './runner.js';
import { runnerLog } from '../build/log.js';
import { runPush } from '../build/push.js';
import { pushSummaryRows } from '../build/summary.js';
import { defaultTransport } from '../registry/index.js';

void runAction(async () => {
  const aesKey = getInput('aes-key');
  setSecret(aesKey);
  try {
    const r = await runPush(
      {
        candidate: getInput('candidate', { required: true }),
        imageName: getInput('image-name'),
        tags: getInput('tags'),
        registry: getInput('registry'),
        registryContext: getInput('registry-context'),
        config: getInput('config') || '.github/registries.yml',
        aesKey,
        env: process.env,
        mask: setSecret,
      },
      runnerLog,
    );
    setOutput('refs', r.refs.join('\n'));
    setOutput('digest', r.digest);
    appendSummary(`### Image push\n\n${summaryTable(['', 'Pushed'], pushSummaryRows(r))}`);
  } finally {
    defaultTransport().close();
  }
});
