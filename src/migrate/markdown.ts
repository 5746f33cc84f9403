/** MIGRATION.md (and the same text on stdout): what was converted and, with file:line, what was not. */
import { LABEL, type Level, type Report } from './report.js';
import { MANUAL_ENVIRONMENT } from './jobs.js';
import { where } from './yaml-tree.js';

export interface ReportInput {
  report: Report;
  servicesFile?: string;
  stepsFile?: string;
  outputs: string[];
  pushesInFile: number;
  pushesConverted: number;
  secrets: string[];
  failed: boolean;
  manual?: boolean;
}

const SECTIONS: [Level, string][] = [
  ['error', 'Errors in the Codeship files'],
  ['skipped', 'Not converted'],
  ['changed', 'Converted, with a difference to check'],
  ['converted', 'Converted'],
];

export function renderReport(r: ReportInput): string {
  const out: string[] = ['# Migration from Codeship Pro', ''];
  const from = [r.servicesFile, r.stepsFile]
    .filter(Boolean)
    .map((f) => `\`${f}\``)
    .join(' and ');
  if (r.failed) {
    out.push(
      `Nothing was converted from ${from || 'the Codeship files'}: the errors below stop the migration. Fix them and run \`regkit migrate\` again.`,
      '',
    );
  } else {
    out.push(`Converted ${from} into:`, '', ...r.outputs.map((f) => `- \`${f}\``), '');
    const lost = r.pushesInFile - r.pushesConverted;
    out.push(
      `Push steps: ${r.pushesInFile} in the steps file, ${r.pushesConverted} converted` +
        (lost > 0 ? `, **${lost} not converted** (each is listed below with its reason).` : '.'),
      '',
    );
    const todo: string[] = [];
    for (const s of r.secrets)
      todo.push(
        `Add the repository secret \`${s}\` with the contents of \`codeship.aes\` (the project's AES key); the workflow passes it to regkit's actions as \`aes-key\`.`,
      );
    for (const t of r.report.todos) todo.push(`${t.pos ? where(t.pos) + ': ' : ''}${t.message}`);
    if (r.manual)
      todo.push(
        `Create the environment \`${MANUAL_ENVIRONMENT}\` with required reviewers (Settings → Environments) so that manual steps wait for approval.`,
      );
    if (r.report.count('skipped') + r.report.count('error'))
      todo.push(
        'Read the lines under "Not converted" and "Errors" below: each names the file and line and what to do.',
      );
    if (todo.length) out.push('## Before the first run', '', ...todo.map((t) => `- ${t}`), '');
  }
  out.push(...reportSections(r.report, SECTIONS));
  return out.join('\n');
}

/** The report's lines under one heading per level, in the order and with the titles given. */
export function reportSections(report: Report, sections: [Level, string][]): string[] {
  const out: string[] = [];
  for (const [level, title] of sections) {
    const lines = report.sorted(level);
    if (!lines.length) continue;
    out.push(`## ${title} (${lines.length})`, '');
    for (const l of lines) out.push(`- ${report.format(l).replace(`${LABEL[level]}: `, '')}`);
    out.push('');
  }
  return out;
}
