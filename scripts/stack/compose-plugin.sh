#!/usr/bin/env bash
# Installs the Docker Compose v2 CLI plugin when a docker CLI is present without it, so `docker compose config`
# can validate docker-compose.yml (no Docker engine is needed for that). Built from the Go module proxy once and
# cached outside the clone. Best effort: without it the compose test still checks the file's structure.
set -uo pipefail
version=v2.40.3
cache="${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/docker-compose/$version"
plugin_dir="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"

command -v docker >/dev/null || exit 0
docker compose version >/dev/null 2>&1 && exit 0
if [ ! -x "$cache/docker-compose" ]; then
  command -v go >/dev/null || { echo "compose plugin: no Go toolchain, skipping" >&2; exit 0; }
  echo "compose plugin: building docker/compose $version (a few minutes, once)" >&2
  work=$(mktemp -d)
  # `go install` refuses compose's go.mod (exclude directives), so build inside the downloaded module instead.
  if dir=$(go mod download -json "github.com/docker/compose/v2@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') &&
    cp -r "$dir/." "$work" && chmod -R u+w "$work" &&
    (cd "$work" && go build -trimpath -o "$work/docker-compose" ./cmd); then
    mkdir -p "$cache" && mv "$work/docker-compose" "$cache/docker-compose"
  else
    echo "compose plugin: build failed, skipping" >&2
  fi
  rm -rf "$work"
fi
[ -x "$cache/docker-compose" ] && mkdir -p "$plugin_dir" && ln -sf "$cache/docker-compose" "$plugin_dir/docker-compose"
exit 0
