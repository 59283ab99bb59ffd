#!/usr/bin/env bash
# Checks that every C++ file follows .clang-format.
#
#   tools/format-check.sh         # list misformatted files, exit 1 if any
#   tools/format-check.sh --fix   # rewrite them in place
#
# Covers tracked and untracked (not ignored) *.cc and *.h files under
# include/ src/ tools/ tests/ bench/ fuzz/, so it works in a fresh clone too.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fix=0
case "${1:-}" in
  "") ;;
  --fix) fix=1 ;;
  *)
    echo "usage: tools/format-check.sh [--fix]" >&2
    exit 2
    ;;
esac

clang_format="${CLANG_FORMAT:-clang-format}"
if ! command -v "${clang_format}" >/dev/null 2>&1; then
  echo "format-check.sh: ${clang_format} not found (run tools/deps.sh)" >&2
  exit 2
fi

# Tracked and untracked files, so a fresh clone and work in progress are
# both covered; without git (an unpacked tarball) every file counts.
ListSources() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -co --exclude-standard -- include src tools tests bench fuzz
  else
    find include src tools tests bench fuzz -type f -print0 2>/dev/null || true
  fi
}

files=()
while IFS= read -r -d '' file; do
  # The index may still list a file deleted from the work tree.
  if [[ -f "${file}" ]]; then
    files+=("${file}")
  fi
done < <(ListSources | grep -zE '\.(cc|h)$' | sort -zu || true)

if ((${#files[@]} == 0)); then
  echo "format-check.sh: no C++ files to check"
  exit 0
fi

if ((fix)); then
  "${clang_format}" -i --style=file "${files[@]}"
  echo "format-check.sh: formatted ${#files[@]} files"
  exit 0
fi

bad=()
for file in "${files[@]}"; do
  if ! "${clang_format}" --dry-run --Werror --style=file "${file}" \
      >/dev/null 2>&1; then
    bad+=("${file}")
  fi
done

if ((${#bad[@]} > 0)); then
  echo "format-check.sh: ${#bad[@]} of ${#files[@]} files need clang-format:"
  printf '  %s\n' "${bad[@]}"
  echo "run tools/format-check.sh --fix to rewrite them"
  exit 1
fi
echo "format-check.sh: all ${#files[@]} files are clang-formatted"
