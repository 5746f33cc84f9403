/**
 * A stand-in for a buildx release binary, served by the tests' release server (no real
 * release can be downloaded here). It is a Docker CLI plugin: it answers the CLI's
 * `docker-cli-plugin-metadata`, `buildx version` and `buildx inspect` (docker driver), and
 * runs `buildx build` as `docker build` on the daemon's BuildKit through the Docker 20.10
 * client (DOCKER_CLI_BUILDKIT), dropping the options only buildx has.
 *
 *   const bytes = buildxStandIn('0.0.0-test');
 *   releaseTable(dir, '0.0.0-test', bytes)   // a table file for REGKIT_TEST_BUILDX_RELEASE
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCKER_CLI_BUILDKIT } from './dockerd.js';

export function buildxStandIn(version: string): Buffer {
  return Buffer.from(`#!/bin/bash
# regkit test stand-in for buildx v${version}
case "$1" in
  docker-cli-plugin-metadata)
    echo '{"SchemaVersion":"0.1.0","Vendor":"regkit tests","Version":"v${version}","ShortDescription":"buildx stand-in"}'
    exit 0 ;;
  buildx) shift ;;
esac
case "$1" in
  version) echo "github.com/docker/buildx v${version} regkit-test-stand-in" ;;
  inspect) printf 'Name:   default\\nDriver: docker\\n' ;;
  build)
    shift
    args=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --platform|--metadata-file|--cache-to) shift 2 ;;
        --load) shift ;;
        *) args+=("$1"); shift ;;
      esac
    done
    echo "buildx stand-in: docker build \${args[*]}"
    DOCKER_BUILDKIT=1 exec ${DOCKER_CLI_BUILDKIT} build "\${args[@]}" ;;
  *) echo "buildx stand-in: $* is not supported" >&2; exit 1 ;;
esac
`);
}

/** A release table naming `bytes` for this machine's platform; the path of its file. */
export function releaseTable(dir: string, version: string, bytes: Buffer, platform: string): string {
  const file = join(dir, 'buildx-release.json');
  writeFileSync(
    file,
    JSON.stringify({ version, sha256: { [platform]: createHash('sha256').update(bytes).digest('hex') } }),
  );
  return file;
}
