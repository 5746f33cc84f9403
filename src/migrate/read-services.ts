/** Reads codeship-services.yml (or docker-compose.yml) into Service records, reporting what it cannot use. */
import { BUILD_KEYS, SERVICE_KEYS, suggestion } from './fields.js';
import { splitWords } from './argv.js';
import type { Build, Service } from './model.js';
import type { Report } from './report.js';
import { entry, text, type YEntry, type YMap, type YNode } from './yaml-tree.js';

/** Keys Codeship reads that have no counterpart in a `docker run` of one step. */
const NOT_CONVERTED: Record<string, string> = {
  volumes_from: 'containers of other services are not started; mount the same folders with `volumes:` instead',
  depends_on: 'the services it names are not started next to the step; start them with GitHub `services:` or docker compose',
  links: 'linked services are not started next to the step; start them with GitHub `services:` or docker compose',
  ports: 'ports are not published in a step',
  container_name: 'steps run with `docker run --rm` under Docker\'s own names',
  healthcheck: 'no other service waits on it',
  hostname: 'not passed to docker run', domainname: 'not passed to docker run', dns: 'not passed to docker run',
  dns_search: 'not passed to docker run', extra_hosts: 'not passed to docker run', labels: 'not passed to docker run',
  ulimits: 'not passed to docker run', mem_limit: 'not passed to docker run', cpu_shares: 'not passed to docker run',
  cpuset: 'not passed to docker run', devices: 'not passed to docker run', security_opt: 'not passed to docker run',
  read_only: 'not passed to docker run', restart: 'a step container is not restarted', network_mode: 'not passed to docker run',
  stdin_open: 'steps have no terminal', tty: 'steps have no terminal', expose: 'ports are not published in a step',
  logging: 'not passed to docker run', log_driver: 'not passed to docker run',
};

