package main

import (
	"fmt"
	"io"
	"os"

	"github.com/citegraph/citegraph/graph"
)

// thesaurusUsage describes --thesaurus.
const thesaurusUsage = "VOSviewer thesaurus `file`: tab-separated \"label\" and \"replace by\" columns merging or (with an empty replacement) dropping authors, keywords, terms, sources and cited works"

// readThesaurus reads the --thesaurus file; "" is none.
func readThesaurus(path string) (*graph.Thesaurus, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return graph.ReadThesaurus(f, path)
}

// reportRelabelled writes the summary line of what a thesaurus did to a
// network's nodes ("thesaurus t.txt, authors: 3 labels replaced …"); nothing
// without a thesaurus.
func reportRelabelled(w io.Writer, t *graph.Thesaurus, what string, rl *graph.Relabelling) {
	if t == nil || rl == nil {
		return
	}
	fmt.Fprintf(w, "thesaurus %s (%d entries), %s: %s\n", t.File, t.Len(), what, rl.Changed())
}
