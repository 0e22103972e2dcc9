// Citegraph analyses citation graphs: it reads the reference lists of the
// papers a scholar studies, recognises when different papers cite the same
// work, builds the citation graph, and writes centrality, co-citation
// clusters, tidy CSV tables and Graphviz DOT files.
//
// Usage:
//
//	citegraph COMMAND [flags] [FILE|DIR ...]
//
// Commands:
//
//	analyze        full analysis of reference lists or exports into an output folder
//	fetch          build a corpus from OpenAlex and Crossref (seeds, references, snowballing)
//	parse          parse free-text references to CSL-JSON
//	metrics        centrality table of a citation graph (large edge lists too)
//	export         convert an output folder to other formats (GraphML, GEXF, Pajek, …)
//	sql            SQL for DuckDB or Spark that builds a network from the Parquet tables
//	import-links   cluster, label and draw a network that DuckDB or Spark built
//	cocite         co-citation network of documents, authors or sources
//	couple         bibliographic coupling network of documents, authors or sources
//	coauthor       co-authorship network of authors, countries or institutions
//	coword         co-word network of keywords or of terms of titles and abstracts
//	thematic       thematic map (strategic diagram) and thematic evolution of co-word themes
//	tos            Tree of Science: roots, trunk and leaves (SAP, as python-bibx)
//	historiograph  citations among the corpus records, by year
//	mainpath       main paths of the citation graph (search path count)
//	bursts         citation bursts of cited works (Kleinberg)
//	rpys           reference publication year spectroscopy
//	train-parser   train the reference parser's model from the labelled data
//	completion     shell completion script for bash, zsh or fish
//
// --version prints the version.
//
// With no input, analyze runs on the embedded science-diplomacy reference
// list (--sample seed) or on a Web of Science export of 500 records
// (--sample wos).
//
// Inputs are detected from their content: a reference list copied from a
// paper (reflist), one reference per line (lines), Web of Science plain
// text, tab-delimited or BibTeX (wos, wostab, bibtex), Scopus CSV, RIS or
// BibTeX (scopus, ris, bibtex), Crossref or OpenAlex API JSON (crossref,
// openalex), CSL-JSON (csljson), Lens CSV (lens), PubMed/MEDLINE (pubmed),
// or "citing cited" id pairs (edgelist). --format forces one.
//
// Run "citegraph COMMAND --help" for a command's flags. Exit status is 0 on
// success, 1 on failure, 2 on a usage error.
//
// The command is the top layer of citegraph's packages (layers_test.go): it
// may import any of them, it alone imports the parser's training
// (bib/refparse/train, for train-parser), and nothing imports it.
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
