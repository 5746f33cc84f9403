// The registries file as the rest of regkit sees it, after structure and rules were checked.
import type { Position } from '../errors.js';

export type { Position };

export type Provider = 'dockerhub' | 'ghcr' | 'ecr' | 'gcr' | 'gar' | 'acr' | 'quay' | 'artifactory' | 'ibm' | 'other';

export const providers: readonly Provider[] = [
  'dockerhub',
  'ghcr',
  'ecr',
  'gcr',
  'gar',
  'acr',
  'quay',
  'artifactory',
  'ibm',
  'other',
];

export interface AwsCredentials {
  region?: string;
  access_key_id?: string;
  secret_access_key?: string;
  session_token?: string;
  /** Keyless: the IAM role GitHub's OIDC token is exchanged for. */
  role?: string;
  /** The OIDC token's audience (default sts.amazonaws.com). */
  audience?: string;
}

/** Workload identity federation: GitHub's OIDC token traded for Google access, optionally as a service account. */
export interface GoogleKeyless {
  workload_identity_provider: string;
  service_account?: string;
  audience?: string;
}

export type GoogleCredentials =
  { json_key: string } | { json_key_file: string } | { access_token: string } | GoogleKeyless;

/** A service principal with its secret, or (keyless) with a federated credential for GitHub's OIDC token. */
export type AzureCredentials =
  { client_id: string; client_secret: string } | { client_id: string; tenant_id: string; audience?: string };

export interface DockerHubKeyless {
  username: string;
  connection_id: string;
}

/**
 * The `credentials:` block of a registry, exactly one form (docs/registries-file.md lists them).
 * Keys are spelt as in the file. Strings may hold `${VAR}` until resolveCredentialSpec.
 */
export type CredentialSpec =
  | { username: string; password: string }
  | { dockercfg: string }
  | { encrypted_dockercfg: string }
  | { aws: AwsCredentials }
  | { google: GoogleCredentials }
  | { azure: AzureCredentials }
  | { dockerhub: DockerHubKeyless }
  | { ibm: { apikey: string } };

export interface Registry {
  name: string;
  provider: Provider;
  /** Normalised host[:port]; `docker.io` for every Docker Hub alias. */
  domain: string;
  prefix?: string;
  primary: boolean;
  fallback?: string;
  /** Plain http allowed to a host that is not loopback. */
  insecure: boolean;
  envFile?: string;
  /** Raw from the file: `${VAR}` not yet resolved. Absent: anonymous (ghcr: GITHUB_ACTOR/GITHUB_TOKEN; ecr: AWS environment). */
  credentials?: CredentialSpec;
  /** The registry's entry in the list. */
  at: Position;
  /** Position of every key given in the entry, by dotted path: "domain", "credentials.password", "credentials.aws.region". */
  positions: Record<string, Position>;
}

export interface RegistriesFile {
  file: string;
  default?: string;
  caching?: string;
  registries: Registry[];
  envFiles: string[];
  /** Position of each top-level key and entry: "default", "caching", "env_files.0". */
  positions: Record<string, Position>;
}

export { formatPosition } from '../errors.js';
