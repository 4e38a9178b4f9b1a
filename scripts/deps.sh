#!/usr/bin/env bash
# Installs what refflow needs to build and test on Debian 12 (run as root, or
# with sudo available). Skips apt-get entirely when everything is present.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git
  libclang-19-dev clang-19 llvm-19-dev libclang-rt-19-dev
  libsqlite3-dev sqlite3
  libgraphviz-dev graphviz
  python3 python3-dev libpython3.11-dev
  valgrind libmimalloc-dev
  libglib2.0-dev
  chromium fonts-dejavu-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "refflow: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
