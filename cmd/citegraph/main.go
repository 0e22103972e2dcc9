// Citegraph analyses citation graphs: it reads the reference lists of the
// papers a scholar studies, recognises when different papers cite the same
// work, builds the citation graph, and writes centrality, co-citation
// clusters, tidy CSV tables and Graphviz DOT files.
//
// Usage:
//
//	citegraph analyze [flags] [FILE|DIR ...]   full analysis into an output folder
//	citegraph parse [flags] [FILE|-]           parse references to CSL-JSON
//	citegraph metrics [flags] [FILE|DIR ...]   centrality table of a citation graph
//
// With no input, analyze runs on the embedded science-diplomacy reference
// list (--sample seed) or on a Web of Science export of 500 records
// (--sample wos).
//
// Inputs are detected from their content: a reference list copied from a
// paper (reflist), one reference per line (lines), Web of Science plain text
// (wos), or "citing cited" id pairs (edgelist). --format forces one.
//
// Run "citegraph COMMAND --help" for a command's flags. Exit status is 0 on
// success, 1 on failure, 2 on a usage error.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err != nil && !errors.Is(err, errHelp) {
		fmt.Fprintln(os.Stderr, "citegraph:", err)
	}
	os.Exit(exitCode(err))
}
