/** The listing for a terminal (aligned columns) and for scripts (JSON). */
import { formatBytes } from '../registry/index.js';
import type { ImageRow } from './image.js';

export const shortDigest = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
export const shortCommit = (revision?: string) => (revision ? revision.slice(0, 7) : '');
/** 2026-01-31 12:00 (UTC), or '' */
export const shortTime = (iso?: string) =>
  iso && !Number.isNaN(new Date(iso).getTime()) ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '';
export const firstLine = (text = '', max = 50) => {
  const line = text.split('\n')[0].trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export const COLUMNS = [
  'REGISTRY',
  'IMAGE',
  'TAGS',
  'DIGEST',
  'PLATFORMS',
  'SIZE',
  'CREATED',
  'BRANCH',
  'COMMIT',
  'MESSAGE',
  'ATTACHED',
] as const;

export function tableCells(row: ImageRow): string[] {
  return [
    row.registry,
    row.repository,
    row.tags.join(', ') || '<untagged>',
    shortDigest(row.digest),
    row.platforms.join(', '),
    formatBytes(row.size),
    shortTime(row.created),
    row.branch ?? '',
    shortCommit(row.revision),
    firstLine(row.message),
    [...new Set(row.attached)].join(', '),
  ];
}

export function formatTable(rows: ImageRow[]): string {
  const lines = [[...COLUMNS], ...rows.map(tableCells)];
  const widths = COLUMNS.map((_, i) => Math.max(...lines.map((l) => [...l[i]].length)));
  return (
    lines
      .map((l) =>
        l
          .map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i])))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export function formatJson(rows: ImageRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}
