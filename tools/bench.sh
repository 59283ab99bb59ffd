#!/usr/bin/env bash
# Whole-run benchmark on a generated corpus, side by side with ripgrep, in
# one run on one machine, so the figures are ratios that survive a noisy
# or different machine.
#
#   tools/bench.sh [--size 50M] [--seed 1] [--jobs "1 2"] [--out bench/results]
#
# Generates (or reuses) tools/gen-corpus output under $TMPDIR, then times:
#   - reading every byte (cat), the floor;
#   - ripgrep's title scan, rg -o '《[^》\n]{1,100}》', what a shell user
#     would do to list citations, on one thread (-j 1) like refs;
#   - policygraph documents (decode, segment, directive trees) and refs
#     (+ extract, resolve), one thread;
#   - policygraph build, for each --jobs value, with --timings: the median
#     run's phases (parse, resolve, coverage, graph, each output file) go
#     into a second table; then the same build writing only graph.json and
#     the tables (--outputs graph.json,coverage.csv,orphans.csv,report.md);
#   - dd of as many bytes as the build's output files into the same folder
#     (fsync'ed, as build's files are): what the file system and the
#     machine's memory take for that much output, whatever writes it (on
#     a VM that backs memory lazily this varies with how recently the
#     memory was freed: the README's performance section has figures);
#   - the scale-out halves: extract of the whole corpus into one shard on
#     one thread, and merge of that shard on the last --jobs value.
# Each is run --repeat times (default 3) and the median wall time is kept;
# peak RSS comes from GNU time.  The tables go to stdout and to a dated
# file bench/results/DATE-COMMIT-SIZE.md with the machine and commit.
# The outputs go to a temporary folder under $TMPDIR (default /tmp),
# whose file system the result file names; TMPDIR=/dev/shm puts them in
# memory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${POLICYGRAPH_BUILD_DIR:-${root}/build}"
size=50M
seed=1
jobs="1 2"
repeat=3
out_dir="${root}/bench/results"

Usage() {
  sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "$1"
}
while (($# > 0)); do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --out) out_dir="$2"; shift 2 ;;
    -h|--help) Usage 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; Usage 2 >&2 ;;
  esac
done
if [[ ! "${repeat}" =~ ^[1-9][0-9]*$ ]]; then
  echo "bench.sh: --repeat must be a positive number" >&2
  exit 2
fi

# The baselines are Debian packages too: ripgrep, and GNU time for RSS.
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]} > 0)); then
  sudo=()
  [[ "$(id -u)" != 0 ]] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends "${missing[@]}" >&2
fi

POLICYGRAPH_BUILD_DIR="${build_dir}" "${root}/tools/build.sh" >&2
tool="${build_dir}/policygraph"

corpus="${TMPDIR:-/tmp}/policygraph-bench-${size}-seed${seed}"
if [[ ! -f "${corpus}/manifest.json" ]]; then
  echo "bench.sh: generating ${size} (seed ${seed}) into ${corpus}" >&2
  "${root}/tools/gen-corpus" --size "${size}" --seed "${seed}" \
    -o "${corpus}" >/dev/null
fi
bytes="$(cat "${corpus}"/gazette-*.txt | wc -c)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
work_fs="$(df --output=fstype "${work}" | tail -1)"

# Runs "$@" --repeat times; prints "median_seconds peak_rss_kib" and the
# median run's kernel share as "system_seconds|page_faults" (one word, for
# the table's kernel column).  The median run's stderr is left in
# ${work}/median.err.  The kernel column is there because on some VMs a
# page fault costs about 10 us (2.8 s to touch 1 GiB of fresh memory), so
# memory first touched is a visible part of a run's time.
Measure() {
  local times=() kernel=() rss=0 i wall kib sys faults median
  for ((i = 0; i < repeat; ++i)); do
    /usr/bin/time -f '%e %M %S %R' -o "${work}/time" "$@" >/dev/null \
      2>"${work}/err.${i}" || {
      echo "bench.sh: failed: $*" >&2
      cat "${work}/err.${i}" >&2
      exit 1
    }
    read -r wall kib sys faults < "${work}/time"
    times+=("${wall} ${i}")
    kernel+=("${sys}|${faults}")
    ((kib > rss)) && rss="${kib}"
  done
  median="$(printf '%s\n' "${times[@]}" | sort -g |
    sed -n "$(((repeat + 1) / 2))p")"
  cp "${work}/err.${median#* }" "${work}/median.err"
  printf '%s %s %s\n' "${median% *}" "${rss}" "${kernel[${median#* }]}"
}

