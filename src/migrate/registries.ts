/**
 * The registries file that replaces Codeship's credentials: one registry per
 * (credential source, domain) that a push, a pull or a service needs. Jet-encrypted
 * dockercfg files are used as they are; Codeship's dockercfg generator services become
 * the provider's own credentials with the generator's encrypted env file as env_file.
 */
import type { CredentialSource, PushStep, Service } from './model.js';
import type { Report } from './report.js';
import { suggestion } from './fields.js';
import { normalizeDomain, splitImageName } from '../naming/index.js';
import type { Pos } from './yaml-tree.js';

export interface RegistryEntry {
  name: string;
  provider: string;
  domain?: string;
  prefix?: string;
  primary?: boolean;
  env_file?: string;
  credentials?: Record<string, unknown>;
}

/** The registries file migrate writes, as plain YAML data. */
export interface RegistriesDocument {
  version: 1;
  caching?: string;
  registries: RegistryEntry[];
}

/** The folder under $RUNNER_TEMP where a generator service regkit does not know writes its dockercfg. */
export function generatedDockercfgDir(service: string): string {
  return `codeship-dockercfg/${service.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** Repository path without a tag: `a/b:dev` → `a/b`. */
export function withoutTag(path: string): string {
  const at = path.lastIndexOf(':');
  return at > path.lastIndexOf('/') ? path.slice(0, at) : path;
}

export function providerFor(domain: string): string {
  if (domain === 'docker.io') return 'dockerhub';
  if (domain === 'ghcr.io') return 'ghcr';
  if (domain === 'quay.io') return 'quay';
  if (/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(domain)) return 'ecr';
  if (domain === 'gcr.io' || domain.endsWith('.gcr.io')) return 'gcr';
  if (domain.endsWith('-docker.pkg.dev')) return 'gar';
  if (domain.endsWith('.azurecr.io')) return 'acr';
  if (domain.endsWith('icr.io') || domain.endsWith('bluemix.net')) return 'ibm';
  return 'other';
}

const IMPLIED = new Set(['dockerhub', 'ghcr', 'quay']);

interface Generator {
  providers: string[];
  credentials: Record<string, unknown>;
  /** Set when regkit's form is not exactly what Codeship's generator did. */
  note?: string;
}
const GENERATORS: Record<string, Generator> = {
  'codeship/aws-ecr-dockercfg-generator': { providers: ['ecr'], credentials: { aws: {} } },
  'codeship/gcr-dockercfg-generator': {
    providers: ['gcr', 'gar'],
    credentials: { google: { json_key: '${GOOGLE_AUTH_JSON}' } },
  },
  'codeship/azure-dockercfg-generator': {
    providers: ['acr'],
    credentials: { azure: { client_id: '${AZURE_USERNAME}', client_secret: '${AZURE_PASSWORD}' } },
    note: "Codeship's generator ran `az login` with AZURE_USERNAME/AZURE_PASSWORD; regkit signs in to ACR as a service principal, so those two variables must hold a service principal's id and secret",
  },
  'codeship/ibm-bluemix-dockercfg-generator': {
    providers: ['ibm'],
    credentials: { ibm: { apikey: '${BLUEMIX_API_KEY}' } },
  },
  'codeship/dockercfg-generator': {
    providers: ['*'],
    credentials: { username: '${DOCKER_USERNAME}', password: '${DOCKER_PASSWORD}' },
  },
  'codeship/heroku-dockercfg-generator': {
    providers: ['other'],
    credentials: { username: '_', password: '${HEROKU_API_KEY}' },
    note: "not one of Codeship's documented generators: Heroku's registry takes the user `_` and an API key, read here from HEROKU_API_KEY in the generator's env file — check the variable name",
  },
};

// The recommended next step after a cloud generator: no stored key at all, GitHub's OIDC token instead.
const KEYLESS: Record<string, (domain: string) => string> = {
  'codeship/aws-ecr-dockercfg-generator': (d) =>
    `\`credentials: { aws: { role: arn:aws:iam::${d.split('.')[0]}:role/<role GitHub may assume> } }\``,
  'codeship/gcr-dockercfg-generator': () =>
    "`credentials: { google: { workload_identity_provider: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>, service_account: <the key's service account> } }`",
  'codeship/azure-dockercfg-generator': () =>
    '`credentials: { azure: { tenant_id: <directory id>, client_id: <app with a federated credential> } }`',
};

export class RegistryPlanner {
  readonly file: RegistriesDocument = { version: 1, registries: [] };
  private readonly byKey = new Map<string, RegistryEntry>();
  private readonly told = new Set<Pos>();
  private readonly pending: CredentialSource[] = [];
  private readonly runs: { credentials: CredentialSource; service: string }[] = [];
  private readonly toldRuns = new Set<string>();
  /** Generator services regkit does not know: run as a step before the login, as Codeship ran them. */
  readonly generatorSteps = new Map<string, Service>();

  constructor(
    private readonly services: Map<string, Service>,
    private readonly report: Report,
    private readonly owner?: string,
  ) {}

