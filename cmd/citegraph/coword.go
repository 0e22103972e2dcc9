package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
)

const cowordUsage = `Usage: citegraph coword [flags] [FILE|DIR ...]

Builds the co-word network (Callon, Courtial, Turner & Bauin 1983): two
keywords — or terms of the titles and abstracts, with --terms — are linked
once for every record using both (each counted once per record, VOSviewer's
binary counting). Levels (--level):

  keywords         the authors' keywords and the database's (WoS DE and ID
                   Keywords Plus; Scopus Author Keywords and Index Keywords)
  author_keywords  the authors' keywords only (bibliometrix's DE)
  index_keywords   Keywords Plus or index keywords only (bibliometrix's ID)
  terms            terms of titles and abstracts (--terms)

Keywords are grouped folded (case, diacritics, punctuation aside; with
--stem-keywords also on their Snowball stems). Terms are found as
bibliometrix's termExtraction does: English text is cut into words at
punctuation and stop words (Snowball's English stop list), words of fewer
than two letters and numbers are dropped, and each run of words between cuts
gives its n-grams (--ngrams N, or A-B for every length from A to B), grouped
on their Snowball stems (Porter 2001, snowballstem.org; --no-stem groups
them as written) and named by their most frequent form. N-grams starting or
ending with a word of academic prose (study, results, method, …) are left
out. Chinese text, written without spaces, is cut at punctuation and at
Chinese stop words (的, 与, 基于, 研究, …) and each piece of two to eight
characters is a term, as RAKE finds candidates (Rose et al. 2010); Chinese
records' keywords map a Chinese literature better. --stop-words FILE (one a
line) and a --thesaurus (empty replacement) drop more.

It clusters the network with Leiden and labels the clusters from the
records' texts (log-likelihood ratio and TF-IDF), and
`

const cowordExamples = `
Examples:
  citegraph coword savedrecs.txt                            # keywords
  citegraph coword --level author_keywords --min-occurrences 5 scopus.csv
  citegraph coword --terms --ngrams 1-2 --min-occurrences 10 savedrecs.txt
  citegraph coword --thesaurus thesaurus.txt --export html --overlay year savedrecs.txt
`

// cowordFlags adds the flags of co-word networks: --terms, --ngrams,
// --no-stem, --stem-keywords, --fields and --stop-words.
func cowordFlags(fs *flag.FlagSet, nf *networkFlags) func() error {
	useTerms := fs.Bool("terms", false, "terms of titles and abstracts (--level terms)")
	ngrams := fs.String("ngrams", "1", "terms of `N` words, or A-B for A to B words (a term then co-occurs with the words in it)")
	noStem := fs.Bool("no-stem", false, "group terms as written, not on their Snowball stems")
	fs.BoolVar(&nf.opts.Coword.StemKeywords, "stem-keywords", false, "group keywords on their Snowball stems (\"neural networks\" with \"neural network\")")
	fields := fs.String("fields", "title,abstract", "where terms are found: title, abstract or both")
	stop := fs.String("stop-words", "", "`file` of more words to leave out of terms, one a line")
	return func() error {
		if *useTerms {
			*nf.level = analysis.TermLevel
		}
		lo, hi, ok := strings.Cut(*ngrams, "-")
		if !ok {
			hi = lo
		}
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || a < 1 || b < a || b > 6 {
			return usagef("--ngrams %q: a number of words from 1 to 6, or a range such as 1-3", *ngrams)
		}
		t := &nf.opts.Coword.Terms
		t.MinWords, t.MaxWords, t.Stem = a, b, !*noStem
		nf.opts.Coword.TermFields = nil
		for _, f := range strings.Split(*fields, ",") {
			if f = strings.TrimSpace(f); f != "title" && f != "abstract" {
				return usagef("--fields: %q is neither title nor abstract", f)
			}
			nf.opts.Coword.TermFields = append(nf.opts.Coword.TermFields, f)
		}
		if *stop != "" {
			words, err := readWordList(*stop)
			if err != nil {
				return err
			}
			t.StopWords = words
		}
		return nil
	}
}

