#!/usr/bin/env bash
# The API conformance test (test/e2e/api/schemathesis.test.ts) runs schemathesis, an OpenAPI fuzzer from PyPI.
# It goes into a virtual environment cached outside the clone, one per pinned version, so reruns cost nothing.
# Without python3's venv module the test fails with a message saying how to install it.
set -uo pipefail
version=4.32.5
cache="${SWITCHBOARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard}"
venv="$cache/schemathesis/$version"
# A venv cannot be moved (its scripts name their own path), so a marker written last says the install finished.
[ -f "$venv/.installed" ] && exit 0
if ! python3 -m venv --help >/dev/null 2>&1; then
  echo "python3 with venv is missing: install it (sudo apt-get install python3-venv) for the schemathesis check" >&2
  exit 0
fi
echo "installing schemathesis $version into $venv" >&2
rm -rf "$venv"
python3 -m venv "$venv" &&
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version" &&
  touch "$venv/.installed" ||
  echo "schemathesis install failed; the conformance test will say so" >&2
exit 0
