#!/usr/bin/env bash
# dist-java: the Java SDK's jar, pom, sources jar and javadoc jar, deployed into a Maven repository
# layout under dist/maven (what Maven Central serves; a build can name it as a file:// repository).
# Built with Maven from a copy of sdk/java: the generated build file is Gradle's, and there is no
# Gradle here. The pom (tools/dist/lib/java_pom.py) takes coordinates and dependencies from the
# generated build.gradle, and its descriptive fields from schema.json. The jar carries what the
# Gradle build's genPulumiResources task writes (version.txt, plugin.json: how the Java SDK tells
# the engine which plugin to use and where to download it) and the LICENSE.
#
#   DIST_DIR=... DIST_VERSION=... tools/dist/java.sh   (run by `make dist-java`)
set -euo pipefail
source "$(dirname "$0")/lib/sdk-package.sh"

gradle=sdk/java/build.gradle
require_sdk_version "$gradle" "\"$DIST_VERSION\""
cp -R sdk/java/src "$stage/src"
python3 tools/dist/lib/java_pom.py schema.json "$gradle" "$DIST_VERSION" >"$stage/pom.xml"

# Where build.gradle's genPulumiResources writes: the Gradle project name with dots as slashes.
project=$(sed -n 's/^rootProject.name = "\(.*\)"$/\1/p' sdk/java/settings.gradle)
resources="$stage/src/main/resources"
mkdir -p "$resources/${project//.//}" "$resources/META-INF"
printf '%s' "$DIST_VERSION" >"$resources/${project//.//}/version.txt"
python3 - "$DIST_VERSION" "$(schema_field pluginDownloadURL)" >"$resources/${project//.//}/plugin.json" <<'PY'
import json, sys
version, server = sys.argv[1:3]
info = {"resource": True, "name": "sfn-workflows", "version": version}
if server:
    info["server"] = server
print(json.dumps(info, indent=2))
PY
cp LICENSE "$resources/META-INF/LICENSE"

rm -rf "$DIST_DIR/maven"
(cd "$stage" && mvn -B -q -Dstyle.color=never -DskipTests \
  -Dmaven.install.skip=true -DaltDeploymentRepository="dist::file://$DIST_DIR/maven" deploy)
find "$DIST_DIR/maven" -type f -not -name '*.md5' -not -name '*.sha1' | sort
