package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// The bibliometric toolbox: one command per network or indicator, each
// reading its inputs as analyze does and writing CSV tables (and DOT for
// networks) into an output folder.

// inputFlags are the input flags every toolbox command shares.
type inputFlags struct {
	fs          *flag.FlagSet
	out, sample *string
	force       *bool
	csvSafe     *bool
	read        func() (readOptions, error)
	// thesaurus, for the commands that draw the citation graph itself
	// (addWorksThesaurus), merges and drops works; merged is what it did.
	thesaurus *string
	merged    *graph.Relabelling
	applied   *graph.Thesaurus
}

func addInputFlags(fs *flag.FlagSet, defaultOut string) *inputFlags {
	return &inputFlags{
		fs:      fs,
		out:     fs.StringP("output", "o", defaultOut, "output `folder`"),
		force:   fs.Bool("force", false, "write into an output folder that holds other files"),
		csvSafe: csvSafeFlag(fs),
		read:    readFlags(fs),
		sample:  fs.String("sample", "wos", "embedded sample to run on when no input is given: wos or seed"),
	}
}

// corpus reads the inputs (or the sample) as analyze does and resolves them.
func (f *inputFlags) corpus(fs *flag.FlagSet, stdin io.Reader, stderr io.Writer) (*graph.Corpus, string, error) {
	ro, err := f.read()
	if err != nil {
		return nil, "", err
	}
	var in *input
	if fs.NArg() == 0 {
		in, err = readSample(*f.sample, ro)
	} else {
		in, err = readInputs(fs.Args(), stdin, ro)
	}
	if err != nil {
		return nil, "", err
	}
	if n := len(in.diagnostics); n > 0 {
		fmt.Fprintf(stderr, "citegraph: %d problems in the input were skipped or repaired (citegraph analyze lists them in diagnostics.csv)\n", n)
	}
	if len(in.records) == 0 {
		return nil, "", fmt.Errorf("%s: the input holds no records", in.name)
	}
	c := graph.NewCorpus(resolve.Resolve(in.records))
	if f.thesaurus != nil {
		if f.applied, err = readThesaurus(*f.thesaurus); err != nil {
			return nil, "", err
		}
		c, f.merged = graph.MergeWorks(c, f.applied)
	}
	return c, in.name, nil
}

// addWorksThesaurus gives a command that draws the citation graph itself
// --thesaurus, applied to the works' labels and ids (graph.MergeWorks).
func (f *inputFlags) addWorksThesaurus() {
	f.thesaurus = f.fs.String("thesaurus", "", "VOSviewer thesaurus `file`: tab-separated \"label\" and \"replace by\" columns merging or (with an empty replacement) dropping works, by label or id")
}

// reportMerged writes the summary line of what --thesaurus did to the works.
func (f *inputFlags) reportMerged(w io.Writer) {
	reportRelabelled(w, f.applied, "works", f.merged)
}

// write adds files to the output folder, replacing those of the same name
// and leaving the others (see export.OpenFolder): a toolbox command adds
// its tables to an earlier analysis, and the folder's marker says which
// run wrote each file. It lists the files written.
func (f *inputFlags) write(stdout io.Writer, files ...export.File) error {
	return writeListed(stdout, f.fs, *f.out, *f.force, *f.csvSafe, files)
}

// writeListed adds files to the output folder dir as a toolbox command
// does (see inputFlags.write), the command line of fs naming the run,
// and lists them.
func writeListed(stdout io.Writer, fs *flag.FlagSet, dir string, force, csvSafe bool, files []export.File) error {
	err := export.WriteDir(dir, formulaSafe(files, csvSafe), export.WithForce(force), export.KeepEarlier(), export.ByRun(commandLine(fs)))
	if err != nil {
		return err
	}
	names := make([]string, len(files))
	for i, file := range files {
		names[i] = file.Name
	}
	slices.Sort(names)
	fmt.Fprintf(stdout, "wrote %s/: %s\n", dir, strings.Join(names, " "))
	return nil
}

