#!/usr/bin/env bash
# Installs the Debian 12 packages policygraph needs to build and test.
#
#   tools/deps.sh
#
# Idempotent: asks dpkg which packages are already installed and only calls
# apt-get (update + install) when something is missing, so a second run is
# quick and touches no network.  Uses sudo when not root.
set -euo pipefail

# Add new build or test dependencies here, one Debian package per entry.
PACKAGES=(
  build-essential
  cmake
  ninja-build
  pkg-config
  git
  libboost-graph-dev
  # flat hash map for coverage alignment's gram tables (src/coverage.cc).
  libabsl-dev
  libre2-dev
  libgraphviz-dev
  graphviz
  fonts-noto-cjk
  nlohmann-json3-dev
  # simdjson reads shards in merge, twelve times nlohmann's parse.
  libsimdjson-dev
  libicu-dev
  libgtest-dev
  libgmock-dev
  libbenchmark-dev
  libcli11-dev
  # tcmalloc for the tool: glibc's malloc was a fifth of a large build.
  libgoogle-perftools-dev
  clang-format
  clang
  libclang-rt-14-dev
  python3
  python3-networkx
  python3-igraph
  python3-jsonschema
  # tools/dask_build.py runs the extract step on a Dask cluster.
  python3-distributed
  # networkx.pagerank runs on scipy (tests/analyses_test.cc, the graph
  # benchmark's baselines).
  python3-scipy
  # The viewer's browser test (tests/viewer/) drives it headless.
  chromium
)

IsInstalled() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == \
     "install ok installed" ]]
}

missing=()
for package in "${PACKAGES[@]}"; do
  if ! IsInstalled "${package}"; then
    missing+=("${package}")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "deps.sh: installing ${missing[*]}" >&2
sudo=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "deps.sh: not root and no sudo; install as root: ${missing[*]}" >&2
    exit 1
  fi
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
