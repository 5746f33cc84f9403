/**
 * Bounded parallelism: at most `n` of the functions given to the limiter run at
 * once; waiting ones start highest `priority` first (a copy starts its largest
 * blobs first, so that the last one to finish is a small one).
 */
export function limiter(n: number): <T>(fn: () => Promise<T>, priority?: number) => Promise<T> {
  let active = 0;
  const waiting: { priority: number; start: () => void }[] = [];
  return async <T>(fn: () => Promise<T>, priority = 0): Promise<T> => {
    if (active >= n) {
      await new Promise<void>((start) => {
        let i = waiting.length;
        while (i > 0 && waiting[i - 1].priority < priority) i--;
        waiting.splice(i, 0, { priority, start });
      });
    } else active++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next.start();
      else active--;
    }
  };
}

/**
 * Like Promise.all, but waits for every promise to settle before rejecting, so
 * that nothing is still writing to a registry when the caller reports a failure.
 */
export async function allSettledOrThrow<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A counting semaphore: acquire() waits while `max` are held (the transport: exchanges per origin). */
export class Slots {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
