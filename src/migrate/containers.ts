/**
 * One Codeship step as containers: the step's service and every service it reaches
 * through `links`, `depends_on` and `volumes_from`, started beside it for that step
 * only (Codeship ran each step on a fresh set of containers on a network of its own,
 * services reachable by name and by link alias) — and the `docker run` options of a
 * service, with paths read as Codeship read them.
 */
import { posix } from 'node:path';
import { bashQuote } from './argv.js';
import type { Service } from './model.js';
import type { Report } from './report.js';

/** The services to start beside a step, dependencies first, with the names each answers to. */
export interface Companions {
  order: { service: Service; aliases: string[] }[];
  /** Services met again while their own dependencies were being started. */
  cycles: string[];
}

export function companionsOf(name: string, services: Map<string, Service>): Companions {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: Service[] = [];
  const cycles: string[] = [];
  const visit = (n: string) => {
    const svc = services.get(n);
    if (!svc) return;
    const s = state.get(n);
    if (s === 'done') return;
    if (s === 'visiting') {
      if (!cycles.includes(n)) cycles.push(n);
      return;
    }
    state.set(n, 'visiting');
    for (const d of dependencies(svc)) if (d !== n) visit(d);
    state.set(n, 'done');
    order.push(svc);
  };
  visit(name);
  // A service with neither image nor build is reported where it is read; there is nothing to start.
  const started = order.filter((s) => s.name !== name && (s.image || s.build));
  // A link alias belongs to the linked service, whoever in the step declared the link.
  const aliases = new Map<string, Set<string>>(started.map((s) => [s.name, new Set([s.name])]));
  for (const s of order) for (const l of s.links) if (l.alias) aliases.get(l.service)?.add(l.alias);
  return { order: started.map((s) => ({ service: s, aliases: [...aliases.get(s.name)!] })), cycles };
}

function dependencies(svc: Service): string[] {
  return [...svc.dependsOn, ...svc.links, ...svc.volumesFrom].map((l) => l.service);
}

export interface ContainerContext {
  /** The services file's folder, relative to the repository ('.' at the top). */
  servicesDir: string;
  report: Report;
  /** Services whose volumes were already reported. */
  reportedVolumes: Set<string>;
}

/** A path of the services file (env_file, a volume's host folder) as a path of the repository. */
export function repoPath(dir: string, path: string): string {
  return posix.normalize(posix.join(dir, path)).replace(/\/+$/, '') || '.';
}

/**
 * `docker run` options for a service, quoted for bash (no `--rm`, `-d`, network or image):
 * `envFile(file)` names where the decrypted form of an encrypted env file is.
 */
export function containerOptions(
  svc: Service,
  ctx: ContainerContext,
  envFile: (file: string) => string,
  volumesFrom: (service: string) => string | undefined,
): string[] {
  const opts: string[] = [];
  const entry = svc.entrypoint ?? [];
  if (entry.length) opts.push('--entrypoint', bashQuote(entry[0]));
  if (svc.workingDir) opts.push('-w', bashQuote(svc.workingDir));
  if (svc.user) opts.push('-u', bashQuote(svc.user));
  if (svc.privileged) opts.push('--privileged');
  for (const c of svc.capAdd) opts.push('--cap-add', bashQuote(c));
  for (const c of svc.capDrop) opts.push('--cap-drop', bashQuote(c));
  if (svc.addDocker) opts.push('-v', '/var/run/docker.sock:/var/run/docker.sock');
  const first = !ctx.reportedVolumes.has(svc.name);
  ctx.reportedVolumes.add(svc.name);
  for (const v of svc.volumes) {
    const m = volume(v, ctx.servicesDir);
    if (first && m.level) ctx.report[m.level](svc.pos, `service \`${svc.name}\`: volume \`${v}\` ${m.note}`);
    if (m.arg) opts.push('-v', m.arg);
  }
  for (const f of svc.volumesFrom) {
    const source = volumesFrom(f.service);
    if (source) opts.push('--volumes-from', `"${source}${f.mode ? ':' + f.mode : ''}"`);
  }
  for (const f of svc.envFiles) opts.push('--env-file', bashQuote(repoPath(ctx.servicesDir, f)));
  for (const f of svc.encryptedEnvFiles) opts.push('--env-file', envFile(f));
  return opts;
}

/** Arguments after the image: the rest of the entrypoint, then the command. */
export function commandWords(svc: Service, argv: string[] | undefined): string[] {
  return [...(svc.entrypoint ?? []).slice(1), ...(argv ?? svc.command ?? [])];
}

/**
 * Codeship read every host part of a volume as a path relative to the services file's
 * folder (`deploy:/deploy` is the repository's folder deploy); only a lone container
 * path (`/data`) made a volume, an unnamed one that lives as long as the step.
 */
function volume(v: string, dir: string): { arg?: string; level?: 'converted' | 'changed' | 'skipped'; note?: string } {
  const parts = v.split(':');
  if (parts.length === 1) {
    if (v.startsWith('/')) return { arg: bashQuote(v) };
    return {
      level: 'skipped',
      note: 'is neither `host:container` nor an absolute container path; Docker rejects it, so it is left out — fix the entry',
    };
  }
  const [host, ...rest] = parts;
  if (host.startsWith('/')) return { arg: bashQuote(v) };
  if (host.startsWith('~'))
    return {
      arg: bashQuote(v),
      level: 'changed',
      note: "→ a folder under the runner's home, which holds nothing of the build; mount a folder of the repository instead",
    };
  const path = repoPath(dir, host);
  const full = path === '.' ? '$GITHUB_WORKSPACE' : `$GITHUB_WORKSPACE/${path}`;
  const arg = `"${[full, ...rest]
    .join(':')
    .replace(/(["\\`])/g, '\\$1')
    .replace(/\$(?!GITHUB_WORKSPACE)/g, '\\$')}"`;
  const bare = !host.startsWith('.') && !host.includes('/');
  if (!bare) return { arg };
  return {
    arg,
    level: 'converted',
    note: `→ the repository's \`${path}\`, as Codeship read a bare name (Docker and Compose would make a named volume)`,
  };
}