# "system_seconds|page_faults" → "1.26 s, 155,184 faults"
Kernel() {
  awk -v k="$1" 'BEGIN {
    split(k, f, "|"); n = f[2] ""; out = ""
    while (length(n) > 3) { out = "," substr(n, length(n) - 2) out; n = substr(n, 1, length(n) - 3) }
    printf "%s s, %s faults", f[1], n out
  }'
}

# `build --timings` lines → "phase|seconds|peak MiB" rows.
Phases() {
  sed -n 's/^policygraph: timing: \(.*\) \([0-9.]*\) s (.*, \([0-9,]*\) MiB peak$/\1|\2|\3/p' "$1"
}

Rate() {  # bytes seconds → MB/s
  awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / s / 1e6 : 0) }'
}

echo "bench.sh: ${bytes} bytes, ${repeat} runs each" >&2
read -r cat_s cat_kib cat_kernel < <(Measure sh -c "cat '${corpus}'/gazette-*.txt")
read -r rg_s rg_kib rg_kernel < <(Measure rg -j 1 -o --no-filename '《[^》\n]{1,100}》' "${corpus}")
# The stages nest: documents (decode, segment, directive trees) ⊂ refs
# (+ extract, resolve) ⊂ build (+ graph, alignment, exports), so each
# stage's own cost is the difference of two rows.
read -r docs_s docs_kib docs_kernel < <(Measure "${tool}" documents --format json -q -j 1 "${corpus}")
read -r refs_s refs_kib refs_kernel < <(Measure "${tool}" refs --format jsonl -q -j 1 "${corpus}")
references="$("${tool}" refs --format jsonl -q -j 1 "${corpus}" | wc -l)"
documents="$("${tool}" documents --format json -q -j 1 "${corpus}" |
  grep -c '^    "id":' || true)"
rows=()
slim="graph.json,coverage.csv,orphans.csv,report.md"
phase_header="| phase |"
phase_rule="|---|"
phase_files=()
for j in ${jobs}; do
  read -r build_s build_kib build_kernel < <(Measure "${tool}" build -q --timings \
    -j "${j}" "${corpus}" -o "${work}/out")
  Phases "${work}/median.err" > "${work}/phases.${j}"
  phase_files+=("${work}/phases.${j}")
  phase_header+=" \`build -j ${j}\` |"
  phase_rule+="---|"
  rows+=("| \`build -j ${j}\` | ${build_s} s | $(Rate "${bytes}" "${build_s}") MB/s | $((build_kib / 1024)) MiB | $(Kernel "${build_kernel}") | $(awk -v s="${build_s}" -v r="${refs_s}" 'BEGIN{printf "%.2f", s / r}')× refs |")
  # The tables and the graph without the other formats (build --outputs).
  read -r slim_s slim_kib slim_kernel < <(Measure "${tool}" build -q --outputs "${slim}" \
    -j "${j}" "${corpus}" -o "${work}/slim")
  rows+=("| \`build -j ${j} --outputs ${slim}\` | ${slim_s} s | $(Rate "${bytes}" "${slim_s}") MB/s | $((slim_kib / 1024)) MiB | $(Kernel "${slim_kernel}") | $(awk -v s="${build_s}" -v r="${slim_s}" 'BEGIN{printf "%.2f", s / r}')× as fast as all ten files |")
done
# As many bytes as the output files, written by dd into the same folder
# beside the build's output phase: what this file system and machine
# cost for that much output (page cache, the disk behind it, memory the
# VM may have to back again), without the formatting.
out_bytes="$(du -cb "${work}/out" | tail -1 | cut -f1)"
out_mib=$(((out_bytes + 1048575) / 1048576))
read -r dd_s dd_kib dd_kernel < <(Measure dd if=/dev/zero of="${work}/dd.bin" \
  bs=1M count="${out_mib}" conv=fsync status=none)
rm -f "${work}/dd.bin"
rows+=("| \`dd\` of the build's ${out_mib} MiB of output files into the same folder (${work_fs}, fsync) | ${dd_s} s | $(Rate "$((out_mib * 1048576))" "${dd_s}") MB/s written | $((dd_kib / 1024)) MiB | $(Kernel "${dd_kernel}") | writing without formatting |")

read -r extract_s extract_kib extract_kernel < <(Measure "${tool}" extract -q -j 1 \
  "${corpus}" -o "${work}/all.jsonl")
