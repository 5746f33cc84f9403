/**
 * Progress of long work on stderr, as docker and skopeo show it: on a terminal
 * a few live lines redrawn in place; elsewhere (an Actions log) one line every
 * few seconds, never one per chunk. Nothing at all when quiet.
 *
 *   const status = new StatusLines(process.stderr, { quiet });
 *   status.show(['app: 3/20 repositories', 'blob 1a2b…: 12.0 MB of 40.0 MB']);
 *   status.finish();                       // clears the live lines
 */
export interface StatusOptions {
  quiet?: boolean;
  /** Default: whether the stream is a terminal. */
  tty?: boolean;
  /** Between two lines in a log; default 5 s. */
  everyMs?: number;
  now?: () => number;
}

export class StatusLines {
  private drawn = 0;
  private last: number;
  private readonly tty: boolean;
  /** Whether any line went to a log: the caller then ends with a final summary. */
  logged = false;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly opts: StatusOptions = {},
  ) {
    this.tty = opts.tty ?? !!out.isTTY;
    this.last = this.now();
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** The current state: every line on a terminal; the first (the overall line) in a log, when it is time. */
  show(lines: string[]): void {
    if (this.opts.quiet || !lines.length) return;
    if (this.tty) {
      const width = Math.max(20, (this.out.columns ?? 100) - 1);
      const clear = this.drawn ? `\x1b[${this.drawn}A` : '';
      this.out.write(
        clear +
          lines.map((l) => `\x1b[2K${l.length > width ? l.slice(0, width - 1) + '…' : l}\n`).join('') +
          (this.drawn > lines.length ? '\x1b[J' : ''),
      );
      this.drawn = lines.length;
      return;
    }
    const t = this.now();
    if (t - this.last < (this.opts.everyMs ?? 5000)) return;
    this.last = t;
    this.logged = true;
    this.out.write(lines[0] + '\n');
  }

  /** Removes the live lines from a terminal. */
  finish(): void {
    if (this.tty && this.drawn) this.out.write(`\x1b[${this.drawn}A\x1b[J`);
    this.drawn = 0;
  }
}
