/**
 * Names of registries, images and tags: every rule about them lives here, and
 * everything else imports them from this file. A leaf: it imports nothing of regkit
 * but errors.
 */
export {
  DOCKER_HUB_ALIASES,
  DOCKER_HUB_API_HOST,
  DOCKER_HUB_KEY,
  apiHost,
  bareHost,
  basicAuth,
  configKey,
  hostname,
  isDockerHub,
  isLoopback,
  normalizeDomain,
} from './host.js';
export {
  InvalidReferenceError,
  familiarName,
  formatRef,
  isDomainComponent,
  isPathComponent,
  isValidTag,
  manifestReference,
  parseImageRef,
  splitImageName,
  validateDigest,
  withDefaultTag,
  withTag,
  type ImageRef,
} from './reference.js';
export { didYouMean, suggest } from './suggest.js';
