/**
 * A Docker config folder of its own for one phase of a step (pull/build, push),
 * so that each phase can use another account for the same domain, and the
 * user's config is never written.
 *
 * It starts as the user's: config.json copied (logins of the login action, proxies,
 * credential helpers stay), everything else beside it — buildx builder state,
 * cli-plugins, contexts — linked, so that buildx finds its builders (it keeps their state beside config.json).
 * The folder holds credentials: it is made private and removed when the step ends.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE, configPath, dockerConfigDir } from './config.js';

export interface PhaseConfig {
  dir: string;
  /** DOCKER_CONFIG for commands of this phase. */
  env: { DOCKER_CONFIG: string };
  remove(): void;
}

/** Where temporary folders go: the runner's temp folder, else the system's. */
export function tempRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP?.trim() || tmpdir();
}

export function createPhaseConfig(name: string, env: NodeJS.ProcessEnv = process.env): PhaseConfig {
  const base = dockerConfigDir(env);
  const dir = mkdtempSync(join(tempRoot(env), `regkit-docker-${name}-`)); // mode 0700
  if (existsSync(base)) {
    for (const entry of readdirSync(base)) {
      if (entry === CONFIG_FILE) copyFileSync(configPath(base), configPath(dir));
      else if (!entry.startsWith('.config.json.')) symlinkSync(join(base, entry), join(dir, entry));
    }
  }
  return {
    dir,
    env: { DOCKER_CONFIG: dir },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
