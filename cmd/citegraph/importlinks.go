package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

const importLinksUsage = `Usage: citegraph import-links LINKS [flags]

Reads a network that DuckDB or Spark built with the SQL of citegraph sql,
and clusters, labels and draws it as citegraph cocite and couple do. LINKS
is the links table, KIND_LEVEL_links.parquet (a, b, weight, normalized) —
a file, or the folder of Parquet files Spark writes — with the nodes table
KIND_LEVEL_nodes (id, occurrences) beside it; KIND_LEVEL names the network
(--network otherwise). The corpus comes from the Parquet tables the SQL
read (--tables, by default the folder of LINKS): works.parquet for labels,
titles and years, citations.parquet for the records behind each node,
authorships.parquet or work_sources.parquet for the names of authors and
sources. Cluster labels come from the records' titles. The thresholds were
the SQL's; the links are clustered with Leiden on their normalized weights
(normalised by --normalize when the table has none). It
`

const importLinksExamples = `
--counting and --normalize say how the engine counted and normalised (as
given to citegraph sql), for the summary and the DOT comment.

Examples:
  citegraph sql cocitation_documents --tables out --min-citations 20 > cocitation.sql
  duckdb < cocitation.sql
  citegraph import-links out/cocitation_documents_links.parquet -o map --export html
  citegraph import-links networks/coupling_authors_links --tables openalex --counting fractional
`

func runImportLinks(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("import-links", importLinksUsage+networkOutputs+importLinksExamples, stdout)
	out := fs.StringP("output", "o", "citegraph-out", "output `folder`")
	force := fs.Bool("force", false, "write into an output folder that holds other files")
	csvSafe := csvSafeFlag(fs)
	tables := fs.String("tables", "", "`folder` of the Parquet tables the SQL read (default: the folder of LINKS)")
	nodes := fs.String("nodes", "", "the nodes `table` (default: KIND_LEVEL_nodes beside LINKS)")
	network := fs.String("network", "", "the `network`, KIND_LEVEL (default: from the name of LINKS): "+strings.Join(sqlNetworks(), ", "))
	counting := fs.String("counting", "full", "the `counting` of the SQL: full or fractional")
	normalize := fs.String("normalize", "association", "the link `normalization` of the SQL: association, cosine, jaccard, inclusion, equivalence or none")
	cf := &clusterFlags{opts: analysis.DefaultNetworkOptions()}
	cf.addClusterFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("import-links: give one LINKS table (see citegraph import-links --help)")
	}
	if err := cf.check(); err != nil {
		return err
	}
	links := fs.Arg(0)
	kind, level, nodesBeside, named := analysis.NetworkFromLinksPath(links)
	if *network != "" {
		var ok bool
		if kind, level, ok = strings.Cut(*network, "_"); !ok || !slices.Contains(sqlNetworks(), *network) {
			return usagef("--network %q: one of %s", *network, strings.Join(sqlNetworks(), ", "))
		}
		if _, _, nodesBeside, named = analysis.NetworkFromLinksPath(filepath.Join(filepath.Dir(links), *network+"_links"+filepath.Ext(links))); !named {
			nodesBeside = ""
		}
	} else if !named {
		return usagef("import-links: %s is not named KIND_LEVEL_links; say which network it holds with --network (%s)", links, strings.Join(sqlNetworks(), ", "))
	}
	if *nodes == "" {
		if nodesBeside == "" {
			return fmt.Errorf("%s: no %s_%s_nodes table beside it (citegraph sql writes one; --nodes names another)", links, kind, level)
		}
		*nodes = nodesBeside
	}
	if *tables == "" {
		*tables = filepath.Dir(filepath.Clean(links))
	}
	var err error
	cf.opts.Kind, cf.opts.Level = kind, level
	if cf.opts.Counting, err = graph.ParseCounting(*counting); err != nil {
		return usagef("--counting: %v", err)
	}
	if cf.opts.Normalize, err = graph.ParseNormalization(*normalize); err != nil {
		return usagef("--normalize: %v", err)
	}
	r, err := analysis.ImportNetwork(*tables, *nodes, links, cf.opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "citegraph import-links: %s (nodes %s, tables %s)\n", links, *nodes, *tables)
	cf.summary(stdout, r)
	return writeListed(stdout, fs, *out, *force, *csvSafe, cf.files(r))
}