  /** The registry a push or pull step goes to (undefined when its image name is unusable). */
  forStep(step: PushStep, imageName: string): RegistryEntry | undefined {
    const { domain } = splitImageName(imageName);
    if (step.registry && normalizeDomain(step.registry) !== domain && !this.told.has(step.pos)) {
      this.told.add(step.pos);
      this.report.changed(
        step.pos,
        `${step.type} step: \`registry: ${step.registry}\` differs from the image name's domain ${domain}; the image goes to ${domain} as its name says`,
      );
    }
    return this.entry(domain, step.credentials, step.pos);
  }

  /** Registries a service's own credentials open (pulls of its image and of private base images). */
  forService(s: Service): void {
    const source: CredentialSource | undefined = s.encryptedDockercfgPath
      ? { kind: 'dockercfg', path: s.encryptedDockercfgPath, pos: s.pos }
      : s.dockercfgService
        ? { kind: 'generator', service: s.dockercfgService, pos: s.pos }
        : undefined;
    if (!source) return;
    const image = s.image ?? s.build?.image;
    this.entry(image ? splitImageName(image).domain : 'docker.io', source, s.pos);
  }

  /**
   * Credentials on a run step or its group serve pulls: of the step's image when it names a
   * registry they fit, else of base images in registries nobody names. They are settled by
   * `unmatched()`, after every push and pull has tied its credentials to a registry.
   */
  forRun(step: { credentials?: CredentialSource; service: string }): void {
    if (step.credentials) this.runs.push({ credentials: step.credentials, service: step.service });
  }

  unmatched(): void {
    for (const { credentials: source, service } of this.runs) {
      const image = this.services.get(service)?.image;
      const tied = [...this.byKey.keys()]
        .filter((k) => k.startsWith(sourceKey(source) + '|'))
        .map((k) => k.slice(k.indexOf('|') + 1));
      const domain = image ? splitImageName(image).domain : undefined;
      if (tied.length) {
        // The file serves those registries; it is not guessed to hold the login of the step image's too.
        const key = `${sourceKey(source)}|${image}`;
        if (domain && !tied.includes(domain) && !this.toldRuns.has(key)) {
          this.toldRuns.add(key);
          const what =
            source.kind === 'dockercfg'
              ? `encrypted_dockercfg_path ${source.path}`
              : `dockercfg_service \`${source.service}\``;
          this.report.changed(
            source.pos,
            `${what} serves ${tied.join(', ')}; the step's image ${image} is pulled without it — if it holds the login for ${domain} too, add a registry for ${domain} with the same credentials to .github/registries.yml`,
          );
        }
      } else if (domain && this.fits(source, domain)) this.entry(domain, source, source.pos);
      // A dockercfg file tied to no registry most likely holds Docker Hub's login.
      else if (source.kind === 'dockercfg' && !image) this.entry('docker.io', source, source.pos);
      else if (!this.pending.some((p) => sourceKey(p) === sourceKey(source))) this.pending.push(source);
    }
    for (const p of this.pending) {
      if ([...this.byKey.keys()].some((k) => k.startsWith(sourceKey(p) + '|'))) continue;
      const what = p.kind === 'dockercfg' ? `encrypted_dockercfg_path ${p.path}` : `dockercfg_service \`${p.service}\``;
      this.report.skipped(
        p.pos,
        `${what} serves only pulls of images whose registry the files do not name (base images of builds?): no registry made for it — add one to .github/registries.yml if the builds need it`,
      );
    }
  }

  private fits(source: CredentialSource, domain: string): boolean {
    if (source.kind === 'dockercfg') return true;
    const svc = this.services.get(source.service);
    if (!svc) return false;
    const gen = GENERATORS[withoutTag(splitImageName(svc.image ?? svc.build?.image ?? '').path)];
    // A generator regkit does not know writes a dockercfg for whatever registries it serves.
    return !gen || gen.providers.includes('*') || gen.providers.includes(providerFor(domain));
  }

