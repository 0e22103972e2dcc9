#!/usr/bin/env bash
# Benchmarks citegraph against python-igraph on synthetic citation graphs.
# See bench/README.md. Usage, from anywhere in the repository:
#
#   bench/run.sh                 # 20k and 200k works, and the co-citation case
#   bench/run.sh 20k 200k 2m     # sizes to run: 20k, 200k, 2m (or a number of works)
#   REPS=3 bench/run.sh 200k     # alternate igraph and citegraph three times, report medians
#
# Environment: REPS (runs of each tool per size, alternating which goes
# first; default 1), REPS_LARGE (the same for graphs of a million works or
# more, and for the co-citation case; default 1), COCITATION=0 skips the
# co-citation case, CLUSTER_2M=1
# also clusters the 2m graph (igraph's multilevel takes minutes there),
# OUT (default bench/out) for graphs, binaries and results.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out}
REPS=${REPS:-1}
REPS_LARGE=${REPS_LARGE:-1}
COCITATION=${COCITATION:-1}
CLUSTER_2M=${CLUSTER_2M:-0}
PY=${PYTHON:-/usr/bin/python3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20k 200k)

# Tools: GNU time for peak RSS, python-igraph. Install them when root.
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
"$PY" -c 'import igraph' 2>/dev/null || need_apt+=(python3-igraph)
if [ ${#need_apt[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
	else
		echo "run.sh: missing ${need_apt[*]}: sudo apt-get install ${need_apt[*]}" >&2
		exit 1
	fi
fi

mkdir -p "$OUT"
go build -o "$OUT/gen" ./bench/gen
go build -o "$OUT/cgbench" ./bench/cgbench
go build -o "$OUT/citegraph" ./cmd/citegraph
run_dir="$OUT/results-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"
{
	echo "date: $(date -u +%FT%TZ)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- graph metrics cmd bench 2>/dev/null || echo ' (modified)')"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
	echo "memory: $(free -g | awk '/Mem:/{print $2}') GiB"
	echo "go: $(go version | cut -d' ' -f3-)"
	echo "igraph: $("$PY" -c 'import igraph; print(igraph.__version__)')"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$run_dir/machine.txt"
cat "$run_dir/machine.txt"

# timed NAME CMD...: runs CMD with its stdout to NAME.jsonl and GNU time's
# report to NAME.time.
timed() {
	local name=$1
	shift
	/usr/bin/time -v -o "$run_dir/$name.time" "$@" >"$run_dir/$name.jsonl"
}

works() {
	case $1 in
	20k) echo 20000 ;;
	200k) echo 200000 ;;
	2m) echo 2000000 ;;
	*[!0-9]*) echo "run.sh: unknown size $1" >&2; exit 2 ;;
	*) echo "$1" ;;
	esac
}

for size in "${sizes[@]}"; do
	n=$(works "$size")
	graph="$OUT/cit-$size.txt"
	if [ ! -s "$graph" ]; then
		echo "generating $graph ($n works, 20 references each)"
		"$OUT/gen" -n "$n" -refs 20 -seed 1 -o "$graph"
	fi
	cg_steps=load,pagerank,hits
	ig_steps=load,pagerank,hits
	if [ "$n" -le 20000 ]; then
		cg_steps+=,betweenness
		ig_steps+=,betweenness
	fi
	if [ "$n" -lt 2000000 ] || [ "$CLUSTER_2M" = 1 ]; then
		cg_steps+=,undirected,louvain,leiden,modularity
		ig_steps+=,undirected,leiden,multilevel,modularity
	fi
	cat "$graph" >/dev/null # into the page cache, for both alike
	reps=$REPS
	[ "$n" -ge 1000000 ] && reps=$REPS_LARGE
	for rep in $(seq 1 "$reps"); do
		order=(igraph citegraph cli)
		[ $((rep % 2)) = 0 ] && order=(cli citegraph igraph)
		for tool in "${order[@]}"; do
			echo "$size rep $rep: $tool"
			case $tool in
			igraph) timed "$size-igraph-$rep" "$PY" bench/igraph_bench.py --steps "$ig_steps" "$graph" ;;
			citegraph) timed "$size-citegraph-$rep" "$OUT/cgbench" -steps "$cg_steps" "$graph" ;;
			cli) timed "$size-cli-$rep" "$OUT/citegraph" metrics --format edgelist --measures citations,pagerank,hits "$graph" -o "$run_dir/works-$size.csv" ;;
			esac
		done
	done
	rm -f "$run_dir/works-$size.csv"
done

if [ "$COCITATION" = 1 ]; then
	corpus="$OUT/corpus-100k.txt"
	if [ ! -s "$corpus" ]; then
		echo "generating $corpus (100,000 records, 40 references each)"
		"$OUT/gen" -corpus -n 100000 -refs 40 -new 0.3 -seed 1 -o "$corpus"
	fi
	cat "$corpus" >/dev/null
	for rep in $(seq 1 "$REPS_LARGE"); do
		echo "co-citation rep $rep"
		timed "cocitation-citegraph-$rep" "$OUT/cgbench" -steps load,cocitation,cocitation-louvain -min-citations 2 "$corpus"
	done
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$run_dir/machine.txt"
"$PY" bench/report.py "$run_dir" | tee "$run_dir/report.md"
echo "results in $run_dir"
