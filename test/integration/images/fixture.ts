// Images with regkit's labels on two real registries (htpasswd "staging", token "prod" with a prefix),
// a cosign-style signature on one, and an untagged image still named by its signature.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  makeArtifact,
  makeImage,
  makeMultiPlatform,
  pushImage,
  sidecarTag,
  startRegistry,
  tempDir,
  type Image,
  type Index,
  type Registry,
} from '../../env/index.js';

export const A = { username: 'alice', password: 'a-pass' };
export const B = { username: 'bob', password: 'b-pass' };

const labels = (branch: string, revision: string, message: string, extra: Record<string, string> = {}) => ({
  Labels: {
    'org.opencontainers.image.revision': revision,
    'org.opencontainers.image.source': 'https://github.com/acme/app',
    'io.regkit.branch': branch,
    'io.regkit.commit-message': message,
    ...extra,
  },
});

export const REV = {
  v10: 'a'.repeat(40),
  v11: 'b'.repeat(40),
  feature: 'c'.repeat(40),
  worker: 'd'.repeat(40),
  gone: 'e'.repeat(40),
};

export const images = {
  v10: makeImage({
    seed: 'img-1.0',
    created: '2026-01-01T10:00:00Z',
    config: labels('main', REV.v10, 'First release'),
  }),
  v11: makeImage({
    seed: 'img-1.1',
    created: '2026-02-01T10:00:00Z',
    config: labels('main', REV.v11, 'Second release\n\nWith a body'),
  }),
  feature: makeImage({
    seed: 'img-feat',
    created: '2026-01-15T10:00:00Z',
    config: labels('feature/x', REV.feature, 'Try <b>x</b> & "y"'),
  }),
  worker: makeMultiPlatform(['linux/amd64', 'linux/arm64'], {
    seed: 'img-worker',
    created: '2026-01-20T10:00:00Z',
    config: labels('main', REV.worker, 'Worker', { 'org.opencontainers.image.base.name': 'docker.io/library/node:20' }),
  }) as Index,
  untagged: makeImage({
    seed: 'img-gone',
    created: '2025-12-01T10:00:00Z',
    config: labels('old', REV.gone, 'Untagged now'),
  }),
  prod: makeImage({
    seed: 'img-prod',
    created: '2026-01-05T10:00:00Z',
    config: labels('main', REV.v10, 'First release'),
  }),
};
export const sigV11 = makeArtifact({ subject: images.v11, kind: 'signature' });
export const sigGone = makeArtifact({ subject: images.untagged, kind: 'signature' });

export interface World {
  staging: Registry;
  prod: Registry;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const [staging, prod] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: A.password } }),
    startRegistry({ auth: 'token', users: { bob: B.password } }),
  ]);
  const s = { url: staging.url, ...A };
  await pushImage(s, 'app', images.v10, '1.0');
  await pushImage(s, 'app', images.v11, '1.1');
  await pushImage(s, 'app', images.v11, 'latest');
  await pushImage(s, 'app', images.feature, 'feature-x');
  await pushImage(s, 'app', sigV11, sidecarTag(images.v11.digest, 'sig'));
  await pushImage(s, 'app', images.untagged);
  await pushImage(s, 'app', sigGone, sidecarTag(images.untagged.digest, 'sig'));
  await pushImage(s, 'worker', images.worker, '1.0');
  await pushImage({ url: prod.url, ...B }, 'acme/app', images.prod, '2.0');
  return { staging, prod, stop: async () => void (await Promise.all([staging.stop(), prod.stop()])) };
}

/** A workspace with the registries file, and a Docker config with both logins. */
export function files(w: World): { cwd: string; env: Record<string, string> } {
  const cwd = tempDir('images-workspace');
  mkdirSync(join(cwd, '.github'), { recursive: true });
  writeFileSync(
    join(cwd, '.github/registries.yml'),
    [
      'version: 1',
      'registries:',
      `  - { name: staging, provider: other, domain: "${w.staging.host}" }`,
      `  - { name: prod, provider: other, domain: "${w.prod.host}", prefix: acme }`,
    ].join('\n') + '\n',
  );
  const docker = join(cwd, 'docker');
  mkdirSync(docker);
  const auth = (c: typeof A) => ({ auth: Buffer.from(`${c.username}:${c.password}`).toString('base64') });
  writeFileSync(
    join(docker, 'config.json'),
    JSON.stringify({ auths: { [w.staging.host]: auth(A), [w.prod.host]: auth(B) } }),
  );
  return { cwd, env: { DOCKER_CONFIG: docker } };
}

export type { Image };
