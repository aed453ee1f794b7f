#!/usr/bin/env bash
# Saves a PNG of every studio page into docs/screenshots/ (bots.png, prompts.png, ...).
#
# Usage: scripts/screenshots.sh BUILD_DIR [OUTPUT_DIR]
# Builds nothing: BUILD_DIR must already hold the `switchyard` executable (app/studio/switchyard).
# Runs the studio under a virtual X server (xvfb-run, 1400x900) on a temporary workspace and temporary settings, so
# neither the user's workspace nor their preferences are read or changed.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 BUILD_DIR [OUTPUT_DIR]" >&2
    exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$(cd "$1" && pwd)"
out_dir="${2:-$repo_root/docs/screenshots}"

studio="$build_dir/app/studio/switchyard"
cli="$build_dir/app/cli/switchyard-cli"
for program in "$studio" "$cli"; do
    if [ ! -x "$program" ]; then
        echo "screenshots: $program not found; build it first: cmake --build $build_dir" >&2
        exit 1
    fi
done
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots: xvfb-run is missing; install the xvfb and xauth packages (scripts/install-deps.sh)" >&2
    exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$out_dir" "$scratch/config" "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"

# The sample workspace with a month of demo history, so the dashboards and the activity log have something to show.
"$cli" init --db "$scratch/workspace.db" >/dev/null
"$cli" demo-data --calls 20000 --days 30 --seed 7 --db "$scratch/workspace.db" >/dev/null

XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" \
    SWITCHYARD_DB= QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$studio" --db "$scratch/workspace.db" --screenshot-dir "$out_dir"

echo "screenshots: saved to $out_dir"
