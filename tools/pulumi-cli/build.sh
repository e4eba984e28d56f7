#!/usr/bin/env bash
# Builds the Pulumi CLI and its language hosts from the Go module proxy into BIN_DIR (outside the
# source tree; `make pulumi-cli` passes the cache directory). Only for this repository's engine
# tests: the CLI's release downloads cannot be reached here. Users keep their normal Pulumi install.
#
# Idempotent: a binary that is already there is not rebuilt, unless a pin changed (the directory
# name carries the CLI version, .pins a hash of the go.mod/go.sum files; delete the directory to
# force a rebuild). Prints how long each build took.
#
# Pins (the go.mod files next to this script; their go.sum files are committed):
#   pulumi                   github.com/pulumi/pulumi/pkg/v3/cmd/pulumi                       pkg v3.255.0
#   pulumi-language-nodejs   github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs  sdk v3.68.0
#   pulumi-language-python   github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python  sdk v3.79.0
#   pulumi-language-go       github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go              sdk v3.66.0
#   pulumi-language-yaml     github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml             v1.30.0
#   pulumi-language-java     github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java         pkg v1.22.0
#     (the proxy lists no pulumi-java/pkg versions and refuses v1.20.0 and v1.21.0, but serves v1.22.0;
#     only `make test-dist` needs this host, and it has its own pin file, .pins-java)
# The current language hosts live in their own Go modules (…/sdk/nodejs/cmd/pulumi-language-nodejs/v3,
# …/sdk/python/cmd/pulumi-language-python/v3, …/sdk/go/pulumi-language-go/v3), which the module
# proxy reachable here does not serve at any version (403 "This module version is not available").
# Until they moved out, the hosts were packages of the sdk/v3 module: the builds above are the last
# sdk/v3 releases that contain each of them. See docs/engine-tests.md.
set -euo pipefail

BIN_DIR=${1:?usage: build.sh BIN_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$BIN_DIR"
export GOFLAGS=${GOFLAGS:--buildvcs=false}

# The directory name carries the CLI version; a change to any pin (a go.mod or go.sum here) makes
# the binaries stale.
PINS=$(cd "$HERE" && cat go.mod go.sum langhost-{go,nodejs,python,yaml}/go.mod langhost-{go,nodejs,python,yaml}/go.sum |
  sha256sum | cut -c1-16)
if [[ -f "$BIN_DIR/.pins" && "$(cat "$BIN_DIR/.pins")" != "$PINS" ]]; then
  echo "pulumi-cli: pins changed since the last build; rebuilding"
  rm -f "$BIN_DIR"/pulumi "$BIN_DIR"/pulumi-language-*
fi
echo "$PINS" >"$BIN_DIR/.pins"

# version_of MODULE_DIR MODULE: the version a wrapper module pins.
version_of() { (cd "$1" && go list -m -f '{{.Version}}' "$2"); }

SDK_VERSION_VAR=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version

# build NAME MODULE_DIR PACKAGE VERSION [VERSION_VARIABLE]
build() {
  local name=$1 dir=$2 pkg=$3 version=$4 var=${5:-$SDK_VERSION_VAR} start
  if [[ -x "$BIN_DIR/$name" ]]; then
    echo "pulumi-cli: $name already built ($BIN_DIR/$name)"
    return
  fi
  echo "pulumi-cli: building $name ($pkg, $version)"
  start=$(date +%s)
  (cd "$dir" && nice -n 10 go build -trimpath \
    -ldflags "-s -w -X $var=$version" -o "$BIN_DIR/$name.tmp" "$pkg")
  mv "$BIN_DIR/$name.tmp" "$BIN_DIR/$name"
  echo "pulumi-cli: built $name in $(($(date +%s) - start)) s"
}

PKG_VERSION=$(version_of "$HERE" github.com/pulumi/pulumi/pkg/v3)
build pulumi "$HERE" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$PKG_VERSION"

NODEJS_VERSION=$(version_of "$HERE/langhost-nodejs" github.com/pulumi/pulumi/sdk/v3)
build pulumi-language-nodejs "$HERE/langhost-nodejs" \
  github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "$NODEJS_VERSION"

PYTHON_VERSION=$(version_of "$HERE/langhost-python" github.com/pulumi/pulumi/sdk/v3)
build pulumi-language-python "$HERE/langhost-python" \
  github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python "$PYTHON_VERSION"
# The Python host runs programs through this shim script, which Pulumi ships next to the host.
if [[ ! -x "$BIN_DIR/pulumi-language-python-exec" ]]; then
  SDK_DIR=$(cd "$HERE/langhost-python" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)
  install -m 0755 "$SDK_DIR/python/cmd/pulumi-language-python-exec" "$BIN_DIR/pulumi-language-python-exec"
fi

GO_VERSION=$(version_of "$HERE/langhost-go" github.com/pulumi/pulumi/sdk/v3)
build pulumi-language-go "$HERE/langhost-go" github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go "$GO_VERSION"

YAML_VERSION=$(version_of "$HERE/langhost-yaml" github.com/pulumi/pulumi-yaml)
build pulumi-language-yaml "$HERE/langhost-yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml \
  "$YAML_VERSION" github.com/pulumi/pulumi-yaml/pkg/version.Version

# The Java host, with a pin of its own: a new pulumi-java release does not rebuild the others.
JAVA_PINS=$(cat "$HERE"/langhost-java/go.mod "$HERE"/langhost-java/go.sum | sha256sum | cut -c1-16)
if [[ -f "$BIN_DIR/.pins-java" && "$(cat "$BIN_DIR/.pins-java")" != "$JAVA_PINS" ]]; then
  rm -f "$BIN_DIR"/pulumi-language-java
fi
echo "$JAVA_PINS" >"$BIN_DIR/.pins-java"
JAVA_VERSION=$(version_of "$HERE/langhost-java" github.com/pulumi/pulumi-java/pkg)
build pulumi-language-java "$HERE/langhost-java" github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java \
  "$JAVA_VERSION" github.com/pulumi/pulumi-java/pkg/version.Version

"$BIN_DIR/pulumi" version
