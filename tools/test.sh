#!/usr/bin/env bash
# Builds policygraph, runs every test with CTest, then checks formatting.
#
#   tools/test.sh
#
# Works from any directory; the build directory is $POLICYGRAPH_BUILD_DIR
# (default build/).  Exits non-zero if the build, any test or the format
# check fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${POLICYGRAPH_BUILD_DIR:-${root}/build}"

POLICYGRAPH_BUILD_DIR="${build_dir}" "${root}/tools/build.sh"
ctest --test-dir "${build_dir}" --output-on-failure -j2
"${root}/tools/format-check.sh"
