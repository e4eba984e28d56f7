# Shared by the SDK package scripts (tools/dist/{python,java,go,dotnet}.sh): sourced, not run.
# Each script packages a COPY of a generated SDK (sdk/ stays exactly as `make gen` wrote it) in a
# staging directory that is removed on exit.
: "${DIST_DIR:?}" "${DIST_VERSION:?}"

# schema_field FIELD: a top-level field of schema.json ("" when absent).
schema_field() { python3 -c 'import json, sys; print(json.load(open("schema.json")).get(sys.argv[1], ""))' "$1"; }

# require_sdk_version FILE TEXT: the generated SDK carries the release version, or it is stale.
require_sdk_version() {
  grep -qF -- "$2" "$1" || {
    echo "$1 does not carry version $DIST_VERSION (schema.json's): run \`make gen\` and commit sdk/" >&2
    exit 1
  }
}

[[ -f LICENSE ]] || { echo "LICENSE is missing at the repository root: every package ships it" >&2; exit 1; }
[[ "$(schema_field version)" == "$DIST_VERSION" ]] || {
  echo "DIST_VERSION=$DIST_VERSION is not schema.json's version $(schema_field version)" >&2
  exit 1
}

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$DIST_DIR"
