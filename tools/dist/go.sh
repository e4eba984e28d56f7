#!/usr/bin/env bash
# dist-go: the Go SDK (sdk/go) as a module version in the layout of a Go module proxy
# (dist/goproxy/<module>/@v/{list,vX.Y.Z.info,.mod,.zip}), so that
#   GOPROXY=file://$PWD/dist/goproxy,https://proxy.golang.org GONOSUMDB=github.com/sfn-workflows
# resolves it offline. The zip is made with golang.org/x/mod/zip (tools/dist/gomodzip), as the go
# command makes it from the tag; like the go command for a module in a subdirectory without a
# LICENSE of its own, it carries the repository's LICENSE. GONOSUMDB: the checksum database knows
# only published versions; go.sum still records and verifies the zip's hash.
#
# The module lives in sdk/go, so its release tag is sdk/go/vX.Y.Z (docs/releasing.md).
#
#   DIST_DIR=... DIST_VERSION=... tools/dist/go.sh   (run by `make dist-go`)
set -euo pipefail
source "$(dirname "$0")/lib/sdk-package.sh"

module=$(cd sdk/go && go list -m)
version="v$DIST_VERSION"
require_sdk_version sdk/go/sfnworkflows/pulumi-plugin.json "\"version\": \"$DIST_VERSION\""

cp -R sdk/go "$stage/module"
cp LICENSE "$stage/module/LICENSE"

# The proxy protocol escapes upper-case letters in paths (golang.org/x/mod/module.EscapePath).
[[ "$module" == "${module,,}" ]] || { echo "module path $module has upper-case letters: escape it" >&2; exit 1; }
dir="$DIST_DIR/goproxy/$module/@v"
rm -rf "$DIST_DIR/goproxy"
mkdir -p "$dir"
(cd tools/dist/gomodzip && go run . "$module" "$version" "$stage/module" "$dir/$version.zip")
cp sdk/go/go.mod "$dir/$version.mod"
# The version's time: the commit's, so that dist/ is the same for the same commit.
time=$(TZ=UTC git log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ)
printf '{"Version":"%s","Time":"%s"}\n' "$version" "$time" >"$dir/$version.info"
echo "$version" >"$dir/list"
find "$DIST_DIR/goproxy" -type f | sort
