#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each one briefly.
#
#   tools/fuzz.sh [TARGET...]      # default: decode fold segment directives
#                                  #          extract resolve pipeline graph
#                                  #          shard graph_json
#
# Each target runs $FUZZ_SECONDS seconds (default 9, so about a minute and
# a half for all ten; an input slower than $FUZZ_TIMEOUT seconds, default
# 10, counts as a hang) from the seed corpus (fuzz/seed.py over corpus/chongqing), the
# inputs it found before and tests/data/fuzz-regressions/, with the domain
# dictionary fuzz/dict/policygraph.dict.  The build tree is
# $POLICYGRAPH_FUZZ_DIR (default build-fuzz/); crash, timeout and
# out-of-memory inputs are saved in its crashes/ folder and logs in logs/.
# Exits 1 if any target found one, 2 on a usage or build error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${POLICYGRAPH_FUZZ_DIR:-${root}/build-fuzz}"
seconds="${FUZZ_SECONDS:-9}"
all_targets=(decode fold segment directives extract resolve pipeline graph
  shard graph_json)
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=("${all_targets[@]}")
fi
for target in "${targets[@]}"; do
  if [[ " ${all_targets[*]} " != *" ${target} "* ]]; then
    echo "usage: tools/fuzz.sh [${all_targets[*]}]..." >&2
    exit 2
  fi
done
if [[ ! "${seconds}" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz.sh: FUZZ_SECONDS must be a positive number of seconds" >&2
  exit 2
fi

BuildError() {
  echo "fuzz.sh: $1 failed" >&2
  exit 2
}
"${root}/tools/deps.sh" || BuildError "tools/deps.sh"
"${root}/tools/viewer-deps.sh" || BuildError "tools/viewer-deps.sh"
CC=clang CXX=clang++ cmake -S "${root}" -B "${build_dir}" -G Ninja \
  -DPOLICYGRAPH_FUZZ=ON -DPOLICYGRAPH_BUILD_TESTS=OFF \
  -DPOLICYGRAPH_BUILD_BENCHMARKS=OFF >/dev/null || BuildError "configuring"
cmake --build "${build_dir}" --target policygraph_fuzzers -j"$(nproc)" ||
  BuildError "building"

seeds="${build_dir}/seeds"
python3 "${root}/fuzz/seed.py" "${root}/corpus/chongqing" "${seeds}" ||
  BuildError "fuzz/seed.py"
regressions="${root}/tests/data/fuzz-regressions"
crashes="${build_dir}/crashes"
logs="${build_dir}/logs"
mkdir -p "${crashes}" "${logs}"


export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
failed=()
for target in "${targets[@]}"; do
  work="${build_dir}/corpus/${target}"  # what the fuzzer found; kept
  mkdir -p "${work}"
  # Seeds: decode and pipeline also get other encodings, fold short lines
  # (titles and numbers) instead of whole windows.
  case "${target}" in
    decode | pipeline | resolve | graph) inputs=("${seeds}/text" "${seeds}/encoded") ;;
    fold) inputs=("${seeds}/lines") ;;
    *) inputs=("${seeds}/text") ;;
  esac
  if [[ -d "${regressions}" ]]; then
    inputs+=("${regressions}")
  fi
  before="$(find "${crashes}" -name "${target}-*" | wc -l)"
  log="${logs}/${target}.log"
  echo "fuzz.sh: ${target}_fuzz for ${seconds}s"
  status=0
  "${build_dir}/fuzz/${target}_fuzz" -max_total_time="${seconds}" \
    -dict="${root}/fuzz/dict/policygraph.dict" -max_len=65536 \
    -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb=2048 -artifact_prefix="${crashes}/${target}-" \
    -print_final_stats=1 "${work}" "${inputs[@]}" >"${log}" 2>&1 ||
    status=$?
  after="$(find "${crashes}" -name "${target}-*" | wc -l)"
  if ((status != 0 || after > before)); then
    failed+=("${target}")
    echo "fuzz.sh: ${target}_fuzz FAILED (exit ${status}); end of ${log}:" >&2
    tail -n 40 "${log}" >&2
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "${log}" |
      sed 's/^/  /' || true
  fi
done

if ((${#failed[@]} > 0)); then
  echo "fuzz.sh: ${#failed[@]} of ${#targets[@]} targets failed:" \
    "${failed[*]}; inputs in ${crashes}" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets ran ${seconds}s each, no crash"
