/** Reads codeship-services.yml (or docker-compose.yml) into Service records, reporting what it cannot use. */
import { BUILD_KEYS, SERVICE_KEYS, suggestion } from './fields.js';
import { splitWords } from './argv.js';
import type { Build, Link, Service } from './model.js';
import type { Report } from './report.js';
import { entry, text, type YEntry, type YMap, type YNode } from './yaml-tree.js';

/** Keys Codeship reads that have no counterpart in a `docker run` of one step. */
const NOT_CONVERTED: Record<string, string> = {
  ports: "a step reaches its services by name on the job's network, so nothing is published on the runner; drop it",
  container_name:
    "containers run under Docker's own names and are reached by service name on the job's network; drop it",
  healthcheck:
    'a step starts once its services are started, as on Codeship, without waiting for them to be healthy; if a step needs to wait, make its command retry',
  hostname: option('--hostname'),
  domainname: option('--domainname'),
  dns: option('--dns'),
  dns_search: option('--dns-search'),
  extra_hosts: option('--add-host'),
  labels: option('--label'),
  ulimits: option('--ulimit'),
  mem_limit: option('--memory'),
  cpu_shares: option('--cpu-shares'),
  cpuset: option('--cpuset-cpus'),
  devices: option('--device'),
  security_opt: option('--security-opt'),
  read_only: option('--read-only'),
  restart: "a step's containers are not restarted, as on Codeship; drop it",
  network_mode:
    "a step and its services share the job's network; if the step needs another one, change `--network` on its docker run line",
  stdin_open: 'steps on GitHub run without a terminal; a program that needs one must be given its input another way',
  tty: 'steps on GitHub run without a terminal; a program that needs one must be given its input another way',
  expose: "a step and its services reach each other on every port on the job's network; drop it",
  logging: "a container's output goes to the step's log; drop it",
  log_driver: "a container's output goes to the step's log; drop it",
};

function option(flag: string): string {
  return `not passed to docker run; if the step needs it, add \`${flag}\` to the docker run line in the workflow`;
}

export function readServices(root: YNode, report: Report): Map<string, Service> {
  const services = new Map<string, Service>();
  if (root.kind !== 'map') {
    if (!(root.kind === 'scalar' && root.value === null))
      report.error(root.pos, 'the services file must be a mapping of service names to services');
    return services;
  }
  let map: YMap = root;
  const nested = entry(root, 'services');
  if (
    nested &&
    nested.value.kind === 'map' &&
    (entry(root, 'version') || nested.value.entries.every((e) => e.value.kind === 'map'))
  ) {
    map = nested.value;
    for (const e of root.entries) {
      if (e.key === 'services' || e.key === 'version') continue;
      report.skipped(
        e.keyPos,
        `top-level \`${e.key}:\` of a Compose file is not used by Codeship; nothing to do (volumes are folders of the repository, networks are one per step)`,
      );
    }
  }
  for (const e of map.entries) {
    if (e.key === 'version' && map === root) continue;
    if (e.value.kind !== 'map') {
      report.error(e.value.pos, `service \`${e.key}\` must be a mapping of fields, not ${describe(e.value)}`);
      continue;
    }
    services.set(e.key, readService(e, e.value, report));
  }
  return services;
}

function describe(n: YNode): string {
  return n.kind === 'seq'
    ? 'a list'
    : n.kind === 'map'
      ? 'a mapping'
      : n.value === null
        ? 'empty'
        : `the value \`${String(n.value)}\``;
}