const networkOutputs = `writes into the output folder, KIND_LEVEL standing for the network's name
(cocitation_sources, coupling_authors, coauthorship_countries, …):

  KIND_LEVEL_nodes.csv         id, label, occurrences (citations, references
                               or documents; weighted under fractional
                               counting), degree, strength (counted link
                               weight), normalized_strength, core (k-core
                               number), cluster (1 = largest) and silhouette
  KIND_LEVEL_links.csv         a, b, weight (counted), normalized
  KIND_LEVEL_clusters.csv      cluster, size, modularity, quality (the Leiden
                               objective), silhouette, top_nodes, labels_llr
                               and labels_tfidf (terms of the titles, keywords
                               and abstracts of the records behind the cluster)
  KIND_LEVEL_distribution.csv  measure (degree or strength), value, count,
                               ccdf (share of nodes with at least value)
  KIND_LEVEL.dot               the network for Graphviz (sfdp -Tsvg)

and with --export html,vosviewer:

  KIND_LEVEL_map.html          the network as an interactive map (offline),
                               laid out by ForceAtlas2; --overlay year or
                               citations colours it by the mean publication
                               year or citations of the records behind each
                               node (VOSviewer's overlay view)
  KIND_LEVEL_vosviewer_*       VOSviewer's map and network files and JSON,
                               with score<Avg. pub. year> and
                               score<Avg. citations> columns

The records behind a node are those citing it in co-citation networks,
its own in the others; their citations are the database's count (WoS TC,
Scopus "Cited by") where the input gives it.

--thesaurus FILE merges and drops node labels before linking, with
VOSviewer's thesaurus files: a header line "label<TAB>replace by", then a
label and its replacement a line (an empty replacement drops the label).
Labels match ignoring case, diacritics and punctuation; a label renamed to
another's label joins it. Cited works match by label ("Ruffini 2020a") or
id. The summary says how many labels were replaced and dropped.

--slices Y1,Y2,… (cut after those years, as bibliometrix) or --slice-years
N (slices of N years, as CiteSpace) build one network per time slice, of
the records published then: KIND_LEVEL_FROM-TO_*.csv and .dot, and
KIND_LEVEL_slices.csv (slice, from, to, records, nodes, links, clusters,
modularity, silhouette, top_nodes).

Counting (--counting): under full counting an item (a citing record, a shared
reference, a paper) adds 1 to each link among its n members; under fractional
counting 1/(n−1) (Perianes-Rodriguez, Waltman & van Eck 2016).
Normalisation (--normalize) of link weight a_ij, with s_i a node's total link
weight, 2m = Σ s_i and c_i its occurrences:
  association   a_ij / (s_i s_j / 2m)     (van Eck & Waltman 2009; VOSviewer)
  cosine        c_ij / √(c_i c_j)         (Salton)
  jaccard       c_ij / (c_i + c_j − c_ij)
  inclusion     c_ij / min(c_i, c_j)
  equivalence   c_ij² / (c_i c_j)
  none
Thresholds apply in this order: --min-citations (occurrences), --top (nodes of
largest total link weight), --min-strength (counted link weight); then the
weights are normalised and clustered with Leiden (Traag, Waltman & van Eck
2019) on the normalised weights.
`

type networkFlags struct {
	level, counting, normalize *string
	thesaurus, slices          *string
	sliceYears                 *int
	*clusterFlags
}

// clusterFlags are the flags of clustering, labelling and drawing a
// network, which the network commands and import-links share.
type clusterFlags struct {
	opts                               analysis.NetworkOptions
	objective, small, formats, overlay *string
	mapMaxLinks                        *int
	extra                              []string // --export formats besides csv and dot
}

