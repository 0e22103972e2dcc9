#!/usr/bin/env bash
# Usage: bench/exports.sh BIN [FILE...]: runs `BIN analyze` with no flags on
# every export in testdata/exports (or FILE...) and prints, per file, the
# exit status, the records read (in the corpus), the references read (rows of
# references.csv), those counted once as duplicates, and the works.
set -u
bin=$1; shift
[ $# -gt 0 ] || set -- testdata/exports/*.{txt,csv,ris,bib,json,jsonl,xlsx}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '%-34s %4s %8s %8s %6s %7s\n' export exit records refs dups works
for f in "$@"; do
  "$bin" analyze -q -o "$tmp/o" "$f" > "$tmp/log" 2>&1; rc=$?
  if [ ! -f "$tmp/o/works.csv" ] || [ $rc -ne 0 ]; then
    printf '%-34s %4d %s\n' "$(basename "$f")" $rc "$(tr '\n' ' ' < "$tmp/log" | cut -c1-90)"
  else
    python3 - "$tmp/o" "$(basename "$f")" <<'PY'
import csv, os, sys
o, n = sys.argv[1:]
w = list(csv.DictReader(open(os.path.join(o, 'works.csv'), encoding='utf-8')))
r = list(csv.DictReader(open(os.path.join(o, 'references.csv'), encoding='utf-8'))) if os.path.exists(os.path.join(o, 'references.csv')) else []
print(f"{n:34s} {0:4d} {sum(x['in_corpus'] == 'true' for x in w):8d} {len(r):8d} {sum(x['match'] == 'duplicate' for x in r):6d} {len(w):7d}")
PY
  fi
  rm -rf "$tmp/o"
done
