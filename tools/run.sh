#!/usr/bin/env bash
# Builds policygraph and runs it on the bundled corpus (corpus/chongqing).
#
#   tools/run.sh                      # policygraph build -o graphs/chongqing
#   tools/run.sh ARGS...              # policygraph ARGS...
#   tools/run.sh refs --format jsonl  # e.g. every reference as JSON lines
#
# Arguments, when given, replace the default command and go to the tool
# unchanged; with no path argument the tool reads corpus/chongqing.  The
# build directory is $POLICYGRAPH_BUILD_DIR (default build/).  Build output
# goes to stderr so stdout carries only the tool's output.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${POLICYGRAPH_BUILD_DIR:-${root}/build}"

POLICYGRAPH_BUILD_DIR="${build_dir}" "${root}/tools/build.sh" >&2

if (($# == 0)); then
  set -- build -o "${root}/graphs/chongqing"
fi
exec "${build_dir}/policygraph" "$@"
