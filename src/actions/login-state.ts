/** What the login action's main step hands to its post step. */
import { getState, saveState } from './runner.js';
import type { Snapshot } from '../docker/snapshot.js';

export const logout = getState('logout') === 'true';

export function setLogout(value: boolean): void {
  saveState('logout', String(value));
}

/** The Docker config as it was before the login; undefined when main never got to write. */
export function snapshot(): Snapshot | undefined {
  const text = getState('snapshot');
  return text ? (JSON.parse(text) as Snapshot) : undefined;
}

export function setSnapshot(value: Snapshot): void {
  saveState('snapshot', JSON.stringify(value));
}