func addNetworkFlags(fs *flag.FlagSet, kind, defaultLevel string) *networkFlags {
	nf := &networkFlags{clusterFlags: &clusterFlags{opts: analysis.DefaultNetworkOptions()}}
	nf.opts.Kind = kind
	nf.level = fs.String("level", defaultLevel, "node `level`: "+strings.Join(analysis.NetworkLevels[kind], ", "))
	nf.counting = fs.String("counting", "full", "`counting`: full or fractional")
	nf.normalize = fs.String("normalize", "association", "link `normalization`: association, cosine, jaccard, inclusion, equivalence or none")
	what := map[string]string{analysis.CoCitationKind: "citations", analysis.CouplingKind: "references", analysis.CoauthorshipKind: "documents",
		analysis.CowordKind: "records using them"}[kind]
	fs.IntVar(&nf.opts.MinOccurrences, minFlag(kind), 1, "nodes need at least this many "+what)
	fs.IntVar(&nf.opts.Top, "top", 0, "keep the `N` nodes of largest total link weight (0: all)")
	fs.Float64Var(&nf.opts.MinStrength, "min-strength", 0, "drop links whose counted weight is below this")
	nf.addClusterFlags(fs)
	nf.thesaurus = fs.String("thesaurus", "", thesaurusUsage)
	nf.slices = fs.String("slices", "", "time slices: cut the records' years after these `years` (2005,2012: up to 2005, 2006–2012, after 2012) and build a network per slice")
	nf.sliceYears = fs.Int("slice-years", 0, "time slices of `N` years from the first record's year (CiteSpace's years per slice)")
	fs.Int64Var(&nf.opts.MaxLinks, "max-links", nf.opts.MaxLinks, "refuse a co-citation or coupling network of more `links` than this, before building it (a link takes about 56 bytes of memory)")
	return nf
}

// addClusterFlags adds the flags of clustering, labels, DOT and maps.
func (cf *clusterFlags) addClusterFlags(fs *flag.FlagSet) {
	cf.objective = fs.String("objective", "modularity", "clustering objective: modularity or cpm")
	fs.Float64Var(&cf.opts.Leiden.Resolution, "resolution", 1, "resolution γ of the objective (higher: more, smaller clusters)")
	fs.Uint64Var(&cf.opts.Leiden.Seed, "seed", 1, "random seed of the clustering")
	fs.IntVar(&cf.opts.Leiden.RandomStarts, "random-starts", 1, "run Leiden this many times and keep the best")
	fs.IntVar(&cf.opts.Leiden.MinClusterSize, "min-cluster-size", 1, "clusters with fewer nodes are merged into their best-linked neighbour or dropped")
	cf.small = fs.String("small-clusters", "merge", "what --min-cluster-size does: merge or drop")
	fs.IntVar(&cf.opts.LabelTerms, "labels", 5, "label terms per cluster and method (0: none)")
	fs.IntVar(&cf.opts.DOTMaxEdges, "dot-max-edges", 1000, "the DOT file keeps this many of the strongest links (0: all)")
	cf.formats = fs.String("export", "csv,dot", "output `formats`: csv and dot (always), html (KIND_LEVEL_map.html), vosviewer (KIND_LEVEL_vosviewer_*), timeline (KIND_LEVEL_timeline.svg and .csv)")
	cf.overlay = fs.String("overlay", "", "colour the map by `score`: year (mean publication year of the records behind a node) or citations, instead of by cluster")
	cf.mapMaxLinks = fs.Int("map-max-links", 5000, "the map draws this many of the strongest links (0: all)")
}

// minFlag names the flag of a network's least occurrences.
func minFlag(kind string) string {
	if kind == analysis.CowordKind {
		return "min-occurrences"
	}
	return "min-citations"
}

func (nf *networkFlags) check() error {
	var err error
	nf.opts.Level = *nf.level
	if !slices.Contains(analysis.NetworkLevels[nf.opts.Kind], nf.opts.Level) {
		return usagef("--level %q: %s networks are of %s", nf.opts.Level, nf.opts.Kind, strings.Join(analysis.NetworkLevels[nf.opts.Kind], ", "))
	}
	if nf.opts.Counting, err = graph.ParseCounting(*nf.counting); err != nil {
		return usagef("--counting: %v", err)
	}
	if nf.opts.Normalize, err = graph.ParseNormalization(*nf.normalize); err != nil {
		return usagef("--normalize: %v", err)
	}
	switch {
	case nf.opts.MinOccurrences < 1:
		return usagef("--%s must be at least 1", minFlag(nf.opts.Kind))
	case nf.opts.MaxLinks < 1:
		return usagef("--max-links must be positive")
	case nf.opts.Top < 0:
		return usagef("--top must be 0 (all) or more")
	case *nf.sliceYears < 0:
		return usagef("--slice-years must be at least 1")
	case *nf.sliceYears > 0 && *nf.slices != "":
		return usagef("give --slices or --slice-years, not both")
	}
	if *nf.slices != "" {
		if _, err := analysis.ParseYears(*nf.slices); err != nil {
			return usagef("--slices: %v", err)
		}
	}
	if err := nf.clusterFlags.check(); err != nil {
		return err
	}
	nf.opts.Thesaurus, err = readThesaurus(*nf.thesaurus)
	return err
}