  private entry(domain: string, source: CredentialSource | undefined, pos: Pos | undefined): RegistryEntry {
    const key = `${source ? sourceKey(source) : 'none'}|${domain}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const provider = providerFor(domain);
    const e: RegistryEntry = { name: this.uniqueName(nameFor(provider, domain)), provider };
    if (!IMPLIED.has(provider)) e.domain = domain;
    if (provider === 'ghcr' && this.owner) e.prefix = this.owner;
    if (source?.kind === 'dockercfg') {
      e.credentials = { encrypted_dockercfg: source.path.replace(/^\.\//, '') };
      this.report.converted(
        source.pos,
        `encrypted_dockercfg_path ${source.path} → registry \`${e.name}\` (${domain}), the jet file used as it is`,
      );
    } else if (source?.kind === 'generator') {
      this.generator(e, source, provider, domain);
    } else if (provider === 'ghcr') {
      if (!this.owner)
        this.report.todo(
          undefined,
          `registry \`${e.name}\` (ghcr.io) has no \`prefix:\`: set it to your GitHub owner in lower case, e.g. prefix: my-org`,
        );
    } else {
      this.report.todo(
        pos,
        `no encrypted_dockercfg_path or dockercfg_service gives credentials for ${domain}: registry \`${e.name}\` has none — add them to .github/registries.yml, or pushes to it fail`,
      );
    }
    this.byKey.set(key, e);
    this.file.registries.push(e);
    // Several registries of one domain: the primary one is the first with credentials, never an anonymous one.
    const same = this.file.registries.filter((r) => (r.domain ?? implied(r.provider)) === domain);
    if (same.length > 1) {
      for (const r of same) delete r.primary;
      (same.find((r) => r.credentials || r.env_file) ?? same[0]).primary = true;
    }
    return e;
  }

  private generator(
    e: RegistryEntry,
    source: Extract<CredentialSource, { kind: 'generator' }>,
    provider: string,
    domain: string,
  ): void {
    const svc = this.services.get(source.service);
    if (!svc) {
      this.report.error(
        source.pos,
        `dockercfg_service \`${source.service}\` is not defined in the services file${suggestion(source.service, [...this.services.keys()])}; registry \`${e.name}\` has no credentials — fix the name, or give the registry credentials in .github/registries.yml`,
      );
      return;
    }
    const image = withoutTag(splitImageName(svc.image ?? svc.build?.image ?? '').path);
    const gen = GENERATORS[image];
    if (!gen) {
      e.credentials = { dockercfg: `\${RUNNER_TEMP}/${generatedDockercfgDir(svc.name)}/dockercfg` };
      if (!this.generatorSteps.has(svc.name)) {
        this.report.changed(
          source.pos,
          `dockercfg_service \`${svc.name}\` (${svc.build ? 'built here' : image}) is not one of Codeship's generators: ${svc.build ? 'it is built and' : 'it'} runs as a step before the login, as Codeship ran it (a folder mounted at /opt/data, the path /opt/data/dockercfg as its argument), and registry \`${e.name}\` (${domain}) reads the dockercfg it writes there — check that the image writes it there`,
        );
      }
      this.generatorSteps.set(svc.name, svc);
      return;
    }
    if (!gen.providers.includes('*') && !gen.providers.includes(provider)) {
      this.report.error(
        source.pos,
        `dockercfg_service \`${svc.name}\` runs ${image}, which logs in to ${gen.providers.join('/')}, but the image goes to ${domain}; registry \`${e.name}\` has no credentials — give it credentials for ${domain} in .github/registries.yml`,
      );
      return;
    }
    e.credentials = structuredClone(gen.credentials);
    const [envFile, ...more] = [...svc.encryptedEnvFiles, ...svc.envFiles];
    if (envFile) e.env_file = envFile.replace(/^\.\//, '');
    for (const m of more)
      this.report.skipped(
        svc.pos,
        `generator \`${svc.name}\`: env file ${m} is not read (a registry has one env_file; merge it into ${envFile})`,
      );
    if (svc.environment.length) {
      this.report.skipped(
        svc.pos,
        `generator \`${svc.name}\`: its \`environment:\` (${svc.environment.map(([k]) => k).join(', ')}) is not read; put those variables into ${envFile ?? 'an env_file of the registry'}`,
      );
    }
    const how = `dockercfg_service \`${svc.name}\` (${image}) → registry \`${e.name}\` (${domain}) with ${Object.keys(gen.credentials).join('/')} credentials${e.env_file ? ` and env_file ${e.env_file}` : ''}`;
    const keyless = KEYLESS[image]?.(domain);
    const next = keyless
      ? `; recommended next step, no stored cloud key: ${keyless} with \`permissions: id-token: write\` in the workflow, then delete ${e.env_file ?? 'the key'} (regkit's docs/login.md, "Keyless logins")`
      : '';
    if (gen.note) this.report.changed(source.pos, `${how}: ${gen.note}${next}`);
    else this.report.converted(source.pos, how + next);
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.file.registries.some((r) => r.name === name); i++) name = `${base}-${i}`;
    return name;
  }
}

function sourceKey(source: CredentialSource): string {
  return source.kind === 'dockercfg' ? `cfg:${source.path}` : `gen:${source.service}`;
}

/** The domain a provider's registries have without a `domain:` key. */
export function implied(provider: string): string | undefined {
  return provider === 'dockerhub'
    ? 'docker.io'
    : provider === 'ghcr'
      ? 'ghcr.io'
      : provider === 'quay'
        ? 'quay.io'
        : undefined;
}

function nameFor(provider: string, domain: string): string {
  if (provider === 'ecr') return `ecr-${domain.split('.')[3]}`;
  const host = domain.split(':')[0];
  const labels = host.split('.');
  // An address says nothing about the registry: 127.0.0.1:5000 → registry-127-0-0-1-5000.
  if (provider === 'other' && /^[\d.]+$|^\[/.test(host))
    return `registry-${domain}`.replace(/[^a-z0-9-]+/g, '-').replace(/-+$/, '');
  // registry.heroku.com → heroku; acme.azurecr.io → acme
  if (provider === 'other')
    return (labels.length > 1 ? labels[labels.length - 2] : labels[0]).replace(/[^a-z0-9-]/g, '-');
  if (provider === 'acr' || provider === 'gar') return labels[0].replace(/[^a-z0-9-]/g, '-');
  return provider;
}
