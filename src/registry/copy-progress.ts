/**
 * Progress of a copy on stderr, as skopeo and docker show it: on a terminal a
 * live line per blob in flight (bytes, rate) under an overall line; in a log an
 * overall line every few seconds, and a final table when there were any.
 *
 *   const progress = new CopyProgress(process.stderr, { quiet });
 *   await copyRefs(src, dsts, sessions, { onBlob: progress.onBlob });
 *   progress.finish();
 */
import { formatBytes } from './report.js';
import { StatusLines, type StatusOptions } from './status.js';
import type { BlobEvent } from './transfer.js';

interface Flight {
  size: number;
  sent: number;
  started: number;
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

export class CopyProgress {
  private readonly status: StatusLines;
  private readonly flights = new Map<string, Flight>();
  private readonly done = { copied: [0, 0], mounted: [0, 0], skipped: [0, 0] } as Record<
    'copied' | 'mounted' | 'skipped',
    [number, number]
  >;
  private sentDone = 0;
  private readonly started: number;
  private readonly now: () => number;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly opts: StatusOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.started = this.now();
    this.status = new StatusLines(out, opts);
  }

  readonly onBlob = (e: BlobEvent): void => {
    if (e.state === 'start') this.flights.set(e.digest, { size: e.size, sent: 0, started: this.now() });
    else if (e.state === 'bytes') {
      const f = this.flights.get(e.digest);
      if (f) f.sent = e.sent;
    } else {
      this.flights.delete(e.digest);
      this.done[e.state][0]++;
      this.done[e.state][1] += e.size;
      if (e.state === 'copied') this.sentDone += e.size;
    }
    this.status.show(this.lines());
  };

  private rate(bytes: number, since: number): string {
    const seconds = Math.max((this.now() - since) / 1000, 0.001);
    return `${formatBytes(bytes / seconds)}/s`;
  }

  private lines(): string[] {
    const sent = this.sentDone + [...this.flights.values()].reduce((n, f) => n + f.sent, 0);
    const { copied, mounted, skipped } = this.done;
    const overall = [
      `copying: ${formatBytes(sent)} sent (${this.rate(sent, this.started)}), ${copied[0]} blobs copied`,
    ];
    if (this.flights.size) overall.push(`${this.flights.size} in flight`);
    if (mounted[0]) overall.push(`${mounted[0]} mounted`);
    if (skipped[0]) overall.push(`${skipped[0]} already there`);
    const blobs = [...this.flights.entries()].map(
      ([digest, f]) =>
        `  ${short(digest)}  ${formatBytes(f.sent)} of ${formatBytes(f.size)}  ${this.rate(f.sent, f.started)}`,
    );
    return [overall.join(', '), ...blobs];
  }

  /** Clears the live lines; in a log that showed progress, prints the final table. */
  finish(): void {
    this.status.finish();
    if (!this.status.logged || this.opts.quiet) return;
    const seconds = (this.now() - this.started) / 1000;
    const rows = (['copied', 'mounted', 'skipped'] as const).map((k) => [
      k === 'skipped' ? 'already there' : k,
      String(this.done[k][0]),
      formatBytes(this.done[k][1]),
    ]);
    const table = [['', 'blobs', 'bytes'], ...rows];
    const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i].length)));
    this.out.write(
      table.map((r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n') +
        `\nin ${seconds.toFixed(1)} s (${this.rate(this.sentDone, this.started)})\n`,
    );
  }
}