shard_bytes="$(wc -c < "${work}/all.jsonl")"
rows+=("| \`extract -j 1\` (one shard) | ${extract_s} s | $(Rate "${bytes}" "${extract_s}") MB/s | $((extract_kib / 1024)) MiB | $(Kernel "${extract_kernel}") | shard $(awk -v a="${shard_bytes}" -v b="${bytes}" 'BEGIN{printf "%.2f", a / b}')× the input |")
last_j="${jobs##* }"
read -r merge_s merge_kib merge_kernel < <(Measure "${tool}" merge -q -j "${last_j}" \
  "${work}/all.jsonl" -o "${work}/merged")
rows+=("| \`merge -j ${last_j}\` of that shard | ${merge_s} s | $(Rate "${bytes}" "${merge_s}") MB/s | $((merge_kib / 1024)) MiB | $(Kernel "${merge_kernel}") | $(awk -v s="${merge_s}" -v b="${build_s}" 'BEGIN{printf "%.2f", s / b}')× \`build -j ${last_j}\` |")
rm -rf "${work}/all.jsonl" "${work}/merged"

commit="$(git -C "${root}" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
memory="$(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
report="$(cat <<EOF
# policygraph whole-run benchmark, $(date -u +%Y-%m-%d)

- commit ${commit}; machine: $(nproc) cores, ${cpu:-unknown CPU}, ${memory}; load before: ${load}
- corpus: \`tools/gen-corpus --size ${size} --seed ${seed}\`, ${bytes} bytes, ${documents} documents, ${references} references
- median of ${repeat} runs; reproduce: \`tools/bench.sh --size ${size} --seed ${seed} --jobs "${jobs}"\`
- the builds wrote their outputs to a folder on ${work_fs} (\`\$TMPDIR\`, default /tmp)

| run | wall | throughput | peak RSS | system time, page faults | side by side |
|---|---|---|---|---|---|
| \`cat\` every file | ${cat_s} s | $(Rate "${bytes}" "${cat_s}") MB/s | $((cat_kib / 1024)) MiB | $(Kernel "${cat_kernel}") | |
| \`rg -j 1 -o '《[^》\\n]{1,100}》'\` | ${rg_s} s | $(Rate "${bytes}" "${rg_s}") MB/s | $((rg_kib / 1024)) MiB | $(Kernel "${rg_kernel}") | |
| \`documents --format json -j 1\` | ${docs_s} s | $(Rate "${bytes}" "${docs_s}") MB/s, $(awk -v n="${documents}" -v s="${docs_s}" 'BEGIN{printf "%.0f", n / s}') documents/s | $((docs_kib / 1024)) MiB | $(Kernel "${docs_kernel}") | $(awk -v a="${rg_s}" -v b="${docs_s}" 'BEGIN{printf "%.0f%%", 100 * a / b}') of rg's throughput |
| \`refs --format jsonl -j 1\` | ${refs_s} s | $(Rate "${bytes}" "${refs_s}") MB/s, $(awk -v n="${documents}" -v s="${refs_s}" 'BEGIN{printf "%.0f", n / s}') documents/s, $(awk -v n="${references}" -v s="${refs_s}" 'BEGIN{printf "%.0f", n / s}') references/s | $((refs_kib / 1024)) MiB | $(Kernel "${refs_kernel}") | $(awk -v a="${rg_s}" -v b="${refs_s}" 'BEGIN{printf "%.0f%%", 100 * a / b}') of rg's throughput |
$(printf '%s\n' "${rows[@]}")

Phases of each build's median run (\`build --timings\`): seconds, and the
peak RSS so far.  The output files are made side by side, so their times
add up to more than "output files".

${phase_header}
${phase_rule}
$(awk -F'|' -v bytes="${bytes}" '
  FNR == 1 { ++file }
  {
    if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
    rate = ($1 ~ /^parse/ && $2 > 0) ? sprintf(" (%.0f MB/s)", bytes / $2 / 1e6) : ""
    cell[$1, file] = $2 " s" rate ", " $3 " MiB"
  }
  END {
    for (i = 1; i <= n; ++i) {
      line = "| " order[i] " |"
      for (f = 1; f <= file; ++f)
        line = line " " ((order[i], f) in cell ? cell[order[i], f] : "") " |"
      print line
    }
  }' "${phase_files[@]}")
EOF
)"
echo "${report}"
mkdir -p "${out_dir}"
file="${out_dir}/$(date -u +%Y-%m-%d)-${commit}-${size}.md"
echo "${report}" > "${file}"
echo "bench.sh: wrote ${file}" >&2
