#!/usr/bin/env bash
# Installs LocalStack for `sfn-workflows serve` and the tests into DIR (a virtualenv), with what it
# needs to run here without Docker, a token or downloads at run time:
#   - the pinned packages of localstack-requirements.txt, on Python 3.13;
#   - a certificate made now (its pyOpenSSL cannot make one; it would download one otherwise);
#   - the system JDK where LocalStack looks for its Java 21 (it would download a JDK otherwise);
#   - the JSONata jars from Maven Central, installed now rather than on the first JSONata execution.
# Usage: install-localstack.sh DIR    (PYTHON and JAVA_HOME override what is found)
set -euo pipefail
dir=${1:?usage: install-localstack.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)

# The first Python 3.13 of: $PYTHON, pyenv's 3.13.0, python3.13 on PATH (a pyenv shim may not run).
python=""
for candidate in ${PYTHON:-} "$HOME/.pyenv/versions/3.13.0/bin/python3.13" "$(command -v python3.13 || true)"; do
  if [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "install-localstack: Python 3.13 not found (tried \$PYTHON, ~/.pyenv/versions/3.13.0, python3.13 on PATH); set PYTHON=/path/to/python3.13" >&2
  exit 1
fi
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")}
if [ ! -f "$java_home/lib/server/libjvm.so" ]; then
  echo "install-localstack: no JDK found (no $java_home/lib/server/libjvm.so); install one (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME" >&2
  exit 1
fi

# A half-made install is started over: the stamp is written last.
rm -rf "$dir"
"$python" -m venv "$dir"
"$dir/bin/pip" install --quiet --disable-pip-version-check -r "$here/localstack-requirements.txt"

# LocalStack wants the key and the certificate in one PEM file, and writes .key/.crt next to it.
mkdir -p "$dir/cert"
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost.localstack.cloud" \
  -addext "subjectAltName=DNS:localhost.localstack.cloud,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/cert/key.pem" -out "$dir/cert/cert.pem" 2>/dev/null
cat "$dir/cert/key.pem" "$dir/cert/cert.pem" > "$dir/cert/server.test.pem"

# Host mode (OVERRIDE_IN_DOCKER=0) keeps LocalStack's files under FILESYSTEM_ROOT; its packages are
# found there under usr/lib/localstack/<package>/<version>. JSONata asks for Java "21": the system JDK
# stands in (LocalStack only loads libjvm.so from it).
root="$dir/filesystem"
mkdir -p "$root/usr/lib/localstack/java"
ln -sfn "$java_home" "$root/usr/lib/localstack/java/21"
OVERRIDE_IN_DOCKER=0 FILESYSTEM_ROOT="$root" "$dir/bin/python" - <<'PY'
from localstack.packages.api import InstallTarget
from localstack.services.stepfunctions.packages import jpype_jsonata_package

jpype_jsonata_package.install(target=InstallTarget.STATIC_LIBS)
PY

"$dir/bin/python" -c 'import localstack.version as v; print(f"LocalStack {v.__version__} installed in '"$dir"'")'
touch "$dir/.installed"
