import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Wrong words on the command line: exit status 2 with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  usage: string;
  /** Resolves when done; throws UserError (exit 1) or UsageError (exit 2). */
  run(argv: string[]): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into UsageError. */
export function parse<O extends Options>(argv: string[], options: O, positionals: { min: number; max: number }) {
  let result;
  try {
    result = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const n = result.positionals.length;
  if (n < positionals.min || n > positionals.max) {
    throw new UsageError(
      `expected ${positionals.min === positionals.max ? positionals.min : `${positionals.min} to ${positionals.max}`} arguments, got ${n}`,
    );
  }
  return result;
}
