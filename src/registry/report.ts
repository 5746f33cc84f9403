/** Copy results in words, for the command line and the job summary. */
import type { CopyStats } from './transfer.js';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

/** Bytes not sent because the target had them or could mount them. */
export function bytesAvoided(stats: CopyStats): number {
  return stats.bytesMounted + stats.bytesSkipped;
}

export function describeStats(stats: CopyStats): string {
  const parts = [`${formatBytes(stats.bytesCopied)} copied (${stats.blobsCopied} blobs)`];
  if (stats.blobsMounted) parts.push(`${formatBytes(stats.bytesMounted)} mounted (${stats.blobsMounted} blobs)`);
  if (stats.blobsSkipped) parts.push(`${formatBytes(stats.bytesSkipped)} already there (${stats.blobsSkipped} blobs)`);
  return parts.join(', ');
}
