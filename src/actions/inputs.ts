/**
 * Action inputs through @actions/core, with the mistakes a user can make in a
 * workflow reported as user errors (one line naming the input), not as bugs.
 */
import * as core from '@actions/core';
import { UserError } from '../errors.js';

export function input(name: string, opts: { required?: boolean } = {}): string {
  const value = core.getInput(name);
  if (opts.required && value === '')
    throw new UserError(`input "${name}" is required — set it under with: in the workflow step`);
  return value;
}

/** One item per non-empty line and, with commas, per comma too. */
export function listInput(name: string, opts: { commas?: boolean } = {}): string[] {
  const lines = core.getMultilineInput(name);
  const items = opts.commas ? lines.flatMap((l) => l.split(',')) : lines;
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/** YAML 1.2 core booleans, as core.getBooleanInput reads them; empty gives the fallback. */
export function booleanInput(name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UserError(`input "${name}" must be true or false, not "${core.getInput(name)}"`);
  }
}
