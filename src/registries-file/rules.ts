// The rules of the registries file that tie keys together (docs/registries-file.md); the shape itself was checked by schema.ts.
import { domainProblem, ecrParts, impliedDomain } from './domains.js';
import { isDockerHub, normalizeDomain } from '../naming/index.js';
import { splitVariables } from './interpolate.js';
import type { Problem } from './problems.js';
import type { RawCredentials, RawFile, RawRegistry } from './schema.js';
import { didYouMean } from '../naming/index.js';
import type { Provider } from './types.js';

/** The domain a registry's entry gives it (normalised), or undefined when it has none it may use. */
export function registryDomain(r: RawRegistry): string | undefined {
  const raw = r.domain ?? impliedDomain[r.provider as Provider];
  return raw === undefined || domainProblem(r.provider as Provider, raw) ? undefined : normalizeDomain(raw);
}

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

// Providers whose service answers only https: `insecure` there can only be a mistake.
const httpsOnly = new Set<Provider>(['dockerhub', 'ghcr', 'ecr', 'gcr', 'gar', 'acr', 'ibm']);

// Which generator form belongs to which provider; the static and dockercfg forms fit any.
const generatorFor: Record<string, readonly Provider[]> = {
  aws: ['ecr'],
  google: ['gcr', 'gar'],
  azure: ['acr'],
  dockerhub: ['dockerhub'],
  ibm: ['ibm'],
};
const forms = ['username', 'dockercfg', 'encrypted_dockercfg', 'aws', 'google', 'azure', 'dockerhub', 'ibm'] as const;

function credentialProblems(r: RawRegistry, c: RawCredentials, at: (string | number)[]): Problem[] {
  const out: Problem[] = [];
  const given = forms.filter((f) => c[f] !== undefined || (f === 'username' && c.password !== undefined));
  if (given.length === 0) {
    return [
      {
        path: at,
        what: 'credentials has no form',
        fix: "add username/password, dockercfg, encrypted_dockercfg or the provider's own form — or remove credentials",
      },
    ];
  }
  if (given.length > 1) {
    const second = given[1] === 'username' && c.username === undefined ? 'password' : given[1];
    const first = given[0] === 'username' ? 'username/password' : given[0];
    out.push({
      path: [...at, second],
      what: `credentials has both ${first} and ${second === 'username' ? 'username/password' : second}`,
      fix: 'keep exactly one form',
      key: true,
    });
    return out;
  }
  const form = given[0];
  if (form === 'username') {
    if (c.username === undefined)
      out.push({
        path: [...at, 'password'],
        what: 'credentials has a password but no username',
        fix: 'add username:',
        key: true,
      });
    if (c.password === undefined)
      out.push({
        path: [...at, 'username'],
        what: 'credentials has a username but no password',
        fix: 'add password:',
        key: true,
      });
  }
  const owners = generatorFor[form];
  if (owners && !owners.includes(r.provider as Provider)) {
    out.push({
      path: [...at, form],
      what: `${form} credentials are for provider ${owners.join(' or ')}, not ${r.provider}`,
      fix: 'use username/password or dockercfg here, or change provider',
      key: true,
    });
  }
  if (c.google) {
    const keys = Object.keys(c.google).filter((k) => k !== 'service_account' && k !== 'audience');
    if (keys.length !== 1) {
      out.push({
        path: [...at, 'google'],
        what: keys.length ? `google has ${keys.join(' and ')}` : 'google is empty',
        fix: 'give exactly one of json_key, json_key_file, access_token, workload_identity_provider',
        key: true,
      });
    } else if (keys[0] !== 'workload_identity_provider') {
      for (const k of ['service_account', 'audience'] as const) {
        if (c.google[k] !== undefined)
          out.push({
            path: [...at, 'google', k],
            what: `google ${k} goes with workload_identity_provider, not ${keys[0]}`,
            fix: `remove ${k}, or use workload_identity_provider instead of ${keys[0]}`,
            key: true,
          });
      }
    }
  }
  out.push(...keylessProblems(c, at));
  if (c.aws?.region && r.provider === 'ecr' && r.domain) {
    const parts = ecrParts(r.domain);
    if (parts && !c.aws.region.includes('${') && parts.region !== c.aws.region) {
      out.push({
        path: [...at, 'aws', 'region'],
        what: `aws region ${c.aws.region} differs from the domain's region ${parts.region}`,
        fix: `write region: ${parts.region} or leave region out`,
      });
    }
  }
  // Variable references are checked here so that `regkit validate` finds them without any environment.
  const visit = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      const split = splitVariables(v);
      if (typeof split === 'string')
        out.push({
          path,
          what: `${String(path[path.length - 1])}: ${split.split(' — ')[0]}`,
          fix: split.split(' — ')[1],
        });
    } else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) visit(inner, [...path, k]);
    }
  };
  visit(c, at);
  return out;
}

