/** What the login action's main step hands to its post step. */
import * as core from '@actions/core';
import type { Snapshot } from '../docker/snapshot.js';

export const logout = core.getState('logout') === 'true';

export function setLogout(value: boolean): void {
  core.saveState('logout', String(value));
}

/** The Docker config as it was before the login; undefined when main never got to write. */
export function snapshot(): Snapshot | undefined {
  const text = core.getState('snapshot');
  return text ? (JSON.parse(text) as Snapshot) : undefined;
}

export function setSnapshot(value: Snapshot): void {
  core.saveState('snapshot', JSON.stringify(value));
}