// check reads the clustering and output flags into opts and extra.
func (cf *clusterFlags) check() error {
	switch *cf.objective {
	case "modularity":
		cf.opts.Leiden.Objective = metrics.ModularityObjective
	case "cpm":
		cf.opts.Leiden.Objective = metrics.CPMObjective
	default:
		return usagef("--objective %q: modularity or cpm", *cf.objective)
	}
	switch *cf.small {
	case "merge":
		cf.opts.Leiden.SmallClusters = metrics.MergeSmallClusters
	case "drop":
		cf.opts.Leiden.SmallClusters = metrics.DropSmallClusters
	default:
		return usagef("--small-clusters %q: merge or drop", *cf.small)
	}
	switch {
	case cf.opts.Leiden.Resolution < 0:
		return usagef("--resolution must not be negative")
	case cf.opts.Leiden.RandomStarts < 1:
		return usagef("--random-starts must be at least 1")
	case cf.opts.Leiden.MinClusterSize < 1:
		return usagef("--min-cluster-size must be at least 1")
	case cf.opts.DOTMaxEdges < 0:
		return usagef("--dot-max-edges must be 0 (all) or more")
	case *cf.mapMaxLinks < 0:
		return usagef("--map-max-links must be 0 (all) or more")
	}
	cf.extra = nil
	for _, f := range strings.Split(*cf.formats, ",") {
		switch f = strings.TrimSpace(f); {
		case f == "csv", f == "dot", f == "":
		case slices.Contains(analysis.ExtraFormats, f):
			cf.extra = append(cf.extra, f)
		default:
			return usagef("--export: unknown format %q (csv, dot, html, vosviewer, timeline)", f)
		}
	}
	if _, err := analysis.ParseOverlay(*cf.overlay); err != nil {
		return usagef("--overlay: %v", err)
	}
	if *cf.overlay != "" && !slices.Contains(cf.extra, "html") {
		cf.extra = append(cf.extra, "html")
	}
	return nil
}

// periods are the time slices the flags ask for; nil for none.
func (nf *networkFlags) periods(c *graph.Corpus) ([]analysis.Period, error) {
	switch {
	case *nf.slices != "":
		cuts, _ := analysis.ParseYears(*nf.slices)
		return analysis.CutPeriods(c, cuts)
	case *nf.sliceYears > 0:
		return analysis.YearPeriods(c, *nf.sliceYears)
	}
	return nil, nil
}

// files are a built network's output files in the formats asked for.
func (cf *clusterFlags) files(r *analysis.NetworkResult) []export.File {
	return append(r.Files(), r.MapFiles(cf.extra, *cf.overlay, cf.opts.Leiden.Seed, *cf.mapMaxLinks)...)
}

// summary writes a network's line of the summary.
func (cf *clusterFlags) summary(w io.Writer, r *analysis.NetworkResult) {
	what := ""
	if r.Period != nil {
		what = r.Period.String() + ": "
	}
	fmt.Fprintf(w, "%s%s network of %s (%s counting, %s): %d nodes, %d links; %d clusters, modularity Q = %.4f, mean silhouette %.4f\n",
		what, r.Options.Kind, r.Options.Level, r.Options.Counting, r.Options.Normalize, r.Raw.Order(), r.Raw.Size(), r.Clusters.K(), r.Clusters.Q, r.Silhouette.Mean)
	reportRelabelled(w, r.Options.Thesaurus, r.Options.Level, r.Relabelled)
	if r.Raw.Order() == 0 && r.Options.Kind == analysis.CowordKind {
		fmt.Fprintf(w, "(no record has %s%s: --level picks other keywords, --terms the terms of titles and abstracts)\n", strings.ReplaceAll(r.Options.Level, "_", " "),
			map[bool]string{true: " occurring often enough (--min-occurrences)", false: ""}[r.Options.MinOccurrences > 1])
	}
}

