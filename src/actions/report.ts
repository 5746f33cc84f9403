/**
 * regkit's errors and logs on @actions/core: a user error becomes one `::error`
 * line, annotated on the line of the file it is about; anything else is a bug and
 * says so. Warnings with a position are annotated the same way.
 */
import * as core from '@actions/core';
import { isAbsolute, relative } from 'node:path';
import { oneLine, UserError, type Position } from '../errors.js';
import type { Log } from '../log.js';

/** Annotation properties: GitHub wants the path relative to the workspace. */
export function annotation(at: Position | undefined, title: string): core.AnnotationProperties {
  if (!at) return { title };
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const file = isAbsolute(at.file) ? relative(workspace, at.file) : at.file;
  return { title, file, startLine: at.line, ...(at.column > 0 ? { startColumn: at.column } : {}) };
}

export function fail(err: unknown): void {
  if (err instanceof UserError) {
    core.error(oneLine(err), annotation(err.at, 'regkit'));
  } else {
    core.error(`regkit internal error: ${oneLine(err)} (please report this)`, { title: 'regkit' });
  }
  process.exitCode = core.ExitCode.Failure;
}

export const actionLog: Log = {
  info: core.info,
  warning: (message, at) => core.warning(message, annotation(at, 'regkit')),
  group: (title, fn) => core.group(title, fn),
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A markdown table: header row then body rows; cells are escaped. */
export function summaryTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

/** Appends a section (heading and markdown) to the job summary, where the runner gives one. */
export async function writeSummary(heading: string, markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addHeading(heading, 3).addEOL().addRaw(markdown, true).write();
}
