#!/usr/bin/env bash
# End to end: `citegraph analyze FILE` as a whole process against the
# notebook a scholar would write instead (bench/notebook.py: citations.csv
# read with the csv module, co-citation as scipy's AᵀA, Louvain by
# python-igraph, the co-citation CSV written), on the same inputs, in one
# run, the two alternating. See bench/README.md. From anywhere in the
# repository:
#
#   bench/e2e.sh                      # every input below
#   bench/e2e.sh wos-bit-pattern wos-5k
#   REPS=3 bench/e2e.sh               # three runs of each, medians
#
# Inputs: the real exports of testdata/exports (wos-bit-pattern,
# scopus-bibx-csv, scopus-litstudy, scopus-bibx-ris) and exports made by
# bench/wosgen (wos-5k, wos-20k: 5,000 and 20,000 records, about 250,000
# and 1,000,000 references, some records reviews citing 300–800 works;
# wos-500x800: 500 records citing 800 works each; reflist-10k: the
# reference list of one paper citing 10,000 works, one a line).
#
# Environment: REPS (runs of each, alternating which goes first; default 1),
# CITEGRAPH (a citegraph binary to time instead of building this tree),
# CG_FLAGS (extra flags for analyze, e.g. "--min-citations 1"), NB_LIMIT_KB
# (address-space limit of the notebook, default 8 GiB, so that it fails
# rather than swamps a shared machine), OUT (default bench/out).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out}
REPS=${REPS:-1}
CG_FLAGS=${CG_FLAGS:-}
NB_LIMIT_KB=${NB_LIMIT_KB:-8388608}
PY=/usr/bin/python3
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(wos-bit-pattern scopus-bibx-csv scopus-litstudy scopus-bibx-ris wos-5k wos-20k wos-500x800 reflist-10k)

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
"$PY" -c 'import igraph' 2>/dev/null || need_apt+=(python3-igraph)
"$PY" -c 'import scipy' 2>/dev/null || need_apt+=(python3-scipy)
if [ ${#need_apt[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
	else
		echo "e2e.sh: missing ${need_apt[*]}: sudo apt-get install ${need_apt[*]}" >&2
		exit 1
	fi
fi

mkdir -p "$OUT"
cg=${CITEGRAPH:-}
if [ -z "$cg" ]; then
	go build -o "$OUT/citegraph" ./cmd/citegraph
	cg=$OUT/citegraph
fi
go build -o "$OUT/wosgen" ./bench/wosgen
run_dir="$OUT/e2e-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"
{
	echo "date: $(date -u +%FT%TZ)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (modified)')"
	echo "citegraph: $cg $CG_FLAGS"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
	echo "memory: $(free -g | awk '/Mem:/{print $2}') GiB"
	echo "python: $("$PY" -c 'import sys, scipy, igraph; print(sys.version.split()[0], "scipy", scipy.__version__, "igraph", igraph.__version__)')"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$run_dir/machine.txt"
cat "$run_dir/machine.txt"

# input NAME: the path of the export NAME, generating it when needed.
input() {
	local gen=()
	case $1 in
	wos-bit-pattern) echo testdata/exports/wos-bit-pattern-savedrecs.txt; return ;;
	scopus-bibx-csv) echo testdata/exports/scopus-bibx.csv; return ;;
	scopus-litstudy) echo testdata/exports/scopus-litstudy.csv; return ;;
	scopus-bibx-ris) echo testdata/exports/scopus-bibx.ris; return ;;
	wos-5k) gen=(-n 5000) ;;
	wos-20k) gen=(-n 20000) ;;
	wos-500x800) gen=(-n 500 -refs-min 800 -refs-max 800 -reviews 0) ;;
	reflist-10k) gen=(-reflist 10000) ;;
	*) echo "e2e.sh: unknown input $1" >&2; exit 2 ;;
	esac
	local f="$OUT/$1.txt"
	[ -s "$f" ] || "$OUT/wosgen" "${gen[@]}" -seed 1 -o "$f" >&2
	echo "$f"
}

# timed NAME CMD...: runs CMD, its stdout and stderr to NAME.log and GNU
# time's "wall user system maxrss_kb exit" to NAME.time.
timed() {
	local name=$1
	shift
	/usr/bin/time -f '%e %U %S %M %x' -o "$run_dir/$name.time" "$@" >"$run_dir/$name.log" 2>&1 || true
}

for name in "${names[@]}"; do
	f=$(input "$name")
	# One untimed run first: it fills the page cache alike for both, and
	# its citations.csv is the notebook's input.
	echo "$name: preparing"
	# shellcheck disable=SC2086
	"$cg" analyze -q $CG_FLAGS -o "$run_dir/$name-out" "$f" >"$run_dir/$name-prepare.log" 2>&1 || {
		echo "$name: citegraph failed: $(tail -c 300 "$run_dir/$name-prepare.log")"
		continue
	}
	cp "$run_dir/$name-out/citations.csv" "$run_dir/$name-citations.csv"
	for rep in $(seq 1 "$REPS"); do
		order=(citegraph notebook)
		[ $((rep % 2)) = 0 ] && order=(notebook citegraph)
		for tool in "${order[@]}"; do
			echo "$name rep $rep: $tool"
			case $tool in
			# shellcheck disable=SC2086
			citegraph) timed "$name-citegraph-$rep" "$cg" analyze -q $CG_FLAGS -o "$run_dir/$name-out" "$f" ;;
			notebook) timed "$name-notebook-$rep" bash -c 'ulimit -v "$1"; exec "$2" bench/notebook.py "$3" "$4"' _ \
				"$NB_LIMIT_KB" "$PY" "$run_dir/$name-citations.csv" "$run_dir/$name-notebook.csv" ;;
			esac
		done
	done
	rm -rf "$run_dir/$name-out" "$run_dir/$name-notebook.csv" "$run_dir/$name-citations.csv"
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$run_dir/machine.txt"
"$PY" bench/e2e_report.py "$run_dir" "${names[@]}" | tee "$run_dir/report.md"
echo "results in $run_dir"