// build builds the network, or one per time slice, and lists its files.
func (nf *networkFlags) build(c *graph.Corpus, stdout io.Writer) ([]export.File, error) {
	periods, err := nf.periods(c)
	if err != nil {
		return nil, err
	}
	if periods == nil {
		r, err := analysis.BuildNetwork(c, nf.opts)
		if err != nil {
			return nil, err
		}
		nf.summary(stdout, r)
		return nf.files(r), nil
	}
	rs, err := analysis.SlicedNetworks(c, periods, nf.opts)
	if err != nil {
		return nil, err
	}
	name := nf.opts.Kind + "_" + nf.opts.Level
	files := []export.File{analysis.TableFile(name+"_slices.csv", analysis.SlicesTable(rs))}
	for _, r := range rs {
		nf.summary(stdout, r)
		files = append(files, nf.files(r)...)
	}
	return files, nil
}

// networkCommand is cocite, couple, coauthor or coword; more, when not
// nil, adds the command's own flags and returns their check.
func networkCommand(name, kind, defaultLevel, usage, examples string, more func(*flag.FlagSet, *networkFlags) func() error) func([]string, io.Reader, io.Writer, io.Writer) error {
	return func(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
		in, nf, c, what, err := startNetworkCommand(name, kind, defaultLevel, usage+networkOutputs+examples, more, args, stdin, stdout, stderr)
		if err != nil {
			return err
		}
		files, err := nf.build(c, stdout)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return in.write(stdout, files...)
	}
}

// startNetworkCommand parses a network command's flags (more adds the
// command's own, as for networkCommand), reads its corpus, and says what
// it runs on.
func startNetworkCommand(name, kind, defaultLevel, usage string, more func(*flag.FlagSet, *networkFlags) func() error,
	args []string, stdin io.Reader, stdout, stderr io.Writer) (*inputFlags, *networkFlags, *graph.Corpus, string, error) {
	fs := newFlags(name, usage, stdout)
	in := addInputFlags(fs, "citegraph-out")
	nf := addNetworkFlags(fs, kind, defaultLevel)
	check := func() error { return nil }
	if more != nil {
		check = more(fs, nf)
	}
	if err := parseFlags(fs, args); err != nil {
		return nil, nil, nil, "", err
	}
	if err := check(); err != nil {
		return nil, nil, nil, "", err
	}
	if err := nf.check(); err != nil {
		return nil, nil, nil, "", err
	}
	c, what, err := in.corpus(fs, stdin, stderr)
	if err != nil {
		return nil, nil, nil, "", err
	}
	fmt.Fprintf(stdout, "citegraph %s: %s\n", name, what)
	return in, nf, c, what, nil
}

const cociteUsage = `Usage: citegraph cocite [flags] [FILE|DIR ...]

Builds the co-citation network (Small 1973): two cited works — or their
first authors, or their sources (journals, by abbreviation when the input
gives one) — are linked once for every record citing both. It clusters the
network with Leiden and labels the clusters from the citing records' texts
(log-likelihood ratio and TF-IDF), and
`

const cociteExamples = `
Examples:
  citegraph cocite                                   # the embedded WoS sample
  citegraph cocite --level sources --min-citations 5 savedrecs.txt
  citegraph cocite --counting fractional --normalize cosine --top 200 -o out refs/
`

const coupleUsage = `Usage: citegraph couple [flags] [FILE|DIR ...]

Builds the bibliographic-coupling network (Kessler 1963): two citing records
— or authors, or sources, through all their records — are linked once for
every work both cite. It clusters the network with Leiden and labels the
clusters, and
`

const coupleExamples = `
Examples:
  citegraph couple savedrecs.txt
  citegraph couple --level authors --counting fractional --min-citations 10 savedrecs.txt
`

const coauthorUsage = `Usage: citegraph coauthor [flags] [FILE|DIR ...]

Builds the co-authorship network of the corpus records: two authors — or
countries, or institutions, read from the Web of Science addresses (C1: the
institution is the first field, the country the last) — are linked once for
every record naming both. It clusters the network with Leiden, and
`

const coauthorExamples = `
Examples:
  citegraph coauthor savedrecs.txt
  citegraph coauthor --level countries --counting fractional savedrecs.txt
`

var (
	runCocite   = networkCommand("cocite", analysis.CoCitationKind, analysis.DocumentLevel, cociteUsage, cociteExamples, nil)
	runCouple   = networkCommand("couple", analysis.CouplingKind, analysis.DocumentLevel, coupleUsage, coupleExamples, nil)
	runCoauthor = networkCommand("coauthor", analysis.CoauthorshipKind, analysis.AuthorLevel, coauthorUsage, coauthorExamples, nil)
)

