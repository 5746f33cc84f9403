#!/usr/bin/env bash
# Regenerates test/unit/template/fixtures/conformance.json with Go's own
# text/template (needs Go >= 1.18, the golang-go package; no network).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/test/unit/template/fixtures/conformance.json"
mkdir -p "$(dirname "$out")"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
node "$here/cases.mjs" >"$tmp"
(cd "$here" && GOFLAGS=-mod=mod TZ=UTC go run . <"$tmp") >"$out.new"
mv "$out.new" "$out"
count=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).cases.length)' "$out")
echo "go-oracle: $(go version | cut -d' ' -f3): wrote $count cases to ${out#"$root"/}"
