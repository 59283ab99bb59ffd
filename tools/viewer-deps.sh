#!/usr/bin/env bash
# Installs the viewer's pinned npm packages (Cytoscape.js, which the build
# inlines into index.html) when viewer/node_modules is missing or older
# than the lock file.  Every script that configures CMake calls it first.
#
#   tools/viewer-deps.sh
set -euo pipefail

viewer="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/viewer"
# npm writes node_modules/.package-lock.json on install, so a lock file
# newer than that means the pins changed since.
if [[ ! -f "${viewer}/node_modules/.package-lock.json" ||
      "${viewer}/package-lock.json" -nt "${viewer}/node_modules/.package-lock.json" ]]; then
  echo "viewer-deps.sh: npm ci --prefix viewer" >&2
  npm ci --prefix "${viewer}" --no-audit --no-fund --ignore-scripts \
    --loglevel=error
fi