const historiographUsage = `Usage: citegraph historiograph [flags] [FILE|DIR ...]

Draws the historiograph (Garfield's HistCite): the citations among the
records of the corpus only, ordered by publication year, with each record's
local citation score (LCS: corpus records citing it) beside its global one
(GCS: the database's times cited, from WoS TC or Scopus "Cited by"). Writes

  historiograph.csv   id, label, year, title, source, lcs, gcs, lcr (corpus
                      records it cites), cites (their ids, ";"-separated)
  historiograph.dot   the --top records by LCS, one rank per year (dot -Tsvg)

--reduce thins the drawing, as CitNetExplorer does: historiograph.dot keeps
only the citations no chain of other drawn citations implies (the
transitive reduction: every record still reaches the same others), and
orders the records of each year after those they cite. The table keeps
every citation.

--thesaurus FILE merges or drops works (by label or id, VOSviewer's
thesaurus format, as in analyze) before drawing.

Examples:
  citegraph historiograph savedrecs.txt
  citegraph historiograph --top 50 --min-citations 2 -o hist savedrecs.txt
  citegraph historiograph --top 0 --reduce -o hist savedrecs.txt
`

func runHistoriograph(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("historiograph", historiographUsage, stdout)
	in := addInputFlags(fs, "citegraph-out")
	top := fs.Int("top", 30, "the DOT file draws the `N` records of highest local citation score (0: all)")
	minLCS := fs.Int("min-citations", 0, "leave out records cited by fewer corpus records")
	reduce := fs.Bool("reduce", false, "draw only the citations no chain of other drawn citations implies (transitive reduction)")
	in.addWorksThesaurus()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *top < 0 || *minLCS < 0 {
		return usagef("--top and --min-citations must not be negative")
	}
	c, what, err := in.corpus(fs, stdin, stderr)
	if err != nil {
		return err
	}
	full := graph.NewHistoriograph(c)
	h := full.Top(c, 0, *minLCS)
	drawn := full.Top(c, *top, *minLCS)
	fmt.Fprintf(stdout, "citegraph historiograph: %s\n%d records, %d citations among them; drawing %d records\n", what, len(h.Works), h.Citations.Size(), len(drawn.Works))
	in.reportMerged(stdout)
	if *reduce {
		reduced, err := drawn.Reduce(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "transitive reduction: drawing %d of their %d citations\n", reduced.Citations.Size(), drawn.Citations.Size())
		drawn = reduced
	}
	return in.write(stdout, analysis.TableFile("historiograph.csv", analysis.HistoriographTable(c, h)),
		analysis.DOTFile("historiograph.dot", analysis.HistoriographDOT(c, drawn)))
}

const mainpathUsage = `Usage: citegraph mainpath [flags] [FILE|DIR ...]

Main path analysis (Hummon & Doreian 1989): weighs every citation by its
search path count (SPC: the number of paths from a source — a work citing
nothing in the graph — to a sink — a work nobody cites — running through it;
Batagelj 2003), after condensing citation cycles into single nodes, and
traces the local (priority-first), global (largest total SPC) and key-route
main paths (Liu & Lu 2012). By default the graph is the citations among
corpus records (the historiograph); --all-works adds every cited work. Writes

  mainpath.csv   cited, citing (ids), cited_label, citing_label, spc, local,
                 global, key_route: every arc, largest SPC first (works in a
                 citation cycle joined by "+")
  mainpath.dot   the main paths, cited -> citing (dot -Tsvg)

--thesaurus FILE merges or drops works (by label or id, VOSviewer's
thesaurus format, as in analyze) before the paths are traced.

Examples:
  citegraph mainpath savedrecs.txt
  citegraph mainpath --key-routes 20 --all-works -o mp savedrecs.txt
`

