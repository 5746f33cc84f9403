/**
 * The GitHub runner's protocol for JavaScript actions: inputs from INPUT_*,
 * outputs/state/env through the GITHUB_* files, masking and annotations through
 * workflow commands on stdout.
 *
 * Written here instead of importing @actions/core because every action starts on
 * every job and @actions/core 3 costs ~190 ms to import (it pulls undici for
 * OIDC); the tag action must start within 1.5x of a bare `node`. See README.
 */
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

function inputKey(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function getInput(name: string, opts: { required?: boolean } = {}): string {
  const value = (process.env[inputKey(name)] ?? '').trim();
  if (opts.required && value === '') throw new InputError(`Input required and not supplied: ${name}`);
  return value;
}

/** One item per non-empty line (and, for single-line values, per comma when commas=true). */
export function getList(name: string, opts: { commas?: boolean } = {}): string[] {
  const raw = process.env[inputKey(name)] ?? '';
  const lines = raw.split(/\r?\n/);
  const items = opts.commas ? lines.flatMap((l) => l.split(',')) : lines;
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function getBoolean(name: string, fallback: boolean): boolean {
  const value = getInput(name);
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`Input "${name}" must be true or false, not "${value}"`);
}

export class InputError extends Error {
  override name = 'InputError';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

/** A value that must never appear in the log; call before anything could print it. */
export function setSecret(value: string | undefined): void {
  if (!value) return;
  // Multi-line secrets are masked line by line, as the runner matches per line.
  for (const line of value.split(/\r?\n/)) if (line.trim() !== '') command('add-mask', line);
}

function fileCommand(envName: string, key: string, value: string): boolean {
  const file = process.env[envName];
  if (!file) return false;
  // Not crypto.randomUUID: loading node:crypto is ~10% of the tag action's run
  // (bench/tag-startup.mjs). Unpredictability is not what keeps a value from
  // closing the block early; the check below is, so any unlikely delimiter will do.
  const random = () => Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  const delimiter = `ghadelimiter_${Date.now().toString(36)}_${random()}${random()}`;
  if (key.includes(delimiter) || value.includes(delimiter)) throw new Error('unexpected delimiter collision');
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function setOutput(name: string, value: string): void {
  if (!fileCommand('GITHUB_OUTPUT', name, value)) {
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`);
  }
}

export function saveState(name: string, value: string): void {
  if (!fileCommand('GITHUB_STATE', name, value)) {
    process.stdout.write(`::save-state name=${name}::${escapeData(value)}${EOL}`);
  }
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  fileCommand('GITHUB_ENV', name, value);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function warning(message: string): void {
  command('warning', message);
}

export function debug(message: string): void {
  command('debug', message);
}

export function startGroup(title: string): void {
  process.stdout.write(`::group::${escapeData(title)}${EOL}`);
}

export function endGroup(): void {
  process.stdout.write(`::endgroup::${EOL}`);
}

/** Fails the step with one line; the exit code is set, the process is left to finish. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  command('error', message);
}

/** Appends markdown to the job summary when the runner gives a summary file. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : markdown + EOL, 'utf8');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A markdown table: header row then body rows; cells are escaped. */
export function summaryTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join(EOL) + EOL;
}
