package main

import (
	"io"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

const sqlUsage = `Usage: citegraph sql NETWORK [flags] > network.sql

Prints the SQL that builds a co-citation or bibliographic coupling network
from the Parquet tables of citegraph analyze --export parquet, for DuckDB
or Spark SQL: for corpora too large for one machine's memory (the OpenAlex
snapshot: 250M works, 2.5B references), where the engine counts the pairs
out of core or across a cluster. NETWORK is KIND_LEVEL, as in analyze
--networks: cocitation_documents, cocitation_authors, cocitation_sources,
coupling_documents, coupling_authors or coupling_sources (cocitation and
coupling alone are of documents).

The script reads citations.parquet (citing, cited), and for the author and
source levels authorships.parquet (work, position, author, author_key) or
work_sources.parquet (work, source, source_key), from the --tables folder;
it writes into the --output folder

  NETWORK_nodes.parquet   id, occurrences (citations, references; weighted
                          under fractional counting)
  NETWORK_links.parquet   a, b (a < b), weight (counted), normalized

(with Spark, folders of Parquet files of those names without .parquet),
which citegraph import-links clusters, labels and draws (DuckDB does not
make the --output folder: make it first). The weights are those citegraph
cocite and couple compute with the same flags: the same counting (each
citing record or shared reference adds 1, or 1/(n-1) under fractional
counting, to the links among its n members), threshold and normalisation
(association strength, cosine, Jaccard, inclusion or equivalence; see
citegraph cocite --help). The steps are commented: the incidence of items
and members, their weights, the nodes (pre-filtered by --min-citations
before the join), the self-join on the item (the citing record in
co-citation) and its group-by, and the normalisation. docs/scale-out.md gives the engines' memory, spill and
partition settings and measured times.

Examples:
  citegraph analyze --export csv,parquet savedrecs.txt -o out
  citegraph sql cocitation_documents --tables out > cocitation.sql
  duckdb < cocitation.sql                      # writes into out
  citegraph import-links out/cocitation_documents_links.parquet --tables out -o map

  citegraph sql cocitation_authors --counting fractional --dialect spark \
      --tables s3a://bucket/openalex --output s3a://bucket/networks > authors.sql
  spark-sql -f authors.sql
`

func runSQL(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("sql", sqlUsage, stdout)
	dialect := fs.String("dialect", analysis.DuckDB, "SQL `dialect`: "+strings.Join(analysis.SQLDialects, " or "))
	tables := fs.String("tables", "citegraph-out", "`folder` or URI of the Parquet tables to read")
	output := fs.StringP("output", "o", "", "`folder` or URI the engine writes the network into (default: --tables)")
	counting := fs.String("counting", "full", "`counting`: full or fractional")
	normalize := fs.String("normalize", "association", "link `normalization`: association, cosine, jaccard, inclusion, equivalence or none")
	minOcc := fs.Int("min-citations", 1, "nodes need at least this many citations (co-citation) or references (coupling)")
	minStrength := fs.Float64("min-strength", 0, "drop links whose counted weight is below this")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("sql: give one NETWORK (cocitation_documents, coupling_authors, …; see citegraph sql --help)")
	}
	o := analysis.SQLOptions{NetworkOptions: analysis.DefaultNetworkOptions(), Dialect: *dialect, Tables: *tables, Output: *output}
	name := fs.Arg(0)
	if !strings.Contains(name, "_") {
		name += "_" + analysis.DocumentLevel
	}
	if !slices.Contains(sqlNetworks(), name) {
		return usagef("sql: no SQL for network %q (networks: %s)", fs.Arg(0), strings.Join(sqlNetworks(), ", "))
	}
	o.Kind, o.Level, _ = strings.Cut(name, "_")
	var err error
	if o.Counting, err = graph.ParseCounting(*counting); err != nil {
		return usagef("--counting: %v", err)
	}
	if o.Normalize, err = graph.ParseNormalization(*normalize); err != nil {
		return usagef("--normalize: %v", err)
	}
	if *minOcc < 1 {
		return usagef("--min-citations must be at least 1")
	}
	if *minStrength < 0 {
		return usagef("--min-strength must not be negative")
	}
	o.MinOccurrences, o.MinStrength = *minOcc, *minStrength
	if o.Output == "" {
		o.Output = o.Tables
	}
	// Every error of NetworkSQL is one of the options; the script is
	// written whole or not at all.
	var script strings.Builder
	if err := analysis.NetworkSQL(&script, o); err != nil {
		return usagef("sql: %v", err)
	}
	_, err = io.WriteString(stdout, script.String())
	return err
}

// sqlNetworks lists the networks citegraph sql writes.
func sqlNetworks() []string {
	var names []string
	for _, kind := range []string{analysis.CoCitationKind, analysis.CouplingKind} {
		for _, level := range analysis.NetworkLevels[kind] {
			names = append(names, kind+"_"+level)
		}
	}
	return names
}