// What the keyless forms name must have its cloud's shape; a ${VAR} is checked once resolved, by the cloud.
const shapesOf: Record<string, { test: RegExp; expected: string }> = {
  role: { test: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, expected: 'arn:aws:iam::<account>:role/<name>' },
  workload_identity_provider: {
    test: /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/,
    expected: 'projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>',
  },
  service_account: {
    test: /^[^@\s]+@[a-z0-9.-]+\.iam\.gserviceaccount\.com$/,
    expected: '<name>@<project>.iam.gserviceaccount.com',
  },
  tenant_id: {
    test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    expected: 'the directory (tenant) id, a GUID',
  },
  connection_id: {
    test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    expected: 'the connection id Docker Hub shows, a UUID',
  },
};

/** The keyless forms: GitHub's OIDC token instead of a stored key. */
function keylessProblems(c: RawCredentials, at: (string | number)[]): Problem[] {
  const out: Problem[] = [];
  const shape = (block: 'aws' | 'google' | 'azure' | 'dockerhub', key: string) => {
    const v = (c[block] as Record<string, string | undefined> | undefined)?.[key];
    const s = shapesOf[key];
    if (v !== undefined && !v.includes('${') && !s.test.test(v.trim()))
      out.push({
        path: [...at, block, key],
        what: `${key} "${v}" is not ${s.expected}`,
        fix: `write ${key}: ${s.expected}`,
      });
  };
  if (c.aws) {
    if (c.aws.role !== undefined) {
      for (const k of ['access_key_id', 'secret_access_key', 'session_token'] as const) {
        if (c.aws[k] !== undefined)
          out.push({
            path: [...at, 'aws', k],
            what: `aws has both role and ${k}`,
            fix: "remove the keys: with role, GitHub's OIDC token is traded for the role's credentials",
            key: true,
          });
      }
    } else if (c.aws.audience !== undefined) {
      out.push({
        path: [...at, 'aws', 'audience'],
        what: 'aws audience goes with role',
        fix: 'add role: arn:aws:iam::<account>:role/<name>, or remove audience',
        key: true,
      });
    }
    shape('aws', 'role');
  }
  if (c.google) for (const k of ['workload_identity_provider', 'service_account']) shape('google', k);
  if (c.azure) {
    const { client_secret, tenant_id, audience } = c.azure;
    if (client_secret !== undefined && tenant_id !== undefined) {
      out.push({
        path: [...at, 'azure', 'tenant_id'],
        what: 'azure has both client_secret and tenant_id',
        fix: "keep client_secret (a stored secret) or tenant_id (keyless, GitHub's OIDC token), not both",
        key: true,
      });
    } else if (client_secret === undefined && tenant_id === undefined) {
      out.push({
        path: [...at, 'azure'],
        what: 'azure has client_id only',
        fix: 'add tenant_id: <directory id> (keyless) or client_secret: ${AZURE_CLIENT_SECRET}',
        key: true,
      });
    } else if (audience !== undefined && tenant_id === undefined) {
      out.push({
        path: [...at, 'azure', 'audience'],
        what: 'azure audience goes with tenant_id',
        fix: 'remove audience, or use tenant_id instead of client_secret',
        key: true,
      });
    }
    shape('azure', 'tenant_id');
  }
  if (c.dockerhub) shape('dockerhub', 'connection_id');
  return out;
}