function readService(e: YEntry, m: YMap, report: Report): Service {
  const s: Service = {
    name: e.key,
    pos: e.keyPos,
    environment: [],
    envFiles: [],
    encryptedEnvFiles: [],
    addDocker: false,
    cached: false,
    volumes: [],
    privileged: false,
    capAdd: [],
    capDrop: [],
    links: [],
    dependsOn: [],
    volumesFrom: [],
    refs: [],
  };
  let serviceDockerfile: YEntry | undefined;
  for (const f of m.entries) {
    const v = f.value;
    switch (f.key) {
      case 'image':
        s.image = text(v);
        break;
      case 'build':
        s.build = readBuild(v, report);
        break;
      case 'dockerfile':
        serviceDockerfile = f;
        break;
      case 'environment':
        s.environment = readEnvironment(v, report);
        break;
      case 'env_file':
        s.envFiles = strings(v, report, f.key);
        break;
      case 'encrypted_env_file':
        s.encryptedEnvFiles = strings(v, report, f.key);
        break;
      case 'encrypted_dockercfg_path':
        s.encryptedDockercfgPath = text(v);
        break;
      case 'dockercfg_service':
        s.dockercfgService = text(v);
        break;
      case 'add_docker':
        s.addDocker = text(v) === 'true';
        break;
      case 'cached':
        s.cached = text(v) === 'true';
        break;
      case 'default_cache_branch':
        s.defaultCacheBranch = text(v);
        break;
      case 'links':
        s.links = readLinks(v, report, s.name, f.key);
        break;
      case 'depends_on':
        s.dependsOn = readLinks(v, report, s.name, f.key);
        break;
      case 'volumes_from':
        s.volumesFrom = readVolumesFrom(v, report, s.name);
        break;
      case 'volumes':
        s.volumes = strings(v, report, f.key);
        break;
      case 'command':
        s.command = words(v);
        break;
      case 'entrypoint':
        s.entrypoint = words(v);
        break;
      case 'working_dir':
        s.workingDir = text(v);
        break;
      case 'user':
        s.user = text(v);
        break;
      case 'privileged':
        s.privileged = text(v) === 'true';
        break;
      case 'cap_add':
        s.capAdd = strings(v, report, f.key);
        break;
      case 'cap_drop':
        s.capDrop = strings(v, report, f.key);
        break;
      default:
        if (f.key in NOT_CONVERTED)
          report.skipped(f.keyPos, `service \`${s.name}\`: \`${f.key}\` — ${NOT_CONVERTED[f.key]}`);
        else if (BUILD_KEYS.includes(f.key as never) && f.key !== 'image')
          report.skipped(
            f.keyPos,
            `service \`${s.name}\`: \`${f.key}\` belongs under \`build:\`; Codeship ignores it here, so it is ignored`,
          );
        else
          report.skipped(
            f.keyPos,
            `service \`${s.name}\`: unknown key \`${f.key}\`${suggestion(f.key, SERVICE_KEYS)}; Codeship ignores it, so it is ignored`,
          );
    }
  }
  if (serviceDockerfile) {
    // Compose v1 wrote `build: dir` with a service-level `dockerfile:`; Codeship read it that way.
    if (s.build && !s.build.dockerfile) {
      s.build.dockerfile = text(serviceDockerfile.value);
      report.converted(
        serviceDockerfile.keyPos,
        `service \`${s.name}\`: service-level \`dockerfile\` (Compose v1 style) used as the build's Dockerfile`,
      );
    } else
      report.skipped(
        serviceDockerfile.keyPos,
        `service \`${s.name}\`: \`dockerfile\` belongs under \`build:\`; ignored as Codeship ignored it — move it under \`build:\` if it was meant`,
      );
  }
  if (!s.image && !s.build)
    report.error(
      m.pos,
      `service \`${s.name}\` has neither \`image\` nor \`build\`; it cannot be run or started beside a step — give it one`,
    );
  const branchEntry = entry(m, 'default_cache_branch');
  if (branchEntry && !s.cached)
    report.skipped(
      branchEntry.keyPos,
      `service \`${s.name}\`: default_cache_branch has no effect without \`cached: true\`, on Codeship as here; drop it or add \`cached: true\``,
    );
  s.refs = [...new Set([...s.links, ...s.dependsOn, ...s.volumesFrom].map((l) => l.service))];
  return s;
}

/** `links:` / `depends_on:` as a list (`db`, `db:alias`) or, for depends_on, a mapping of names. */
function readLinks(v: YNode, report: Report, service: string, key: string): Link[] {
  if (v.kind === 'map') return v.entries.map((e) => ({ service: e.key, pos: e.keyPos }));
  if (v.kind !== 'seq') {
    if (!(v.kind === 'scalar' && v.value === null))
      report.error(
        v.pos,
        `service \`${service}\`: \`${key}\` must be a list of service names; ignored — write it as a list`,
      );
    return [];
  }
  return v.items.flatMap((i): Link[] => {
    const t = text(i);
    if (!t) return [];
    const [name, alias] = t.split(':');
    return [{ service: name, alias: alias && alias !== name ? alias : undefined, pos: i.pos }];
  });
}

