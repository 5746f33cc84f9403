/** Reads codeship-steps.yml into Step records; groups pass service, filters and credentials down. */
import { STEP_KEYS, STEP_TYPES, suggestion } from './fields.js';
import { suggest } from '../naming/index.js';
import type { CredentialSource, Filter, Service, Step } from './model.js';
import type { Report } from './report.js';
import { entry, text, type Pos, type YMap, type YNode } from './yaml-tree.js';

interface Inherited {
  service?: { name: string; pos: Pos };
  services?: { name: string; pos: Pos }[];
  filters: Filter[];
  credentials?: CredentialSource;
  imageName?: string;
  imageTag?: string;
  registry?: string;
}

const RUN_ONLY = ['command'];
const PUSH_ONLY = ['image_name', 'image_tag', 'registry'];

export function readSteps(root: YNode, services: Map<string, Service>, servicesFile: string, report: Report): Step[] {
  if (root.kind === 'scalar' && root.value === null) return [];
  if (root.kind !== 'seq') {
    report.error(root.pos, 'the steps file must be a list of steps');
    return [];
  }
  return list(root.items, { filters: [] }, services, servicesFile, report);
}

function list(
  items: YNode[],
  inh: Inherited,
  services: Map<string, Service>,
  servicesFile: string,
  report: Report,
): Step[] {
  return items.flatMap((i) => one(i, inh, services, servicesFile, report));
}

function one(
  node: YNode,
  parent: Inherited,
  services: Map<string, Service>,
  servicesFile: string,
  report: Report,
): Step[] {
  if (node.kind !== 'map') {
    report.error(
      node.pos,
      `a step must be a mapping of fields, not ${node.kind === 'seq' ? 'a list' : `\`${String((node as { value: unknown }).value)}\``}`,
    );
    return [];
  }
  const m: YMap = node;
  const name = text(entry(m, 'name')?.value);
  const label = name ? `step \`${name}\`` : 'step';
  let type = text(entry(m, 'type')?.value);
  const typeEntry = entry(m, 'type');
  if (type !== undefined && !STEP_TYPES.includes(type as never)) {
    report.error(
      typeEntry!.value.pos,
      `${label}: unknown step type \`${type}\`${suggestion(type, STEP_TYPES)}; the step is not converted`,
    );
    return [];
  }
  const hasSteps = !!entry(m, 'steps');
  if (type === undefined) type = hasSteps ? 'serial' : 'run';

  const inh: Inherited = { ...parent, filters: [...parent.filters] };
  for (const f of m.entries) {
    const v = f.value;
    switch (f.key) {
      case 'name':
      case 'type':
      case 'steps':
      case 'on_fail':
        break;
      case 'service': {
        const t = text(v);
        if (t) inh.service = { name: t, pos: v.pos };
        inh.services = undefined;
        break;
      }
      case 'services':
        if (v.kind === 'seq') inh.services = v.items.map((i) => ({ name: text(i) ?? '', pos: i.pos }));
        else report.error(v.pos, `${label}: \`services\` must be a list of service names`);
        break;
      case 'tag':
      case 'exclude': {
        const t = text(v);
        if (t === undefined)
          report.error(v.pos, `${label}: \`${f.key}\` must be a single branch name or regular expression`);
        else inh.filters.push({ pos: v.pos, kind: f.key, value: t });
        break;
      }
      case 'encrypted_dockercfg_path':
        inh.credentials = { kind: 'dockercfg', path: text(v) ?? '', pos: v.pos };
        break;
      case 'dockercfg_service':
        inh.credentials = { kind: 'generator', service: text(v) ?? '', pos: v.pos };
        break;
      case 'image_name':
        inh.imageName = text(v);
        break;
      case 'image_tag':
        inh.imageTag = text(v);
        break;
      case 'registry':
        inh.registry = text(v);
        break;
      case 'command':
        break;
      default: {
        const hint =
          f.key === 'cached' || f.key === 'cache'
            ? ' — `cached` is a service field (codeship-services.yml); on a step Codeship ignores it'
            : suggestion(f.key, STEP_KEYS);
        const guess = suggest(f.key, STEP_KEYS);
        const effect =
          guess === 'image_tag' && type === 'push' && !entry(m, 'image_tag')
            ? "; the push uses Codeship's default tag `latest`"
            : '';
        report.skipped(f.keyPos, `${label}: unknown key \`${f.key}\`${hint}; ignored as Codeship ignores it${effect}`);
      }
    }
  }
  if (type === 'run' || type === 'push' || type === 'pull') {
    for (const key of type === 'run' ? PUSH_ONLY : RUN_ONLY) {
      const e = entry(m, key);
      if (e)
        report.skipped(
          e.keyPos,
          `${label}: \`${key}\` has no meaning on a ${type} step; ignored as Codeship ignored it — drop it`,
        );
    }
  }
  const onFailEntry = entry(m, 'on_fail');
  const onFail = onFailEntry
    ? onFailEntry.value.kind === 'seq'
      ? list(onFailEntry.value.items, { ...inh, filters: [] }, services, servicesFile, report)
      : (report.error(onFailEntry.value.pos, `${label}: \`on_fail\` must be a list of steps`), [])
    : [];

  if (type === 'serial' || type === 'parallel' || type === 'manual' || type === 'matrix') {
    const stepsEntry = entry(m, 'steps');
    if (!stepsEntry || stepsEntry.value.kind !== 'seq') {
      report.error(
        stepsEntry?.value.pos ?? m.pos,
        `${label}: a ${type} group needs a \`steps:\` list; the group is not converted`,
      );
      return [];
    }
    if (type === 'matrix')
      report.changed(
        typeEntry!.value.pos,
        `${label}: \`type: matrix\` runs its steps once for each of its services, in parallel`,
      );
    const children = list(stepsEntry.value.items, inh, services, servicesFile, report);
    return [
      {
        type: type === 'matrix' ? 'parallel' : type,
        pos: m.pos,
        name,
        filters: inh.filters,
        credentials: inh.credentials,
        onFail,
        steps: children,
      },
    ];
  }

  // A leaf step: with a group's `services:` list it runs once per service.
  const targets = inh.service ? [inh.service] : (inh.services ?? []);
  if (!targets.length) {
    report.error(
      m.pos,
      `${label}: no \`service\` (neither here nor on an enclosing group); ${type === 'push' ? 'push step' : 'step'} not converted`,
    );
    return [];
  }
  const out: Step[] = [];
  for (const t of targets) {
    if (!services.has(t.name)) {
      const known = [...services.keys()];
      report.error(
        t.pos,
        `${label}: service \`${t.name}\` is not defined in ${servicesFile}${suggestion(t.name, known)}; ${type === 'push' ? 'push step' : 'step'} not converted`,
      );
      continue;
    }
    const base = {
      pos: m.pos,
      name,
      filters: inh.filters,
      credentials: inh.credentials,
      onFail,
      service: t.name,
      servicePos: t.pos,
    };
    if (type === 'run') {
      const c = entry(m, 'command');
      out.push({ ...base, type: 'run', command: c ? text(c.value) : undefined, commandPos: c?.value.pos });
    } else {
      out.push({
        ...base,
        type: type as 'push' | 'pull',
        imageName: inh.imageName,
        imageTag: inh.imageTag,
        registry: inh.registry,
      });
    }
  }
  return out;
}
