#!/usr/bin/env bash
# README command 2: install dependencies, configure (warnings are errors), build, and run every test with ctest.
# Usage: scripts/test.sh [build-dir]        (default: build/)
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${1:-build}"
jobs="$(nproc 2>/dev/null || echo 2)"

scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSWITCHYARD_WERROR=ON
cmake --build "$build_dir" -j "$jobs"
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
