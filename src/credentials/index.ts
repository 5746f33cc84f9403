/**
 * Credentials: each registry's `credentials:` turned into a username and password
 * (every source and provider), the login that writes them to a Docker config, and
 * the accounts each phase of a step uses. Everything outside src/credentials
 * imports from here.
 */
export type { Credential, CredentialContext, CredentialRequest } from './types.js';
export { maskCredential, secretForms } from './mask.js';
export { dockercfgEntries, pickEntry } from './dockercfg.js';
export { resolveCredentials } from './resolve.js';
export { logIn, type LoginResult, type LoginRow } from './login.js';
export {
  accountsByDomain,
  conflictingDomains,
  loginPhase,
  unionAccounts,
  type LoginContext,
  type PhaseLogin,
} from './accounts.js';
export { registriesFromInputs, usesLoginInputs, type LoginInputs } from './login-inputs.js';
