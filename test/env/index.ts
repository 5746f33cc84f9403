/**
 * The shared test environment: import what a test needs from here.
 *
 *   import { startRegistry, startDockerd, baseImage, dockerConfig, dockerOk, makeImage,
 *            makeMultiPlatform, pushImage, getManifest, startProxy, tempDir } from '../env/index.js';
 *   import { runAction } from '../harness/action.js';
 *
 * Everything listens on 127.0.0.1 (free ports), runs from the run's state dir, and is
 * stopped by PID at global teardown even when a test fails. Guide: docs/testing.md.
 */
export { spawnTracked, run, runOk, tempDir, stateDir, type Tracked, type RunResult } from './processes.js';
export { freePort } from './ports.js';
export {
  startRegistry,
  probeV2,
  htpasswdFile,
  DEFAULT_USERS,
  type Registry,
  type RegistryOptions,
} from './registry.js';
export {
  startTokenServer,
  grant,
  parseScope,
  type TokenServer,
  type AccessRule,
  type TokenRequest,
} from './token-server.js';
export {
  startDockerd,
  baseImage,
  docker,
  dockerOk,
  dockerConfig,
  BASE_IMAGE,
  DOCKER_CLI,
  DOCKER_CLI_BUILDKIT,
  type Dockerd,
} from './dockerd.js';
export {
  makeImage,
  makeIndex,
  makeLayer,
  makeMultiPlatform,
  makeArtifact,
  makeReferrersIndex,
  sidecarTag,
  referrersTagOf,
  tar,
  bytes,
  sha256,
  MEDIA,
  MANIFEST_ACCEPT,
  type Image,
  type Index,
  type Blob,
  type Layer,
  type Artifact,
} from './images.js';
export {
  pushImage,
  pushBlob,
  putManifest,
  getManifest,
  blobExists,
  listTags,
  registryRequest,
  parseChallenge,
  type RegistryTarget,
} from './upload.js';
export { startProxy, type Proxy, type ProxiedRequest } from './proxy.js';
export { startActionsCache, type ActionsCacheService, type CacheEntry } from './actions-cache.js';
export { startReleaseServer, type ReleaseServer } from './release-server.js';
export { buildxStandIn, releaseTable } from './buildx-stand-in.js';
export {
  startHostile,
  startSilent,
  fakeRegistry,
  answer,
  type HostileServer,
  type HostileRequest,
  type HostileHandler,
} from './hostile.js';
export { startForwardProxy, type ForwardProxy, type ForwardedRequest } from './forward-proxy.js';
export { makeCert, type TestCert } from './certs.js';
