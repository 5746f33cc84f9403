/** Codeship Pro's services and steps, as read from the files (names are Codeship's). */
import type { Pos } from './yaml-tree.js';

export interface Build {
  pos: Pos;
  context: string;
  dockerfile?: string;
  image?: string;
  args: [string, string][];
  encryptedArgs?: string;
  encryptedArgsFile?: string;
}

export interface Service {
  name: string;
  pos: Pos;
  image?: string;
  build?: Build;
  environment: [string, string | undefined][];
  envFiles: string[];
  encryptedEnvFiles: string[];
  encryptedDockercfgPath?: string;
  dockercfgService?: string;
  addDocker: boolean;
  cached: boolean;
  defaultCacheBranch?: string;
  volumes: string[];
  command?: string[];
  entrypoint?: string[];
  workingDir?: string;
  user?: string;
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  /** `links:` entries: the service, and the extra name (alias) it is reachable by. */
  links: Link[];
  dependsOn: Link[];
  /** `volumes_from:` entries: a service, and `ro`/`rw` when given. */
  volumesFrom: { service: string; mode?: string; pos: Pos }[];
  /** Services named by links, depends_on and volumes_from. */
  refs: string[];
}

export interface Link {
  service: string;
  alias?: string;
  pos: Pos;
}

/** A tag: or exclude: value. */
export interface Filter {
  pos: Pos;
  kind: 'tag' | 'exclude';
  value: string;
}

/** Where a step's registry credentials come from. */
export type CredentialSource =
  { kind: 'dockercfg'; path: string; pos: Pos } | { kind: 'generator'; service: string; pos: Pos };

interface StepBase {
  pos: Pos;
  name?: string;
  /** Filters of this step and every enclosing group, outermost first. */
  filters: Filter[];
  credentials?: CredentialSource;
  onFail: Step[];
}

export interface RunStep extends StepBase {
  type: 'run';
  service: string;
  servicePos: Pos;
  command?: string;
  commandPos?: Pos;
}

export interface PushStep extends StepBase {
  type: 'push' | 'pull';
  service: string;
  servicePos: Pos;
  imageName?: string;
  imageTag?: string;
  registry?: string;
}

export interface GroupStep extends StepBase {
  type: 'serial' | 'parallel' | 'manual';
  steps: Step[];
}

export type Step = RunStep | PushStep | GroupStep;
