#!/usr/bin/env bash
# Installs missing dependencies (Debian packages, the viewer's pinned npm
# packages), configures and builds policygraph.
#
#   tools/build.sh [extra cmake configure arguments...]
#
# Works from any directory.  The build directory is $POLICYGRAPH_BUILD_DIR,
# default build/ in the repository root; re-running is quick when nothing
# changed (deps.sh skips apt-get, npm ci runs only when viewer/node_modules
# is missing or older than the lock file, CMake and Ninja skip up-to-date
# work).
# May be sourced: it then leaves POLICYGRAPH_ROOT and POLICYGRAPH_BUILD_DIR
# set for the caller.
set -euo pipefail

POLICYGRAPH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POLICYGRAPH_BUILD_DIR="${POLICYGRAPH_BUILD_DIR:-${POLICYGRAPH_ROOT}/build}"
export POLICYGRAPH_ROOT POLICYGRAPH_BUILD_DIR

"${POLICYGRAPH_ROOT}/tools/deps.sh"
"${POLICYGRAPH_ROOT}/tools/viewer-deps.sh"
cmake -S "${POLICYGRAPH_ROOT}" -B "${POLICYGRAPH_BUILD_DIR}" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "${POLICYGRAPH_BUILD_DIR}" -j"$(nproc)"
