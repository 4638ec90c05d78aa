#!/usr/bin/env bash
# Builds the official Temporal server and its SQL schema tool from the Go module proxy once, and caches them outside
# the clone beside the CLI, with the PostgreSQL schemas the module ships. The cluster profile runs these binaries.
# v1.29.1 is the server the CLI v1.5.1 embeds: its modules are already cached after the CLI build.
set -euo pipefail
version=v1.29.1
cache="${SWITCHBOARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard}/temporal-server/$version"

if [ -x "$cache/bin/temporal-server" ] && [ -x "$cache/bin/temporal-sql-tool" ] && [ -d "$cache/schema/postgresql" ]; then
  exit 0
fi
command -v go >/dev/null || { echo "temporal server: no Go toolchain; install Go to build it" >&2; exit 1; }
echo "temporal server: building go.temporal.io/server $version (about 2 minutes, once)" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One install for both: the tool shares the server's module and its build cache.
GOBIN="$work" CGO_ENABLED=0 go install "go.temporal.io/server/cmd/server@$version" \
  "go.temporal.io/server/cmd/tools/sql@$version"
module=$(go env GOMODCACHE)/go.temporal.io/server@$version
mkdir -p "$cache/bin" "$cache/schema"
cp -r "$module/schema/postgresql" "$cache/schema/" && chmod -R u+w "$cache/schema"
mv "$work/sql" "$cache/bin/temporal-sql-tool"
mv "$work/server" "$cache/bin/temporal-server"
echo "temporal server: cached in $cache" >&2