function readVolumesFrom(v: YNode, report: Report, service: string): Service['volumesFrom'] {
  if (v.kind !== 'seq') {
    if (!(v.kind === 'scalar' && v.value === null))
      report.error(
        v.pos,
        `service \`${service}\`: \`volumes_from\` must be a list of service names; ignored — write it as a list`,
      );
    return [];
  }
  return v.items.flatMap((i) => {
    const t = text(i);
    if (!t) return [];
    if (t.startsWith('container:')) {
      report.skipped(
        i.pos,
        `service \`${service}\`: volumes_from \`${t}\` names a container, not a service; no such container exists in the workflow — mount the folders it had with \`volumes:\``,
      );
      return [];
    }
    const [name, mode] = t.split(':');
    return [{ service: name, mode: mode === 'ro' || mode === 'rw' ? mode : undefined, pos: i.pos }];
  });
}

/** Every service that links, depends_on and volumes_from name must exist. */
export function checkReferences(services: Map<string, Service>, servicesFile: string, report: Report): void {
  for (const s of services.values()) {
    for (const [key, list] of [
      ['links', s.links],
      ['depends_on', s.dependsOn],
      ['volumes_from', s.volumesFrom],
    ] as const) {
      for (const l of list) {
        if (services.has(l.service)) continue;
        report.error(
          l.pos,
          `service \`${s.name}\`: ${key} \`${l.service}\` is not defined in ${servicesFile}${suggestion(l.service, [...services.keys()])}; it is not started`,
        );
      }
    }
    for (const l of [...s.links, ...s.dependsOn, ...s.volumesFrom])
      if (l.service === s.name)
        report.error(
          l.pos,
          `service \`${s.name}\` names itself in links, depends_on or volumes_from; ignored — remove the entry`,
        );
  }
}

function readBuild(v: YNode, report: Report): Build | undefined {
  if (v.kind === 'scalar') return { pos: v.pos, context: text(v) ?? '.', args: [] };
  if (v.kind !== 'map') {
    report.error(v.pos, '`build` must be a folder or a mapping');
    return undefined;
  }
  const b: Build = { pos: v.pos, context: '.', args: [] };
  for (const f of v.entries) {
    switch (f.key) {
      case 'context':
      case 'path':
        b.context = text(f.value) ?? '.';
        break;
      case 'dockerfile':
      case 'dockerfile_path':
        b.dockerfile = text(f.value);
        break;
      case 'image':
        b.image = text(f.value);
        break;
      case 'args':
        b.args = readEnvironment(f.value, report).map(([k, val]) => [k, val ?? ''] as [string, string]);
        break;
      case 'encrypted_args':
        b.encryptedArgs = text(f.value);
        break;
      case 'encrypted_args_file':
        b.encryptedArgsFile = text(f.value);
        break;
      default:
        if (SERVICE_KEYS.includes(f.key as never))
          report.skipped(
            f.keyPos,
            `\`${f.key}\` under \`build:\` is a service field; Codeship ignores it here, so it is ignored (move it up one level)`,
          );
        else
          report.skipped(
            f.keyPos,
            `unknown build key \`${f.key}\`${suggestion(f.key, BUILD_KEYS)}; ignored as Codeship ignored it`,
          );
    }
  }
  return b;
}

/** `environment:` as a mapping or a list of KEY=VALUE / KEY (passed from the host). */
function readEnvironment(v: YNode, report: Report): [string, string | undefined][] {
  if (v.kind === 'map') return v.entries.map((e) => [e.key, text(e.value) ?? ''] as [string, string]);
  if (v.kind === 'seq') {
    return v.items.flatMap((i): [string, string | undefined][] => {
      const t = text(i);
      if (t === undefined) return [];
      const eq = t.indexOf('=');
      return [eq < 0 ? [t, undefined] : [t.slice(0, eq), t.slice(eq + 1)]];
    });
  }
  if (v.kind === 'scalar' && v.value !== null)
    report.skipped(
      v.pos,
      'environment must be a mapping or a list; ignored — write it as KEY: value lines or a list of KEY=value',
    );
  return [];
}

function strings(v: YNode, report: Report, key: string): string[] {
  if (v.kind === 'scalar') return v.value === null ? [] : [String(v.value)];
  if (v.kind === 'seq') return v.items.map(text).filter((t): t is string => t !== undefined);
  report.skipped(v.pos, `\`${key}\` must be a value or a list; ignored — write it as a list of entries`);
  return [];
}

function words(v: YNode): string[] | undefined {
  if (v.kind === 'seq') return v.items.map((i) => text(i) ?? '');
  const t = text(v);
  return t === undefined ? undefined : splitWords(t).words;
}
