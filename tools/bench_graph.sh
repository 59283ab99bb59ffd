#!/usr/bin/env bash
# Graph analyses side by side with networkx and igraph, in one run on one
# machine, on generated graphs, so the figures are ratios.
#
#   tools/bench_graph.sh [--small 200k:2M] [--large 1M:10M] [--seed 1]
#                        [--starts 1000] [--repeat 3] [--no-large]
#                        [--out bench/results]
#
# Generates (or reuses) tools/gen-graph output under $TMPDIR: graph.json
# and the same graph as GraphML.  On the small graph runs policygraph,
# igraph and networkx; on the large one policygraph and igraph (networkx
# cannot hold it in memory).  Each library runs in its own process, one
# after the other, under GNU time (peak RSS): load once, then lineage from
# --starts seeded-random documents (ancestors and descendants), weakly
# connected components and PageRank, each --repeat times (median kept).
# bench/graph_report.py checks that every library found the same reached
# counts, components and PageRank top 10, and the report goes to stdout
# and to bench/results/DATE-COMMIT-graph.md with the machine and commit.
# Exit 1 when the libraries disagree.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${POLICYGRAPH_BUILD_DIR:-${root}/build}"
small=200k:2M
large=1M:10M
seed=1
starts=1000
repeat=3
out_dir="${root}/bench/results"

Usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "$1"
}
while (($# > 0)); do
  case "$1" in
    --small) small="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --no-large) large=""; shift ;;
    --seed) seed="$2"; shift 2 ;;
    --starts) starts="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --out) out_dir="$2"; shift 2 ;;
    -h|--help) Usage 0 ;;
    *) echo "bench_graph.sh: unknown argument $1" >&2; Usage 2 >&2 ;;
  esac
done
for size in "${small}" ${large:+"${large}"}; do
  if [[ ! "${size}" =~ ^[0-9]+[kKmM]?:[0-9]+[kKmM]?$ ]]; then
    echo "bench_graph.sh: sizes are DOCUMENTS:EDGES, like 200k:2M" >&2
    exit 2
  fi
done

# GNU time for peak RSS; the Python libraries come with tools/deps.sh.
if [[ ! -x /usr/bin/time ]]; then
  sudo=()
  [[ "$(id -u)" != 0 ]] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends time >&2
fi
POLICYGRAPH_BUILD_DIR="${build_dir}" "${root}/tools/build.sh" >&2
# Debian's python3, where python3-networkx and python3-igraph install.
python=/usr/bin/python3

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

# Runs "$@" under GNU time, stdout to $1.json, "wall rss" to $1.time.
Measure() {
  local name="$1"
  shift
  echo "bench_graph.sh: ${name##*/}: $*" >&2
  /usr/bin/time -f '%e %M' -o "${name}.time" "$@" >"${name}.json" \
    2>"${work}/err" || {
    echo "bench_graph.sh: failed: $*" >&2
    cat "${work}/err" >&2
    exit 1
  }
}

# One graph: generate or reuse, then each library; $2 lists them.
RunGraph() {
  local size="$1" libraries="$2"
  local documents="${size%%:*}" edges="${size##*:}"
  local graph="${TMPDIR:-/tmp}/policygraph-graphbench-${documents}-${edges}-seed${seed}"
  local args="--documents ${documents} --edges ${edges} --seed ${seed}"
  if [[ ! -f "${graph}/done" ]]; then
    echo "bench_graph.sh: generating ${args} into ${graph}" >&2
    mkdir -p "${graph}"
    # shellcheck disable=SC2086
    "${root}/tools/gen-graph" ${args} -o "${graph}/graph.json" \
      --graphml "${graph}/graph.graphml" -q
    touch "${graph}/done"
  fi
  local run="${work}/${documents}-${edges}"
  mkdir -p "${run}"
  echo "${args} $(stat -c %s "${graph}/graph.json") $(stat -c %s "${graph}/graph.graphml")" \
    > "${run}/graph.txt"
  for library in ${libraries}; do
    if [[ "${library}" == policygraph ]]; then
      Measure "${run}/policygraph" "${build_dir}/bench/policygraph_graphbench" \
        "${graph}/graph.json" --starts "${starts}" --seed "${seed}" \
        --repeat "${repeat}"
    else
      Measure "${run}/${library}" "${python}" "${root}/bench/graph_baselines.py" \
        --library "${library}" "${graph}/graph.json" \
        --graphml "${graph}/graph.graphml" --starts "${starts}" \
        --seed "${seed}" --repeat "${repeat}"
    fi
  done
  runs+=("${run}")
}

commit="$(git -C "${root}" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
memory="$(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
versions="$("${python}" -c 'import networkx, igraph; print(f"networkx {networkx.__version__}, igraph {igraph.__version__}")')"
runs=()
RunGraph "${small}" "policygraph igraph networkx"
[[ -n "${large}" ]] && RunGraph "${large}" "policygraph igraph"

cat > "${work}/header.md" <<EOF
# policygraph graph analyses beside networkx and igraph, $(date -u +%Y-%m-%d)

- commit ${commit}; machine: $(nproc) cores, ${cpu:-unknown CPU}, ${memory}; load before: ${load}; ${versions}, $(g++ --version | head -1)
- each library in its own process, one after the other; the graph loaded once, then each analysis ${repeat} times, median kept; peak RSS from GNU time
- lineage: ancestors and descendants (BFS reachability over basis, implements, follows, counterpart and issues, no depth limit) of ${starts} documents picked by splitmix64 from seed ${seed}; networkx walks a DiGraph of those edges and igraph a subgraph_edges copy, built once (the "filter" row), policygraph filters as it walks; components: weakly connected, every edge; PageRank: damping 0.85, until the L1 change is at most 1e-6 (networkx: tol 1e-6/N; igraph: PRPACK)
- reproduce: \`tools/bench_graph.sh --small ${small}${large:+ --large ${large}} --seed ${seed} --starts ${starts} --repeat ${repeat}\`
EOF
report="$("${python}" "${root}/bench/graph_report.py" --header "${work}/header.md" "${runs[@]}")" || status=$?
echo "${report}"
mkdir -p "${out_dir}"
file="${out_dir}/$(date -u +%Y-%m-%d)-${commit}-graph.md"
echo "${report}" > "${file}"
echo "bench_graph.sh: wrote ${file}" >&2
exit "${status:-0}"
