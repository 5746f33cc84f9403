/**
 * What library modules may say while they work. Actions give them one backed by
 * the runner (annotations, collapsible groups); the command line one that prints
 * plain lines. Modules below src/actions and src/cli only ever see this interface.
 */
import type { Position } from './errors.js';

export interface Log {
  info(message: string): void;
  /** A warning; with a position the runner shows it on that line of the file. */
  warning(message: string, at?: Position): void;
  /** Output of a long step (docker's), foldable in the Actions log. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** For the command line and tests: lines on stdout, warnings on stderr. */
export const consoleLog: Log = {
  info: (message) => process.stdout.write(`${message}\n`),
  warning: (message) => process.stderr.write(`warning: ${message}\n`),
  group: async (title, fn) => {
    process.stdout.write(`${title}\n`);
    return fn();
  },
};
