#!/usr/bin/env bash
# Checks that an installed policygraph is usable by another CMake project.
#
#   tests/install/check.sh BUILD_DIR
#
# Installs the already-built BUILD_DIR into a temporary prefix, checks the
# tool, headers, library and package config are there, then configures,
# builds and runs tests/install/consumer against that prefix.  Cleans up
# after itself; exits non-zero on the first failure.
set -euo pipefail

if (($# != 1)); then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/policygraph-install.XXXXXX")"
trap 'rm -rf "${tmp}"' EXIT
prefix="${tmp}/prefix"

cmake --install "${build_dir}" --prefix "${prefix}"

# GNUInstallDirs picks lib/ or lib64/ or lib/<multiarch>/; accept any.
fail=0
Expect() {
  if ! compgen -G "$1" >/dev/null; then
    echo "check.sh: missing after install: ${1#"${prefix}"/}" >&2
    fail=1
  fi
}
Expect "${prefix}/bin/policygraph"
Expect "${prefix}/include/policygraph/fold.h"
Expect "${prefix}/include/policygraph/model.h"
Expect "${prefix}/lib*/libpolicygraph.*"
Expect "${prefix}/lib*/cmake/policygraph/policygraphConfig.cmake"
Expect "${prefix}/lib*/cmake/policygraph/policygraphConfigVersion.cmake"
Expect "${prefix}/lib*/cmake/policygraph/policygraphTargets.cmake"
Expect "${prefix}/share/policygraph/corpus/chongqing/*.txt"
Expect "${prefix}/share/policygraph/schemas/graph.schema.json"
Expect "${prefix}/share/policygraph/schemas/refs.schema.json"
Expect "${prefix}/share/policygraph/schemas/coverage.schema.json"
if ((fail)); then
  exit 1
fi

# The installed tool must start (CLI11 answers --help with exit 0).
"${prefix}/bin/policygraph" --help >/dev/null

# Build the consumer with the same compiler, and with the sanitizers when
# the library was built with them (a static library does not carry its
# link options to the consumer).
CacheValue() {
  sed -n "s/^$1:[A-Z]*=//p" "${build_dir}/CMakeCache.txt"
}
consumer_args=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="${prefix}")
compiler="$(CacheValue CMAKE_CXX_COMPILER)"
if [[ -n "${compiler}" ]]; then
  consumer_args+=(-DCMAKE_CXX_COMPILER="${compiler}")
fi
if [[ "$(CacheValue POLICYGRAPH_SANITIZE)" == ON ]]; then
  consumer_args+=(-DCMAKE_CXX_FLAGS="-fsanitize=address,undefined")
fi

cmake -S "${here}/consumer" -B "${tmp}/consumer-build" -G Ninja \
  "${consumer_args[@]}"
cmake --build "${tmp}/consumer-build"
"${tmp}/consumer-build/consumer"
echo "check.sh: installed policygraph works with find_package"
