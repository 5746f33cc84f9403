// Copy progress as a terminal and as an Actions log see it, with a clock the test moves.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CopyProgress } from '../../../src/registry/index.js';

function sink(): Writable & { text: string } {
  const out = new Writable({
    write(chunk, _enc, done) {
      out.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  out.text = '';
  return out;
}

const A = 'sha256:' + 'a'.repeat(64);
const B = 'sha256:' + 'b'.repeat(64);
const C = 'sha256:' + 'c'.repeat(64);

function run(progress: CopyProgress, tick: (ms: number) => void) {
  progress.onBlob({ digest: C, size: 500, state: 'mounted', sent: 0 });
  progress.onBlob({ digest: A, size: 4_000_000, state: 'start', sent: 0 });
  progress.onBlob({ digest: B, size: 2_000_000, state: 'start', sent: 0 });
  // 1000 chunks over 10 s: a log gets a line every 5 s, not one per chunk.
  for (let i = 1; i <= 1000; i++) {
    tick(10);
    progress.onBlob({ digest: A, size: 4_000_000, state: 'bytes', sent: i * 4000 });
  }
  progress.onBlob({ digest: A, size: 4_000_000, state: 'copied', sent: 4_000_000 });
  progress.onBlob({ digest: B, size: 2_000_000, state: 'skipped', sent: 0 });
  progress.finish();
}

describe('copy progress', () => {
  it('in a log: one line every few seconds, then a final table', () => {
    let t = 0;
    const out = sink();
    run(new CopyProgress(out, { tty: false, now: () => t }), (ms) => (t += ms));
    expect(out.text).toBe(
      [
        'copying: 2.0 MB sent (400.0 kB/s), 0 blobs copied, 2 in flight, 1 mounted',
        'copying: 4.0 MB sent (400.0 kB/s), 0 blobs copied, 2 in flight, 1 mounted',
        '               blobs   bytes',
        'copied             1  4.0 MB',
        'mounted            1   500 B',
        'already there      1  2.0 MB',
        'in 10.0 s (400.0 kB/s)',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal: live lines per blob in flight, cleared at the end, no table', () => {
    let t = 0;
    const out = sink();
    run(new CopyProgress(out, { tty: true, now: () => t }), (ms) => (t += ms));
    expect(out.text).toContain(`\x1b[2K  ${'a'.repeat(12)}  4.0 MB of 4.0 MB  400.0 kB/s\n`);
    expect(out.text).toContain(`\x1b[2K  ${'b'.repeat(12)}  0 B of 2.0 MB`);
    expect(out.text.endsWith('\x1b[J')).toBe(true);
    expect(out.text).not.toContain('already there      1');
  });

  it('prints nothing when quiet', () => {
    let t = 0;
    const out = sink();
    run(new CopyProgress(out, { tty: true, quiet: true, now: () => t }), (ms) => (t += ms));
    expect(out.text).toBe('');
  });
});
