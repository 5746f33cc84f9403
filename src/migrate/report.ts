/**
 * What the migration did, line by line: printed on stdout and written to MIGRATION.md.
 * Every Codeship construct ends up here either as converted or with the reason it was not.
 */
import { where, type Pos } from './yaml-tree.js';

/** converted: done faithfully; changed: done, but differently from Codeship (read it);
 *  skipped: not converted (the file still works without it, or a person must finish it);
 *  error: the input itself is broken (invalid YAML, a missing service). */
export type Level = 'converted' | 'changed' | 'skipped' | 'error';

export interface ReportLine {
  level: Level;
  pos?: Pos;
  message: string;
}

export class Report {
  readonly lines: ReportLine[] = [];
  /** What the user must do before the first run of the workflow, in the order found. */
  readonly todos: ReportLine[] = [];

  add(level: Level, pos: Pos | undefined, message: string): void {
    this.lines.push({ level, pos, message });
  }
  converted(pos: Pos | undefined, message: string): void {
    this.add('converted', pos, message);
  }
  changed(pos: Pos | undefined, message: string): void {
    this.add('changed', pos, message);
  }
  skipped(pos: Pos | undefined, message: string): void {
    this.add('skipped', pos, message);
  }
  error(pos: Pos | undefined, message: string): void {
    this.add('error', pos, message);
  }
  /** Something done that only the user can finish before the first run (a secret, a missing credential). */
  todo(pos: Pos | undefined, message: string): void {
    this.todos.push({ level: 'changed', pos, message });
  }

  count(level: Level): number {
    return this.lines.filter((l) => l.level === level).length;
  }

  /** `file:line:col: level: message`, sorted by file and line within each level. */
  format(line: ReportLine): string {
    return `${line.pos ? where(line.pos) + ': ' : ''}${LABEL[line.level]}: ${line.message}`;
  }

  sorted(level: Level): ReportLine[] {
    return this.lines
      .filter((l) => l.level === level)
      .slice()
      .sort(
        (a, b) =>
          (a.pos?.file ?? '').localeCompare(b.pos?.file ?? '') ||
          (a.pos?.line ?? 0) - (b.pos?.line ?? 0) ||
          (a.pos?.col ?? 0) - (b.pos?.col ?? 0),
      );
  }
}

export const LABEL: Record<Level, string> = {
  converted: 'converted',
  changed: 'converted with a difference',
  skipped: 'not converted',
  error: 'error',
};
