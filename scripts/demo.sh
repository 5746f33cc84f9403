#!/usr/bin/env bash
# npm run demo: build the bundles, bundle the demo (node 20 runs no .ts), run it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npx ncc build scripts/demo.ts -o "$out" -q
REGKIT_REPO_ROOT="$PWD" node "$out/index.js"