// readWordList reads a file of words, one a line, lower-cased; blank lines
// and lines starting with # are skipped.
func readWordList(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF")))
		if w != "" && !strings.HasPrefix(w, "#") {
			words[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return words, nil
}

var runCoword = networkCommand("coword", analysis.CowordKind, analysis.KeywordLevel, cowordUsage, cowordExamples, cowordFlags)

const thematicUsage = `Usage: citegraph thematic [flags] [FILE|DIR ...]

Draws the thematic map (strategic diagram) of a field (Cobo, López-Herrera,
Herrera-Viedma & Herrera 2011, doi:10.1016/j.joi.2010.10.002, after Callon,
Courtial & Laville 1991, doi:10.1007/BF02019280): it builds the co-word
network as citegraph coword does (same flags), takes each Leiden cluster as
a theme, and places it by Callon's centrality and density, computed on the
equivalence index of the counted links, e_ij = c_ij² / (c_i c_j) (c_ij the
records using both keywords, c_i those using keyword i):

  centrality(T) = 10 · Σ e_ij over links from a keyword of T to one outside
  density(T)    = 100 · Σ e_ij over links inside T / (keywords of T)

Centrality says how strongly a theme is tied to the rest of the field,
density how developed it is inside. The axes cross at the medians of the
themes' centrality and density; a theme at least at a median is high on
that axis:

  motor themes                  high centrality, high density (upper right)
  niche themes                  low centrality, high density (upper left)
  emerging or declining themes  low centrality, low density (lower left)
  basic themes                  high centrality, low density (lower right)

Writes, beside the co-word network's files (see citegraph coword --help):

  thematic_map.csv   theme (cluster), label (its keyword of most
                     occurrences), quadrant, centrality, density, their
                     ranks, keywords, occurrences, documents (records using
                     one of its keywords), core_documents (two or more),
                     top_keywords
  thematic_map.dot   the diagram for Graphviz, themes pinned at their place
                     (neato -n2 -Tsvg, or neato -Tsvg)
  thematic_map.svg   the diagram as a picture, circles sized by documents

With --slices Y1,Y2,… (or --slice-years N) it traces the thematic evolution
instead: a thematic map per time slice (thematic_map_FROM-TO.csv and .svg)
and the links between the themes U and V of consecutive slices that share
keywords, with Cobo et al.'s inclusion index |U ∩ V| / min(|U|, |V|) and
stability index |U ∩ V| / |U ∪ V|:

  thematic_evolution.csv   from_slice, from_theme, from_label, to_slice,
                           to_theme, to_label, shared (keywords), inclusion,
                           stability, from_weight and to_weight (the shared
                           keywords' occurrences in either slice), keywords
  thematic_evolution.html  the evolution as a Sankey diagram (offline, no
                           script): a column per slice, themes as tall as
                           their occurrences and coloured by quadrant

Keywords are the same across slices when their keys are (folded, stemmed
as the flags say).

The co-word network:
`

const thematicExamples = `
Examples:
  citegraph thematic savedrecs.txt
  citegraph thematic --level author_keywords --min-occurrences 5 scopus.csv
  citegraph thematic --slices 2005,2012,2019 --min-occurrences 3 savedrecs.txt
  citegraph thematic --terms --ngrams 2 --slice-years 5 savedrecs.txt
`

func runThematic(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	in, nf, c, what, err := startNetworkCommand("thematic", analysis.CowordKind, analysis.KeywordLevel,
		thematicUsage+networkOutputs+thematicExamples, cowordFlags, args, stdin, stdout, stderr)
	if err != nil {
		return err
	}
	periods, err := nf.periods(c)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	svg := func(name string, d *export.StrategicDiagram) export.File {
		return export.File{Name: name, Write: d.WriteSVG}
	}
	if periods == nil {
		r, err := analysis.BuildNetwork(c, nf.opts)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		nf.summary(stdout, r)
		m := analysis.NewThematicMap(r)
		writeThemes(stdout, m)
		files := append(nf.files(r),
			analysis.TableFile("thematic_map.csv", m.Table()),
			analysis.DOTFile("thematic_map.dot", m.DOT()),
			svg("thematic_map.svg", m.Diagram("Thematic map of the "+strings.ReplaceAll(r.Options.Level, "_", " "))))
		return in.write(stdout, files...)
	}
	e, err := analysis.NewEvolution(c, periods, nf.opts)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	var files []export.File
	for p, m := range e.Maps {
		nf.summary(stdout, m.Network)
		writeThemes(stdout, m)
		name := "thematic_map_" + periods[p].String()
		files = append(files, analysis.TableFile(name+".csv", m.Table()),
			svg(name+".svg", m.Diagram("Thematic map of the "+strings.ReplaceAll(nf.opts.Level, "_", " ")+", "+periods[p].String())))
	}
	fmt.Fprintf(stdout, "thematic evolution: %d links between the themes of consecutive slices\n", len(e.Links))
	sankey := e.Sankey("Thematic evolution: " + nf.opts.Level + ", " + strconv.Itoa(len(periods)) + " slices")
	files = append(files, analysis.TableFile("thematic_evolution.csv", e.Table()),
		export.File{Name: "thematic_evolution.html", Write: sankey.WriteHTML})
	return in.write(stdout, files...)
}

// writeThemes lists a thematic map's themes by quadrant on stdout.
func writeThemes(w io.Writer, m *analysis.ThematicMap) {
	for _, q := range []string{analysis.MotorThemes, analysis.BasicThemes, analysis.NicheThemes, analysis.EmergingThemes} {
		var names []string
		for _, t := range m.Themes {
			if t.Quadrant == q {
				names = append(names, t.Name)
			}
		}
		if len(names) > 0 {
			fmt.Fprintf(w, "  %s themes: %s\n", q, strings.Join(names, "; "))
		}
	}
}
