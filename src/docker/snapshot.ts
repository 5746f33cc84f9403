/**
 * What the Docker config was before a login, and putting it back.
 *
 * The snapshot is taken, and handed to the caller to keep (the action saves it to
 * its state), BEFORE anything is written, so that the post step can undo a main
 * step that failed half-way. When later steps left the file as we wrote it, the
 * original bytes come back exactly; when they changed it, only our entries are
 * undone and their changes stay.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync, rmdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  addLogins,
  configPath,
  formatConfig,
  parseConfig,
  readBytes,
  writeAtomic,
  type ConfigDocument,
  type Login,
  type TouchedKeys,
} from './config.js';
import { UserError } from '../errors.js';

export interface Snapshot {
  file: string;
  /** base64 of the bytes that were there; absent when there was no file. */
  content?: string;
  mode?: number;
  /** Whether the folder existed; one we created is removed again when empty. */
  dirExisted: boolean;
  /** config.json was a symlink to nothing (a dangling link): where it pointed, to put the link back. */
  link?: string;
  /** Filled in once written: what we wrote, and which keys. */
  written?: { sha256: string; touched: TouchedKeys };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function takeSnapshot(dir: string): Snapshot {
  const file = configPath(dir);
  const bytes = readBytes(file);
  const snapshot: Snapshot = { file, dirExisted: existsSync(dir) };
  if (bytes !== undefined) {
    snapshot.content = bytes.toString('base64');
    snapshot.mode = statSync(file).mode & 0o777;
  } else if (isSymlink(file)) {
    snapshot.link = readlinkSync(file);
  }
  return snapshot;
}

/** What writing these logins would produce, without writing: parse errors surface before any change. */
export function planWrite(snapshot: Snapshot, logins: Login[]): { text: string; touched: TouchedKeys } {
  const before = snapshot.content === undefined ? undefined : Buffer.from(snapshot.content, 'base64').toString('utf8');
  const doc = parseConfig(before, snapshot.file);
  const touched = addLogins(doc, logins, snapshot.file);
  return { text: formatConfig(doc), touched };
}

/** Writes a planned config and records what was written in the snapshot. */
export function commitWrite(snapshot: Snapshot, plan: { text: string; touched: TouchedKeys }): void {
  writeAtomic(snapshot.file, plan.text, 0o600);
  snapshot.written = { sha256: sha256(Buffer.from(plan.text, 'utf8')), touched: plan.touched };
}

export type RestoreResult = 'unchanged' | 'restored' | 'entries-removed';

/** Puts the config back as the snapshot found it. */
export function restoreSnapshot(snapshot: Snapshot): RestoreResult {
  const { file } = snapshot;
  const now = readBytes(file);
  const original = snapshot.content === undefined ? undefined : Buffer.from(snapshot.content, 'base64');
  if (now === undefined ? original === undefined : original !== undefined && now.equals(original)) return 'unchanged';

  // Not ours any more: a later step changed the file; keep its changes.
  if (now !== undefined && snapshot.written && sha256(now) !== snapshot.written.sha256) {
    undoEntries(snapshot, now, original, snapshot.written.touched);
    return 'entries-removed';
  }
  if (original !== undefined) {
    writeAtomic(file, original, snapshot.mode ?? 0o600);
  } else {
    rmSync(file, { force: true });
    if (snapshot.link !== undefined) symlinkSync(snapshot.link, file);
    else if (!snapshot.dirExisted) removeEmptyDir(dirname(file));
  }
  return 'restored';
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The snapshot kept for the post step, as a file only the runner's user can read: it holds
 * the old config's credentials, and a big config does not fit in the step's environment.
 */
export function snapshotFileIn(dir: string): string {
  return join(dir, `regkit-login-${process.pid}-${randomBytes(6).toString('hex')}.json`);
}

export function saveSnapshotFile(path: string, snapshot: Snapshot): void {
  writeAtomic(path, JSON.stringify(snapshot), 0o600);
}

/** The snapshot a main step kept; undefined when there is none (main never got to write). */
export function loadSnapshotFile(path: string): Snapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as Snapshot;
  } catch {
    throw new UserError(`${path}: the login's saved state is damaged; the Docker config could not be put back`);
  }
}

export function removeSnapshotFile(path: string): void {
  rmSync(path, { force: true });
}

function removeEmptyDir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty (buildx or another tool wrote there since): leave it
  }
}

function section(doc: ConfigDocument, key: string): Record<string, unknown> | undefined {
  const v = doc[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function undoSection(now: ConfigDocument, before: ConfigDocument, name: 'auths' | 'credHelpers', keys: string[]): void {
  const current = section(now, name);
  if (!current) return;
  const previous = section(before, name);
  for (const key of keys) {
    if (previous && key in previous) current[key] = previous[key];
    else delete current[key];
  }
  if (Object.keys(current).length === 0 && !(name in before)) delete now[name];
}

function undoEntries(snapshot: Snapshot, now: Buffer, original: Buffer | undefined, touched: TouchedKeys): void {
  let doc: ConfigDocument;
  try {
    doc = parseConfig(now.toString('utf8'), snapshot.file);
  } catch {
    throw new UserError(
      `${snapshot.file}: changed by a later step and no longer valid JSON; regkit's logins could not be removed`,
    );
  }
  const before = parseConfig(original?.toString('utf8'), snapshot.file);
  undoSection(doc, before, 'auths', touched.auths);
  undoSection(doc, before, 'credHelpers', touched.credHelpers);
  writeAtomic(snapshot.file, formatConfig(doc), snapshot.mode ?? 0o600);
}
