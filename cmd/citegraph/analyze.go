package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
)

const analyzeUsage = `Usage: citegraph analyze [flags] [FILE|DIR ...]

Reads reference lists or database exports, resolves the cited works, and
writes into the output folder:

  works.csv              every work: label, bibliographic fields, citations,
                         references, PageRank, HITS hub and authority,
                         betweenness, co-citation cluster
  references.csv         every input reference, the work it resolved to, by
                         which rule and with what score (match=duplicate:
                         counted once already, as a record given twice)
  matches.csv            every merge, with the fields that agreed
  citations.csv          citing,cited pairs
  cocitation.csv         a,b,count: works cited together, in the co-citation
                         network (see below)
  clusters.csv           co-citation clusters with modularity, top works,
                         and the network's least number of citations
  authors.csv            first authors of cited works, with their clusters
  author_cocitation.csv  a,b,count: authors cited together
  diagnostics.csv        what was skipped or repaired in the input, and why
  citations.dot          the citation graph for Graphviz (dot -Tsvg)
  cocitation.dot         the co-citation network (sfdp -Tsvg)
  author_cocitation.dot  the author co-citation network (sfdp -Tsvg)
  map.html               the co-citation map, to open in a browser (offline)

Records without any references (an export made without them, PubMed) give
what they allow: works.csv of the records, years.csv and sources.csv, and
the co-authorship networks of authors and countries. A file that is no
export and no reference list (a PDF, a spreadsheet of search results) is
an error saying what it looks like; .xlsx workbooks holding an export are
read as the export.

--export picks the formats (default csv,dot,html; all for every one):
graphml, gexf, pajek, vosviewer and json write each network
(citations, cocitation, author_cocitation) for networkx, igraph, Gephi,
Pajek, VOSviewer and Cytoscape, parquet the tables (see citegraph export
--help) with authorships.parquet and work_sources.parquet, which citegraph
sql turns into networks on DuckDB or Spark; --render svg|png|pdf draws the
DOT files with Graphviz.

The co-citation network that is clustered, drawn and written to
cocitation.csv holds the works cited at least --min-citations times. By
default that number is chosen: the least that keeps the network to 2,000
works (as VOSviewer keeps cited references with at least 20 citations), so
that the map stays readable and fast whatever the input; the summary and
clusters.csv say which it was, and --min-citations 1 keeps every cited
work. The author co-citation network is chosen alike. Every reference
still has its row in references.csv and every work in works.csv. Networks
of more than --max-links links together are refused before they are built,
with the links and memory they would take.

Betweenness is exact unless Brandes' algorithm from every work would scan
more than 2·10⁹ arcs (a long chain of works citing each other); it is
then estimated from random pivots (Brandes & Pich 2007, seeded by --seed),
and the summary gives the estimate's error bound. --measures leaves
measures out.

--networks and --indicators add the tables of the science-mapping commands
(cocite, couple, coauthor, coword; historiograph, mainpath, bursts, rpys)
with their defaults, e.g. --networks cocitation_sources,coword_keywords
--indicators all.

--overlay year|citations colours map.html's works by publication year or
citations instead of by cluster (VOSviewer's overlay view); the VOSviewer
files carry score<Pub. year> and score<Citations>. --thesaurus FILE
(VOSviewer's thesaurus format: "label<TAB>replace by", an empty replacement
dropping the label) merges and drops cited works (by label or id) and
authors in the co-citation networks and in --networks; the summary says
what it changed.

and a summary on stdout. With no input it runs on an embedded sample.

A run replaces the output folder's whole content (the new files are swapped
in when all are complete); a folder holding other files is refused unless
--force. CSV cells are written as data: --csv-safe prefixes with ' those a
spreadsheet would run as formulas.

Examples:
  citegraph analyze                          # the science-diplomacy seed list
  citegraph analyze --sample wos             # 500 Web of Science records
  citegraph analyze refs.txt -o out          # a reference list copied from a paper
  citegraph analyze savedrecs.txt papers/    # an export and a folder of lists
  citegraph analyze --export all --render svg  # every format, and pictures
  citegraph analyze --sample wos --networks all --indicators all
`

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", analyzeUsage, stdout)
	opts := analysis.DefaultOptions()
	out := fs.StringP("output", "o", "citegraph-out", "output `folder`")
	force := fs.Bool("force", false, "write into an output folder that holds other files")
	read := readFlags(fs)
	sample := fs.String("sample", "seed", "embedded sample to run on when no input is given: seed or wos")
	fs.IntVar(&opts.MinCitations, "min-citations", opts.MinCitations, fmt.Sprintf("works cited fewer times stay out of the co-citation network (authors cited by fewer records, out of the author network); 0 chooses the least number that keeps each to %d nodes, 1 keeps every cited work", opts.MaxNodes))
	fs.Int64Var(&opts.MaxLinks, "max-links", opts.MaxLinks, "refuse co-citation networks (of works and of authors) of more `links` than this together, before building them (a link takes about 56 bytes of memory)")
	measures := fs.String("measures", "citations,pagerank,hits,betweenness", "comma-separated `list` of citations, pagerank, hits, betweenness (exact up to a size, then estimated from random pivots)")
	fs.Float64Var(&opts.Resolution, "resolution", opts.Resolution, "modularity resolution of the clustering (higher: more, smaller clusters)")
	fs.Uint64Var(&opts.Seed, "seed", opts.Seed, "random seed of the clustering")
	fs.IntVar(&opts.DOTMaxEdges, "dot-max-edges", opts.DOTMaxEdges, "DOT files keep this many of the strongest links (0: all)")
	outputs := outputFlags(fs)
	quiet := fs.BoolP("quiet", "q", false, "no progress line on stderr (shown only when stderr is a terminal)")
	networks := fs.String("networks", "", "also build these science-mapping `networks`, comma-separated ("+strings.Join(analysis.NetworkNames(), ", ")+"), or all; see citegraph cocite --help")
	thesaurus := fs.String("thesaurus", "", thesaurusUsage)
	indicators := fs.String("indicators", "", "also compute these `indicators`, comma-separated ("+strings.Join(analysis.IndicatorNames, ", ")+"), or all")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	netNames, err := listFlag("--networks", *networks, analysis.NetworkNames())
	if err != nil {
		return err
	}
	indNames, err := listFlag("--indicators", *indicators, analysis.IndicatorNames)
	if err != nil {
		return err
	}
	oo, err := outputs()
	if err != nil {
		return err
	}
	if opts.MinCitations < 0 {
		return usagef("--min-citations must be 0 (chosen by size) or more")
	}
	if opts.MaxLinks < 1 {
		return usagef("--max-links must be positive")
	}
	if opts.Measures, err = parseMeasures(*measures); err != nil {
		return err
	}
	if opts.Resolution <= 0 {
		return usagef("--resolution must be positive")
	}
	if opts.DOTMaxEdges < 0 {
		return usagef("--dot-max-edges must be 0 (all) or more")
	}
	opts.Overlay = oo.overlay
	ro, err := read()
	if err != nil {
		return err
	}
	if opts.Thesaurus, err = readThesaurus(*thesaurus); err != nil {
		return err
	}

	progress := newProgress(stderr, *quiet)
	defer progress.done()
	progress.stage("reading")
	var in *input
	if fs.NArg() == 0 {
		in, err = readSample(*sample, ro)
	} else {
		in, err = readInputs(fs.Args(), stdin, ro)
	}
	if err != nil {
		return err
	}
	opts.Progress = progress.callback()
	// The output folder is opened once the references are resolved, and
	// their tables written while the analysis goes on; a folder that cannot
	// be written ends the run there.
	var folder *export.Folder
	var folderErr error
	opts.Resolved = func(r *analysis.Result) error {
		folder, folderErr = export.OpenFolder(*out, export.WithForce(*force), export.ByRun(commandLine(fs)))
		if folderErr == nil {
			folderErr = folder.Start(formulaSafe(r.ResolvedFiles(oo.formats), oo.csvSafe)...)
		}
		return folderErr
	}
	res, err := analysis.Run(in.records, in.diagnostics, opts)
	if folder != nil {
		defer folder.Close()
	}
	if folderErr != nil {
		return folderErr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", in.name, err)
	}
	files, err := res.FormatFiles(oo.formats)
	if err != nil {
		return err
	}
	if res.NoReferences() {
		// What the records allow: co-authorship, countries, sources, years.
		files = append(files, analysis.RecordFiles(res.Corpus)...)
		for _, n := range analysis.RecordNetworks {
			if !slices.Contains(netNames, n) {
				netNames = append(netNames, n)
			}
		}
	}
	more, err := analysis.NetworkFiles(res.Corpus, netNames, opts.Seed, max(1, opts.MinCitations), opts.DOTMaxEdges, opts.Thesaurus)
	if err != nil {
		return err
	}
	files = append(files, more...)
	if more, err = analysis.IndicatorFiles(res.Corpus, indNames); err != nil {
		return err
	}
	files = append(files, more...)
	progress.stage("writing " + *out)
	names, err := oo.writeInto(folder, *out, files, stderr)
	if names == nil {
		return err
	}
	renderErr := err
	progress.done()
	fmt.Fprintf(stdout, "citegraph analyze: %s\n\n", in.name)
	res.WriteSummary(stdout)
	reportRelabelled(stdout, opts.Thesaurus, "cited works", res.WorksRelabelled)
	reportRelabelled(stdout, opts.Thesaurus, "cited authors", res.AuthorsRelabelled)
	if n := len(in.diagnostics); n > 0 {
		fmt.Fprintf(stderr, "citegraph: %d problems in the input were skipped or repaired; see %s\n", n, filepath.Join(*out, "diagnostics.csv"))
	}
	fmt.Fprintf(stdout, "\nwrote %s/: %s\n", *out, strings.Join(names, " "))
	if renderErr != nil {
		return renderErr
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stdout, "(ran on %s; --sample seed|wos picks a sample, or give your own files: citegraph analyze FILE|DIR ...)\n", in.name)
	}
	return nil
}

// listFlag splits a comma-separated flag value, checking each item against
// known; "all" stands for every one.
func listFlag(flag, value string, known []string) ([]string, error) {
	if value == "" {
		return nil, nil
	}
	if value == "all" {
		return known, nil
	}
	var items []string
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if !slices.Contains(known, item) {
			return nil, usagef("%s: unknown %q (known: %s, or all)", flag, item, strings.Join(known, ", "))
		}
		items = append(items, item)
	}
	return items, nil
}
