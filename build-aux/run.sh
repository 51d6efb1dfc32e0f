#!/usr/bin/env bash
# Installs what is missing, builds OS Lens and starts it from the build tree.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh
install_deps run

[ -f build/build.ninja ] || meson setup build
ninja -C build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export OSL_LOCALEDIR="$PWD/build/po"
exec build/src/os-lens "$@"
