package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
)

const metricsUsage = `Usage: citegraph metrics [flags] [FILE|DIR ...]

Computes the centrality of every work of a citation graph and writes the
works.csv table (to stdout, or to -o FILE): citations received (in-degree),
references made (out-degree), PageRank (damping 0.85, dangling mass spread
uniformly, summing to 1), HITS hub and authority (each summing to 1), and
betweenness (raw Brandes counts on the directed graph). Columns of measures
not chosen with --measures are left empty.

Examples:
  citegraph metrics savedrecs.txt > works.csv
  citegraph metrics --format edgelist --measures pagerank,hits edges.txt -o works.csv
`

func runMetrics(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("metrics", metricsUsage, stdout)
	out := fs.StringP("output", "o", "", "output `file` (default: stdout)")
	read := readFlags(fs)
	measures := fs.String("measures", "citations,pagerank,hits,betweenness", "comma-separated `list` of citations, pagerank, hits, betweenness")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("metrics needs an input FILE or DIR (or - for standard input)")
	}
	opts := analysis.DefaultOptions()
	opts.CoCitation = false
	opts.Measures = analysis.Measures{}
	for _, m := range strings.Split(*measures, ",") {
		switch strings.TrimSpace(m) {
		case "citations", "references", "":
			// Degrees are always there.
		case "pagerank":
			opts.Measures.PageRank = true
		case "hits":
			opts.Measures.HITS = true
		case "betweenness":
			opts.Measures.Betweenness = true
		default:
			return usagef("unknown measure %q (measures: citations, pagerank, hits, betweenness)", m)
		}
	}
	ro, err := read()
	if err != nil {
		return err
	}
	in, err := readInputs(fs.Args(), stdin, ro)
	if err != nil {
		return err
	}
	res, err := analysis.Run(in.records, in.diagnostics, opts)
	if err != nil {
		return err
	}
	table := res.WorksTable()
	if *out == "" {
		return export.WriteCSV(stdout, table)
	}
	dir, name := filepath.Split(*out)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return export.WriteFile(dir, name, func(w io.Writer) error { return export.WriteCSV(w, table) })
}
