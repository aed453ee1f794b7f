#!/usr/bin/env bash
# README command 1: install dependencies, build, and launch the studio on the sample workspace.
# The sample workspace is created on first run in the default data folder (or at $SWITCHYARD_DB / --db PATH).
# Usage: scripts/run-studio.sh [studio arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${SWITCHYARD_BUILD_DIR:-build}"
jobs="$(nproc 2>/dev/null || echo 2)"

scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j "$jobs" --target switchyard switchyard-cli
exec "$build_dir/app/studio/switchyard" "$@"
