#!/usr/bin/env bash
# The Web UI check drives Debian's Chromium headless. Installs it when missing and we may; otherwise that test
# fails with a message saying how to install it.
set -uo pipefail
command -v chromium >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium package for the Web UI check" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
else
  echo "chromium is missing: install Debian's chromium package (sudo apt-get install chromium)" >&2
fi
exit 0
