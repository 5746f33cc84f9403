/** What the login action's main step hands to its post step. */
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import {
  loadSnapshotFile,
  removeSnapshotFile,
  saveSnapshotFile,
  snapshotFileIn,
  type Snapshot,
} from '../docker/snapshot.js';

export const logout = core.getState('logout') === 'true';

export function setLogout(value: boolean): void {
  core.saveState('logout', String(value));
}

// Only the path travels in the state; the snapshot itself is a 0600 file under RUNNER_TEMP.
let file = core.getState('snapshot-file');

/** The Docker config as it was before the login; undefined when main never got to write. */
export function snapshot(): Snapshot | undefined {
  return file ? loadSnapshotFile(file) : undefined;
}

export function setSnapshot(value: Snapshot): void {
  if (!file) core.saveState('snapshot-file', (file = snapshotFileIn(process.env.RUNNER_TEMP || tmpdir())));
  saveSnapshotFile(file, value);
}

export function removeSnapshot(): void {
  if (file) removeSnapshotFile(file);
}
