#!/usr/bin/env bash
# dist-python: the Python SDK's wheel and sdist (PEP 517, `python -m build`), from a copy of
# sdk/python with the top-level LICENSE and README added (the generator writes neither next to
# pyproject.toml). Description, license, URLs and requires-python come from the generated
# pyproject.toml (schema.json). `build` runs in a throw-away virtualenv the script creates.
#
#   DIST_DIR=... DIST_VERSION=... tools/dist/python.sh   (run by `make dist-python`)
set -euo pipefail
source "$(dirname "$0")/lib/sdk-package.sh"

require_sdk_version sdk/python/pyproject.toml "version = \"$DIST_VERSION\""
cp -R sdk/python "$stage/src"
cp LICENSE "$stage/src/LICENSE"
cp sdk/python/pulumi_sfn_workflows/README.md "$stage/src/README.md"

python3 -m venv "$stage/venv"
"$stage/venv/bin/pip" install --quiet --disable-pip-version-check 'build==1.3.0'
rm -f "$DIST_DIR"/pulumi_sfn_workflows-*
"$stage/venv/bin/python" -m build --sdist --wheel --outdir "$DIST_DIR" "$stage/src" >"$stage/build.log" 2>&1 || {
  cat "$stage/build.log" >&2
  exit 1
}
ls -1 "$DIST_DIR"/pulumi_sfn_workflows-"$DIST_VERSION"*
