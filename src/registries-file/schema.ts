// The shape of the registries file (zod 4). Rules between keys live in rules.ts.
import { z } from 'zod';
import { providers } from './types.js';

const text = z.string().min(1);

export const awsSchema = z.strictObject({
  region: text.optional(),
  access_key_id: text.optional(),
  secret_access_key: text.optional(),
  session_token: text.optional(),
  // Keyless: the role GitHub's OIDC token is traded for (AssumeRoleWithWebIdentity).
  role: text.optional(),
  audience: text.optional(),
});

// Exactly one form is checked in rules.ts, where the error can name the keys found.
export const googleSchema = z.strictObject({
  json_key: text.optional(),
  json_key_file: text.optional(),
  access_token: text.optional(),
  // Keyless: workload identity federation with GitHub's OIDC token.
  workload_identity_provider: text.optional(),
  service_account: text.optional(),
  audience: text.optional(),
});

// client_secret (a service principal's password) or tenant_id (keyless, a federated credential): rules.ts.
export const azureSchema = z.strictObject({
  client_id: text,
  client_secret: text.optional(),
  tenant_id: text.optional(),
  audience: text.optional(),
});
// Docker Hub's OIDC connection: the organisation (or user) and the connection's id.
export const dockerhubSchema = z.strictObject({ username: text, connection_id: text });
export const ibmSchema = z.strictObject({ apikey: text });

export const credentialsSchema = z.strictObject({
  username: text.optional(),
  password: text.optional(),
  dockercfg: text.optional(),
  encrypted_dockercfg: text.optional(),
  aws: awsSchema.optional(),
  google: googleSchema.optional(),
  azure: azureSchema.optional(),
  dockerhub: dockerhubSchema.optional(),
  ibm: ibmSchema.optional(),
});

export const registrySchema = z.strictObject({
  name: text,
  provider: z.enum(providers as [string, ...string[]]),
  domain: text.optional(),
  prefix: text.optional(),
  primary: z.boolean().optional(),
  fallback: text.optional(),
  insecure: z.boolean().optional(),
  env_file: text.optional(),
  credentials: credentialsSchema.optional(),
});

export const fileSchema = z.strictObject({
  version: z.literal(1),
  default: text.optional(),
  caching: text.optional(),
  registries: z.array(registrySchema).min(1),
  env_files: z.array(text).optional(),
});

export type RawFile = z.infer<typeof fileSchema>;
export type RawRegistry = z.infer<typeof registrySchema>;
export type RawCredentials = z.infer<typeof credentialsSchema>;

/** The keys allowed at a place in the file, by its path without list indexes ("registries.credentials.aws"). */
export const keysAt: Record<string, readonly string[]> = {
  '': Object.keys(fileSchema.shape),
  registries: Object.keys(registrySchema.shape),
  'registries.credentials': Object.keys(credentialsSchema.shape),
  'registries.credentials.aws': Object.keys(awsSchema.shape),
  'registries.credentials.google': Object.keys(googleSchema.shape),
  'registries.credentials.azure': Object.keys(azureSchema.shape),
  'registries.credentials.dockerhub': Object.keys(dockerhubSchema.shape),
  'registries.credentials.ibm': Object.keys(ibmSchema.shape),
};

/** What to write for a key that is missing. */
export const exampleFor: Record<string, string> = {
  version: 'version: 1 at the top of the file',
  registries: 'registries: with a list of registries',
  name: 'name: with a unique name, e.g. name: ghcr',
  provider: `provider: one of ${providers.join(', ')}`,
  client_id: 'client_id: ${AZURE_CLIENT_ID}',
  client_secret: 'client_secret: ${AZURE_CLIENT_SECRET}',
  connection_id: 'connection_id: <the OIDC connection id from Docker Hub>',
  username: 'username: <user or organisation>',
  apikey: 'apikey: ${IBM_API_KEY}',
};