export function readServices(root: YNode, report: Report): Map<string, Service> {
  const services = new Map<string, Service>();
  if (root.kind !== 'map') {
    if (!(root.kind === 'scalar' && root.value === null)) report.error(root.pos, 'the services file must be a mapping of service names to services');
    return services;
  }
  let map: YMap = root;
  const nested = entry(root, 'services');
  if (nested && nested.value.kind === 'map' && (entry(root, 'version') || nested.value.entries.every((e) => e.value.kind === 'map'))) {
    map = nested.value;
    for (const e of root.entries) {
      if (e.key === 'services' || e.key === 'version') continue;
      report.skipped(e.keyPos, `top-level \`${e.key}:\` of a Compose file is not used by Codeship`);
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
  return n.kind === 'seq' ? 'a list' : n.kind === 'map' ? 'a mapping' : n.value === null ? 'empty' : `the value \`${String(n.value)}\``;
}

function readService(e: YEntry, m: YMap, report: Report): Service {
  const s: Service = {
    name: e.key, pos: e.keyPos, environment: [], envFiles: [], encryptedEnvFiles: [], addDocker: false, cached: false,
    volumes: [], privileged: false, capAdd: [], capDrop: [], refs: [],
  };
  let serviceDockerfile: YEntry | undefined;
  for (const f of m.entries) {
    const v = f.value;
    switch (f.key) {
      case 'image': s.image = text(v); break;
      case 'build': s.build = readBuild(v, report); break;
      case 'dockerfile': serviceDockerfile = f; break;
      case 'environment': s.environment = readEnvironment(v, report); break;
      case 'env_file': s.envFiles = strings(v, report, f.key); break;
      case 'encrypted_env_file': s.encryptedEnvFiles = strings(v, report, f.key); break;
      case 'encrypted_dockercfg_path': s.encryptedDockercfgPath = text(v); break;
      case 'dockercfg_service': s.dockercfgService = text(v); break;
      case 'add_docker': s.addDocker = text(v) === 'true'; break;
      case 'cached': s.cached = text(v) === 'true'; break;
      case 'default_cache_branch':
        s.defaultCacheBranch = text(v);
        report.skipped(f.keyPos, `service \`${s.name}\`: default_cache_branch \`${s.defaultCacheBranch}\` — the build action falls back to the repository's default branch's cache instead`);
        break;
      case 'volumes': s.volumes = strings(v, report, f.key); break;
      case 'command': s.command = words(v); break;
      case 'entrypoint': s.entrypoint = words(v); break;
      case 'working_dir': s.workingDir = text(v); break;
      case 'user': s.user = text(v); break;
      case 'privileged': s.privileged = text(v) === 'true'; break;
      case 'cap_add': s.capAdd = strings(v, report, f.key); break;
      case 'cap_drop': s.capDrop = strings(v, report, f.key); break;
      default:
        if (['links', 'depends_on', 'volumes_from'].includes(f.key)) {
          const names = v.kind === 'seq' ? v.items.map(text) : v.kind === 'map' ? v.entries.map((x) => x.key) : [];
          s.refs.push(...names.filter((n): n is string => !!n).map((n) => n.split(':')[0]));
        }
        if (f.key in NOT_CONVERTED) report.skipped(f.keyPos, `service \`${s.name}\`: \`${f.key}\` — ${NOT_CONVERTED[f.key]}`);
        else if (BUILD_KEYS.includes(f.key as never) && f.key !== 'image')
          report.skipped(f.keyPos, `service \`${s.name}\`: \`${f.key}\` belongs under \`build:\`; Codeship ignores it here, so it is ignored`);
        else report.skipped(f.keyPos, `service \`${s.name}\`: unknown key \`${f.key}\`${suggestion(f.key, SERVICE_KEYS)}; Codeship ignores it, so it is ignored`);
    }
  }
  if (serviceDockerfile) {
    // Compose v1 wrote `build: dir` with a service-level `dockerfile:`; Codeship read it that way.
    if (s.build && !s.build.dockerfile) {
      s.build.dockerfile = text(serviceDockerfile.value);
      report.converted(serviceDockerfile.keyPos, `service \`${s.name}\`: service-level \`dockerfile\` (Compose v1 style) used as the build's Dockerfile`);
    } else report.skipped(serviceDockerfile.keyPos, `service \`${s.name}\`: \`dockerfile\` belongs under \`build:\`; ignored`);
  }
  if (!s.image && !s.build) report.error(m.pos, `service \`${s.name}\` has neither \`image\` nor \`build\`; steps that use it are not converted`);
  return s;
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
      case 'context': case 'path': b.context = text(f.value) ?? '.'; break;
      case 'dockerfile': case 'dockerfile_path': b.dockerfile = text(f.value); break;
      case 'image': b.image = text(f.value); break;
      case 'args': b.args = readEnvironment(f.value, report).map(([k, val]) => [k, val ?? ''] as [string, string]); break;
      case 'encrypted_args': b.encryptedArgs = text(f.value); break;
      case 'encrypted_args_file': b.encryptedArgsFile = text(f.value); break;
      default:
        if (SERVICE_KEYS.includes(f.key as never))
          report.skipped(f.keyPos, `\`${f.key}\` under \`build:\` is a service field; Codeship ignores it here, so it is ignored (move it up one level)`);
        else report.skipped(f.keyPos, `unknown build key \`${f.key}\`${suggestion(f.key, BUILD_KEYS)}; ignored`);
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
  if (v.kind === 'scalar' && v.value !== null) report.skipped(v.pos, 'environment must be a mapping or a list; ignored');
  return [];
}

function strings(v: YNode, report: Report, key: string): string[] {
  if (v.kind === 'scalar') return v.value === null ? [] : [String(v.value)];
  if (v.kind === 'seq') return v.items.map(text).filter((t): t is string => t !== undefined);
  report.skipped(v.pos, `\`${key}\` must be a value or a list; ignored`);
  return [];
}

function words(v: YNode): string[] | undefined {
  if (v.kind === 'seq') return v.items.map((i) => text(i) ?? '');
  const t = text(v);
  return t === undefined ? undefined : splitWords(t).words;
}