func runMainPath(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("mainpath", mainpathUsage, stdout)
	in := addInputFlags(fs, "citegraph-out")
	k := fs.Int("key-routes", 10, "start the key-route main path from the `k` arcs of largest SPC")
	all := fs.Bool("all-works", false, "analyse the whole citation graph, not only citations among corpus records")
	in.addWorksThesaurus()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *k < 1 {
		return usagef("--key-routes must be at least 1")
	}
	c, what, err := in.corpus(fs, stdin, stderr)
	if err != nil {
		return err
	}
	m := analysis.MainPath(c, *all, *k)
	fmt.Fprintf(stdout, "citegraph mainpath: %s\n%d nodes, %d arcs, %v source-to-sink paths; main paths: local %d arcs, global %d, key-route %d\n",
		what, m.SPC.DAG.Order(), m.SPC.DAG.Size(), m.SPC.Paths, len(m.Local), len(m.Global), len(m.KeyRoute))
	in.reportMerged(stdout)
	return in.write(stdout, analysis.TableFile("mainpath.csv", m.Table()), analysis.DOTFile("mainpath.dot", m.DOT()))
}

const burstsUsage = `Usage: citegraph bursts [flags] [FILE|DIR ...]

Detects citation bursts (Kleinberg 2002; as CiteSpace): for each cited work,
a two-state automaton over the years of the corpus, with r_t the records of
year t citing the work and d_t all records of year t; baseline rate
p0 = Σr/Σd, burst rate p1 = s·p0, entering the burst state costs γ·ln(years).
A burst's strength is the cost it saves. With --sigma, CiteSpace's
sigma = (centrality + 1)^strength uses the work's normalised betweenness in
the co-citation network. Writes

  bursts.csv   id, label, year, citations, begin, end, duration, strength,
               centrality, sigma (on the work's strongest burst)

Examples:
  citegraph bursts savedrecs.txt
  citegraph bursts --s 3 --gamma 0.5 --min-duration 2 --sigma savedrecs.txt
`

func runBursts(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("bursts", burstsUsage, stdout)
	in := addInputFlags(fs, "citegraph-out")
	opts := metrics.DefaultBurstOptions()
	fs.Float64Var(&opts.S, "s", opts.S, "ratio of the burst rate to the baseline rate (> 1)")
	fs.Float64Var(&opts.Gamma, "gamma", opts.Gamma, "cost of entering a burst, times ln(years)")
	fs.IntVar(&opts.MinDuration, "min-duration", opts.MinDuration, "shortest burst to report, in years")
	minCit := fs.Int("min-citations", 2, "only works cited at least this often")
	sigma := fs.Bool("sigma", false, "compute centrality and sigma (betweenness of the co-citation network: slow on large networks)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !(opts.S > 1) || opts.Gamma < 0 || opts.MinDuration < 1 || *minCit < 1 {
		return usagef("--s must exceed 1, --gamma be non-negative, --min-duration and --min-citations at least 1")
	}
	c, what, err := in.corpus(fs, stdin, stderr)
	if err != nil {
		return err
	}
	rows, err := analysis.CitationBursts(c, *minCit, opts)
	if err != nil {
		return err
	}
	if *sigma {
		analysis.AddSigma(rows, graph.CoCitation(c.Citations, *minCit))
	}
	fmt.Fprintf(stdout, "citegraph bursts: %s\n%d bursts\n", what, len(rows))
	return in.write(stdout, analysis.TableFile("bursts.csv", analysis.BurstsTable(c, rows, *sigma)))
}

const rpysUsage = `Usage: citegraph rpys [flags] [FILE|DIR ...]

Reference publication year spectroscopy (Marx, Bornmann, Barth & Leydesdorff
2014): counts the cited references by publication year (a work cited n times
counts n times) and each year's deviation from the median of the five years
t−2..t+2; peaks mark a field's historical roots. Writes

  rpys.csv   year, references, median, deviation

Examples:
  citegraph rpys savedrecs.txt
  citegraph rpys --min-year 1900 --max-year 2000 -o out savedrecs.txt
`

func runRPYS(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("rpys", rpysUsage, stdout)
	in := addInputFlags(fs, "citegraph-out")
	minYear := fs.Int("min-year", 0, "first reference year (0: the earliest)")
	maxYear := fs.Int("max-year", 0, "last reference year (0: the latest)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c, what, err := in.corpus(fs, stdin, stderr)
	if err != nil {
		return err
	}
	t := analysis.RPYSTable(c, *minYear, *maxYear)
	fmt.Fprintf(stdout, "citegraph rpys: %s\n%d years\n", what, len(t.Rows))
	return in.write(stdout, analysis.TableFile("rpys.csv", t))
}
