#!/usr/bin/env bash
# Fetch the country outlines of `kg report`'s map: Natural Earth 1:110m admin-0 countries
# (public domain) as TopoJSON in the npm package world-atlas (ISC licence, Mike Bostock),
# converted to plain rings (pipelines/topojson_outlines.py) in kg/report/data. The result is
# committed, so that the report and the wheel need no network.
# Run again to update it: pipelines/fetch_outlines.sh [VERSION SHA256-OF-THE-TARBALL]
set -euo pipefail
version="${1:-2.0.2}"
sha256="${2:-032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$version" >/dev/null)
echo "$sha256  $tmp/world-atlas-$version.tgz" | sha256sum --check --quiet
tar -xzf "$tmp/world-atlas-$version.tgz" -C "$tmp"
(cd "$repo" && python3 -m pipelines.topojson_outlines "$tmp/package/countries-110m.json" \
  kg/report/data/countries-110m.json)
echo "world-atlas $version ($(node -p "require('$tmp/package/package.json').license")) -> kg/report/data"
