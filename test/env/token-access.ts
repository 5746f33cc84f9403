/**
 * Who may do what in the test token server: scopes as the registry asks for them
 * (`repository:team/app:pull,push`), access rules per user, and the grant, which is
 * the intersection of the two.
 *
 *   grant([parseScope('repository:team/app:pull,push')!], [{ repo: 'team/*', actions: ['pull'] }])
 *   // → [{ type: 'repository', name: 'team/app', actions: ['pull'] }]
 */

export interface AccessRule {
  /** Repository name pattern; `*` matches any characters, `/` included. */
  repo: string;
  /** pull, push, delete, or `*` for all. */
  actions: string[];
  /** Resource type; default `repository` (`registry` for registry:catalog:*). */
  type?: string;
}

/** What a user without rules gets: everything, the catalog included. */
export const FULL_ACCESS: AccessRule[] = [
  { repo: '*', actions: ['*'] },
  { type: 'registry', repo: 'catalog', actions: ['*'] },
];

export interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** `repository:team/app:pull,push` (the name may hold colons: split at the first and last). */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last === first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return re.test(name);
}

/** The requested actions that the rules allow, per resource; resources granted nothing are left out. */
export function grant(requested: Access[], rules: AccessRule[]): Access[] {
  const out: Access[] = [];
  for (const req of requested) {
    const allowed = new Set<string>();
    for (const rule of rules) {
      if ((rule.type ?? 'repository') !== req.type.replace(/\(.*\)$/, '') || !globMatch(rule.repo, req.name)) continue;
      for (const a of req.actions) if (rule.actions.includes('*') || rule.actions.includes(a)) allowed.add(a);
    }
    const actions = req.actions.filter((a) => allowed.has(a));
    if (actions.length) {
      const same = out.find((o) => o.type === req.type && o.name === req.name);
      if (same) same.actions = [...new Set([...same.actions, ...actions])];
      else out.push({ type: req.type, name: req.name, actions });
    }
  }
  return out;
}
