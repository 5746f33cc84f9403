/**
 * Installs the pinned buildx release as a Docker CLI plugin, for runners whose Docker
 * has none (self-hosted runners often do not) when a build needs it. Downloaded with the
 * Actions tool cache from GitHub's releases or a mirror, checked against the sha256 in
 * buildx-releases.ts before anything runs it, kept in the runner's tool cache so later
 * jobs skip the download, and linked as $DOCKER_CONFIG/cli-plugins/docker-buildx.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { dockerConfigDir } from './config.js';
import { BUILDX_DOWNLOADS, BUILDX_RELEASE, type BuildxRelease } from './buildx-releases.js';

const TOOL = 'docker-buildx';

export interface BuildxInstall {
  /** The plugin link. */
  plugin: string;
  /** The binary in the tool cache. */
  binary: string;
  version: string;
  /** Found in the tool cache: nothing downloaded. */
  cached: boolean;
  url?: string;
}

/** The asset platform of buildx's releases for this machine (`linux-amd64`…). */
export function buildxPlatform(platform: string = process.platform, arch: string = process.arch): string | undefined {
  if (platform !== 'linux') return undefined;
  const name: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm-v7',
    ppc64: 'ppc64le',
    riscv64: 'riscv64',
    s390x: 's390x',
  };
  return name[arch] ? `linux-${name[arch]}` : undefined;
}

/**
 * The release to install. REGKIT_TEST_BUILDX_RELEASE names a JSON file that replaces the
 * table: the tests serve a small stand-in binary, as no real release can be fetched there.
 */
function release(env: NodeJS.ProcessEnv): BuildxRelease {
  const file = env.REGKIT_TEST_BUILDX_RELEASE?.trim();
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as BuildxRelease) : BUILDX_RELEASE;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  // http-client resolves Location without a base: a mirror must redirect to a full URL.
  if (e?.code === 'ERR_INVALID_URL')
    return 'the server redirected to a relative Location, which the Actions tool cache cannot follow — redirect to a full URL';
  return String(e?.message ?? err).split(/\r?\n/)[0];
}

/** Links the binary as the docker CLI's buildx plugin; a plugin file of the user's is never replaced. */
function linkPlugin(binary: string, env: NodeJS.ProcessEnv): string {
  const dir = join(dockerConfigDir(env), 'cli-plugins');
  const plugin = join(dir, TOOL);
  mkdirSync(dir, { recursive: true });
  try {
    const st = lstatSync(plugin);
    if (!st.isSymbolicLink())
      throw new UserError(
        `${plugin} exists, but docker finds no working buildx plugin in it — remove it, or install buildx on the runner`,
      );
    unlinkSync(plugin);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  symlinkSync(binary, plugin);
  return plugin;
}

export async function installBuildx(opts: {
  env: NodeJS.ProcessEnv;
  mirror?: string;
  log: (line: string) => void;
}): Promise<BuildxInstall> {
  const { env, log } = opts;
  const rel = release(env);
  const platform = buildxPlatform();
  const expected = platform ? rel.sha256[platform] : undefined;
  if (!platform || !expected) {
    throw new UserError(
      `buildx: regkit pins no buildx ${rel.version} binary for ${process.platform}/${process.arch} — install buildx on the runner (docker/setup-buildx-action)`,
    );
  }
  if (!env.RUNNER_TOOL_CACHE?.trim() || !env.RUNNER_TEMP?.trim()) {
    throw new UserError(
      'buildx: RUNNER_TOOL_CACHE and RUNNER_TEMP are not set, so buildx cannot be installed here — run on a GitHub Actions runner, or install buildx',
    );
  }
  const tc = await import('@actions/tool-cache');
  const found = tc.find(TOOL, rel.version);
  if (found) {
    const binary = join(found, TOOL);
    // Checked again: the tool cache is a folder any job on the runner could have written.
    if ((await sha256File(binary).catch(() => '')) === expected) {
      log(`buildx ${rel.version}: found in the runner's tool cache (${found})`);
      return { plugin: linkPlugin(binary, env), binary, version: rel.version, cached: true };
    }
    log(`buildx ${rel.version}: the copy in the tool cache does not match its sha256; downloading it again`);
  }

  const base = (opts.mirror?.trim() || BUILDX_DOWNLOADS).replace(/\/+$/, '');
  const url = `${base}/v${rel.version}/buildx-v${rel.version}.${platform}`;
  log(`buildx ${rel.version}: the runner's Docker has no buildx plugin; downloading ${url}`);
  let downloaded: string;
  try {
    downloaded = await tc.downloadTool(url);
  } catch (err) {
    throw new UserError(
      `buildx-mirror: download of ${url} failed: ${reason(err)} — check buildx-mirror, or install buildx on the runner`,
    );
  }
  try {
    const got = await sha256File(downloaded);
    if (got !== expected) {
      throw new UserError(
        `buildx-mirror: ${url} has sha256 ${got}, not the ${expected} published for buildx ${rel.version} ${platform} — refused; check the mirror`,
      );
    }
    chmodSync(downloaded, 0o755);
    const dir = await tc.cacheFile(downloaded, TOOL, TOOL, rel.version);
    const binary = join(dir, TOOL);
    chmodSync(binary, 0o755);
    log(`buildx ${rel.version}: sha256 ${got} checked; kept in the runner's tool cache (${dir})`);
    return { plugin: linkPlugin(binary, env), binary, version: rel.version, cached: false, url };
  } finally {
    rmSync(downloaded, { force: true });
  }
}
