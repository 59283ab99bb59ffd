#!/usr/bin/env bash
# Builds policygraph, runs every test with CTest, checks formatting and,
# in CI (CI=true) or with POLICYGRAPH_FUZZ=1, runs the fuzzers briefly.
#
#   tools/test.sh
#
# Works from any directory; the build directory is $POLICYGRAPH_BUILD_DIR
# (default build/).  Exits non-zero if the build, any test or the format
# check fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${POLICYGRAPH_BUILD_DIR:-${root}/build}"

# Each stage's wall time is printed as it ends, so a CI log shows where its
# 30 minutes go.
Stage() {
  local name="$1" start="${SECONDS}"
  shift
  "$@"
  echo "test.sh: ${name} took $((SECONDS - start)) s"
}

POLICYGRAPH_BUILD_DIR="${build_dir}" Stage build "${root}/tools/build.sh"
Stage tests ctest --test-dir "${build_dir}" --output-on-failure -j2
Stage "format check" "${root}/tools/format-check.sh"
# The sanitizer build of the whole suite (several minutes) runs in CI or
# with POLICYGRAPH_SANITIZE=1.
if [[ "${POLICYGRAPH_SANITIZE:-}" == 1 ||
      ("${CI:-}" == true && "${POLICYGRAPH_SANITIZE:-}" != 0) ]]; then
  Stage "sanitizer build and tests" "${root}/tools/sanitize.sh"
fi
# Fuzzing (tools/fuzz.sh, about a minute) runs in CI or on request, so a
# newcomer's tools/test.sh stays quick; POLICYGRAPH_FUZZ=0 skips it in CI.
if [[ "${POLICYGRAPH_FUZZ:-}" == 1 ||
      ("${CI:-}" == true && "${POLICYGRAPH_FUZZ:-}" != 0) ]]; then
  Stage fuzzing "${root}/tools/fuzz.sh"
fi
