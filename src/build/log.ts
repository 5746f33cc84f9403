/** BuildLog on the runner's protocol: lines, warnings, and collapsible groups for docker's output. */
import { endGroup, info, startGroup, warning } from '../actions/runner.js';
import type { BuildLog } from './build.js';

export const runnerLog: BuildLog = {
  info,
  warning,
  async group(title, fn) {
    startGroup(title);
    try {
      return await fn();
    } finally {
      endGroup();
    }
  },
};
