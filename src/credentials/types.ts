import type { CredentialSpec, Registry } from '../registries-file/index.js';
import type { Position } from '../errors.js';

/** A username and password for one registry, and how they were obtained (for the job summary). */
export interface Credential {
  username: string;
  password: string;
  /** In the user's words: "username/password", "encrypted dockercfg .github/dockercfg.encrypted", "ECR token"... */
  source: string;
}

/** One registry whose credentials are wanted, with its spec already `${VAR}`-resolved. */
export interface CredentialRequest {
  registry: Registry;
  spec: CredentialSpec;
  /** What a provider generator sees: process env overlaid by env_files and the registry env_file. */
  env: Record<string, string | undefined>;
}

export interface CredentialContext {
  /** The AES key for an encrypted file; throws the "No AES key provided" UserError naming the file when there is none. */
  key(file: string): Promise<Buffer>;
  /** Called with every secret the moment it is known, before anything could print it. */
  mask(secret: string): void;
  /** GitHub's OIDC token for an audience (the login action passes @actions/core's getIDToken); absent outside the action. */
  idToken?(audience: string): Promise<string>;
  /** Where the AES key came from, for a message about a key that does not fit. */
  keyOrigin?(): string;
  /** A warning that does not stop the login (a plaintext credential file in the repository). */
  warn?(message: string, at?: Position): void;
}