function registryProblems(r: RawRegistry, i: number): Problem[] {
  const out: Problem[] = [];
  const at = (...p: (string | number)[]) => ['registries', i, ...p];
  const provider = r.provider as Provider;
  if (!namePattern.test(r.name)) {
    out.push({
      path: at('name'),
      what: `name "${r.name}" has characters a name cannot have`,
      fix: 'use letters, digits, ".", "_" and "-", starting with a letter or digit',
    });
  }
  if (r.domain === undefined && impliedDomain[provider] === undefined) {
    out.push({
      path: at(),
      what: `provider ${provider} needs a domain`,
      fix: `add domain: ${provider === 'ecr' ? '<account>.dkr.ecr.<region>.amazonaws.com' : provider === 'gar' ? '<region>-docker.pkg.dev' : provider === 'gcr' ? 'gcr.io' : provider === 'acr' ? '<name>.azurecr.io' : 'registry.example.com'}`,
    });
  } else if (r.domain !== undefined) {
    const problem = domainProblem(provider, r.domain);
    if (problem) {
      const [what, fix] = problem.split(' — ');
      out.push({ path: at('domain'), what, fix });
    }
  }
  if (r.prefix !== undefined) {
    if (r.prefix.startsWith('/') || r.prefix.endsWith('/')) {
      out.push({
        path: at('prefix'),
        what: `prefix "${r.prefix}" starts or ends with "/"`,
        fix: `write prefix: ${r.prefix.replace(/^\/+|\/+$/g, '')}`,
      });
    } else if (!r.prefix.split('/').every((c) => pathComponent.test(c))) {
      out.push({
        path: at('prefix'),
        what: `prefix "${r.prefix}" is not a repository path`,
        fix: 'use lower-case letters, digits and ".", "_", "-" between them, with "/" between parts',
      });
    }
  }
  if (r.insecure && httpsOnly.has(provider)) {
    out.push({
      path: at('insecure'),
      what: `insecure: true on provider ${provider}, which serves https only`,
      fix: 'remove insecure (it is for your own registries: provider other, artifactory or quay)',
    });
  }
  if (r.credentials) out.push(...credentialProblems(r, r.credentials, at('credentials')));
  return out;
}

/** Every rule that ties several keys or registries together. */
export function ruleProblems(file: RawFile): Problem[] {
  const out: Problem[] = [];
  const names = file.registries.map((r) => r.name);
  const index = new Map<string, number>();
  file.registries.forEach((r, i) => {
    out.push(...registryProblems(r, i));
    const seen = index.get(r.name);
    if (seen !== undefined) {
      out.push({
        path: ['registries', i, 'name'],
        what: `name "${r.name}" is already used by registry #${seen + 1}`,
        fix: 'give each registry its own name',
      });
    } else {
      index.set(r.name, i);
    }
  });
  const mustName = (value: string | undefined, path: (string | number)[], key: string) => {
    if (value === undefined || index.has(value)) return true;
    const hint = didYouMean(value, names);
    out.push({ path, what: `${key} "${value}" names no registry`, fix: hint || `use one of ${names.join(', ')}` });
    return false;
  };
  mustName(file.default, ['default'], 'default');
  if (mustName(file.caching, ['caching'], 'caching') && file.caching !== undefined) {
    const caching = file.registries[index.get(file.caching)!];
    if (caching.provider === 'dockerhub' || (registryDomain(caching) && isDockerHub(registryDomain(caching)!))) {
      out.push({
        path: ['caching'],
        what: `caching registry "${file.caching}" is on Docker Hub, which does not keep build cache`,
        fix: 'name another registry as caching, or remove caching',
      });
    }
  }
  file.registries.forEach((r, i) => {
    if (r.fallback === undefined) return;
    if (!mustName(r.fallback, ['registries', i, 'fallback'], 'fallback')) return;
    const chain = [r.name];
    let next: string | undefined = r.fallback;
    while (next !== undefined && index.has(next)) {
      chain.push(next);
      if (next === r.name) {
        out.push({
          path: ['registries', i, 'fallback'],
          what: `fallback chain loops: ${chain.join(' → ')}`,
          fix: 'end the chain at a registry without fallback',
        });
        break;
      }
      if (chain.indexOf(next) < chain.length - 1) break; // a loop that does not pass through r: reported at its own members
      next = file.registries[index.get(next)!].fallback;
    }
  });
  out.push(...primaryProblems(file));
  return out;
}

/** When several registries share a domain, exactly one of them is primary. */
function primaryProblems(file: RawFile): Problem[] {
  const byDomain = new Map<string, number[]>();
  file.registries.forEach((r, i) => {
    const d = registryDomain(r);
    if (d !== undefined) byDomain.set(d, [...(byDomain.get(d) ?? []), i]);
  });
  const out: Problem[] = [];
  for (const [domain, members] of byDomain) {
    if (members.length < 2) continue;
    const names = members.map((i) => `"${file.registries[i].name}"`).join(', ');
    const primaries = members.filter((i) => file.registries[i].primary);
    if (primaries.length === 0) {
      out.push({
        path: ['registries', members[1]],
        what: `registries ${names} share domain ${domain} and none is primary`,
        fix: 'add primary: true to the one whose account serves pulls',
      });
    } else if (primaries.length > 1) {
      out.push({
        path: ['registries', primaries[1], 'primary'],
        what: `registries ${primaries.map((i) => `"${file.registries[i].name}"`).join(', ')} share domain ${domain} and are all primary`,
        fix: 'keep primary: true on one of them only',
      });
    }
  }
  return out;
}
