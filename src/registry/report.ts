/** Copy results in words, for the command line and the job summary. */
import type { CopyStats } from './transfer.js';

/**
 * Sizes in words, the one way regkit writes them everywhere (summaries, logs,
 * progress, listings): decimal units as Docker prints them, "512 B", "46.3 kB", "2.0 MB".
 */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
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
