#!/usr/bin/env bash
# Fetch YASGUI (npm @zazuko/yasgui, MIT licence) into kg/serve/static, where `kg serve`'s query
# page loads it from: the files are committed, so that the page and the wheel work offline.
# Run again to update it: pipelines/fetch_yasgui.sh [VERSION]
set -euo pipefail
version="${1:-4.6.2}"
static="$(cd "$(dirname "$0")/.." && pwd)/kg/serve/static"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@zazuko/yasgui@$version" >/dev/null && tar -xzf zazuko-yasgui-*.tgz)
cp "$tmp/package/build/yasgui.min.js" "$tmp/package/build/yasgui.min.css" "$static/"
echo "YASGUI $version ($(node -p "require('$tmp/package/package.json').license")) -> $static"
