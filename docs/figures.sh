#!/usr/bin/env bash
# Renders the README's figures of the co-word, thematic, timeline and Tree of Science
# analyses into docs/, headlessly: Chromium screenshots of the HTML and SVG
# that citegraph writes, Graphviz for the tree. Run from anywhere:
#   docs/figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/citegraph" ./cmd/citegraph
cg=$tmp/citegraph
shot() { # page, picture, window size
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
    --user-data-dir="$tmp/chromium" --window-size="$3" --screenshot="$2" "file://$1" 2>/dev/null
}
"$cg" coword --thesaurus docs/thesaurus-wos.txt --min-occurrences 5 --export html --overlay year -o "$tmp/coword"
shot "$tmp/coword/coword_keywords_map.html" docs/coword-wos.png 1200,800
"$cg" thematic --thesaurus docs/thesaurus-wos.txt --min-occurrences 5 -o "$tmp/thematic"
shot "$tmp/thematic/thematic_map.svg" docs/thematic-wos.png 960,720
"$cg" thematic --thesaurus docs/thesaurus-scopus.txt --slices 2005,2012,2019 --min-occurrences 3 \
  -o "$tmp/evolution" testdata/exports/scopus-bibx.csv
shot "$tmp/evolution/thematic_evolution.html" docs/evolution-scopus.png 1240,880
"$cg" cocite --min-citations 2 --export timeline -o "$tmp/timeline"
shot "$tmp/timeline/cocitation_documents_timeline.svg" docs/timeline-wos.png 1200,908
"$cg" tos --roots 8 --trunk 8 --leaves 12 -o "$tmp/tos"
dot -Tpng -Gdpi=72 -o docs/tos-wos.png "$tmp/tos/tos.dot"
