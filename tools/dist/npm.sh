#!/usr/bin/env bash
# dist-npm: the npm package (@sfn-workflows/pulumi) as `npm pack` makes it, from a staging copy of
# provider/ with the release version stamped into package.json. Source maps are left out: the
# package ships compiled JavaScript and types, not the TypeScript sources the maps point to.
#
#   DIST_DIR=... DIST_VERSION=... tools/dist/npm.sh   (run by `make dist-npm`)
set -euo pipefail
: "${DIST_DIR:?}" "${DIST_VERSION:?}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

cp -r provider/bin "$stage/bin"
find "$stage/bin" -name '*.map' -delete
# The compiled files' trailing `//# sourceMappingURL=` comments would name the dropped maps.
find "$stage/bin" -name '*.js' -exec sed -i '/^\/\/# sourceMappingURL=/d' {} +
cp provider/package.json provider/README.md schema.json LICENSE "$stage/"
# The LocalStack install script and its pins: `sfn-workflows serve` names the script when LocalStack is missing.
cp -r provider/engine "$stage/engine"
(cd "$stage" && npm pkg set "version=$DIST_VERSION" >/dev/null)

mkdir -p "$DIST_DIR"
(cd "$stage" && npm pack --silent --pack-destination "$DIST_DIR")
