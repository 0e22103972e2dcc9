package train

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// crfLoadCSL reads the CSL renderings under the labelled data (crf_csl.go).
func crfLoadCSL(dataDir string) ([]crfExample, error) {
	dir := filepath.Join(dataDir, crfCSLDir)
	styles, err := crfReadCSLStyles(filepath.Join(dir, crfCSLStyles))
	if err != nil {
		return nil, err
	}
	return crfReadCSLRendered(filepath.Join(dir, crfCSLRendered), styles)
}

// crfCSLCorpus is what an example's corpus says of a CSL rendering:
// "csl/SET/ROLE/STYLE/TYPE[/fw]".
type crfCSLCorpus struct {
	group, style, typ string // group: "gbt/heldout", "western/train" …
	fullWidth         bool
}

func crfParseCSLCorpus(corpus string) (crfCSLCorpus, bool) {
	f := strings.Split(corpus, "/")
	if len(f) < 5 || f[0] != "csl" {
		return crfCSLCorpus{}, false
	}
	return crfCSLCorpus{group: f[1] + "/" + f[2], style: f[3], typ: f[4], fullWidth: len(f) > 5 && f[5] == "fw"}, true
}

// crfCSLGroupNames describe the groups of renderings.
var crfCSLGroupNames = map[string]string{
	"gbt/heldout":     "GB/T 7714 and Chinese-journal styles held out of training",
	"western/heldout": "Western styles held out of training",
	"gbt/train":       "GB/T 7714 and Chinese-journal styles trained on",
	"western/train":   "Western styles trained on",
}

// crfWriteCSLScores scores m on the CSL renderings of a split and writes,
// for each group of styles, the table per field and the micro F1 per
// document type, per style, for the records written in Chinese and with
// full-width punctuation. The groups' figures go to sc.CSL.
func crfWriteCSLScores(w io.Writer, m *refparse.CRFModel, csl []crfExample, split crfSplit, sc *RefParserScores) {
	set := crfSelect(csl, split, nil)
	_, words := crfScoreEach(m, set)
	sc.CSL = crfWriteCSLGroups(w, "Renderings by citeproc-js, ", set, words)
}

// crfWriteCSLGroups writes the tables of crfWriteCSLScores for the counts
// of the renderings in set, each title after the prefix, and returns each
// group's micro F1.
func crfWriteCSLGroups(w io.Writer, prefix string, set []crfExample, words []crfCounts) map[string]float64 {
	info := make([]crfCSLCorpus, len(set))
	groups := map[string]bool{}
	for k := range set {
		info[k], _ = crfParseCSLCorpus(set[k].corpus)
		groups[info[k].group] = true
	}
	scores := map[string]float64{}
	for _, g := range slices.Sorted(maps.Keys(groups)) {
		in := func(k int) bool { return info[k].group == g }
		total := crfSumWhere(words, in)
		_, _, scores[g] = total.micro()
		total.write(w, prefix+crfCSLGroupNames[g]+", words")
		line := func(name string, keep func(k int) bool) {
			c := crfSumWhere(words, func(k int) bool { return in(k) && keep(k) })
			if c.refs == 0 {
				return
			}
			p, r, f := c.micro()
			fmt.Fprintf(w, "  %-48s %5d: micro P %.4f R %.4f F1 %.4f\n", name, c.refs, p, r, f)
		}
		types, styles := map[string]bool{}, map[string]bool{}
		for k := range set {
			if in(k) {
				types[info[k].typ], styles[info[k].style] = true, true
			}
		}
		for _, t := range slices.Sorted(maps.Keys(types)) {
			line("type "+t, func(k int) bool { return info[k].typ == t })
		}
		for _, s := range slices.Sorted(maps.Keys(styles)) {
			line("style "+s, func(k int) bool { return info[k].style == s })
		}
		line("records written in Chinese", func(k int) bool { return bib.HasHan(set[k].text) })
		line("records written in other scripts", func(k int) bool { return !bib.HasHan(set[k].text) })
		line("full-width punctuation", func(k int) bool { return info[k].fullWidth })
		fmt.Fprintln(w)
	}
	return scores
}

// crfComparedSets are the sets the parsers are compared on: the real
// references of a split, the GB/T renderings of its records, the seed list
// and the CSL renderings by group of styles.
func crfComparedSets(d *crfDataset, split crfSplit) []crfParserSet {
	sets := []crfParserSet{
		{"real references (AnyStyle, GROBID)", crfSelect(d.real, split, nil)},
		{"GB/T 7714 renderings (hand-written patterns)", crfSelect(d.gbt, split, nil)},
		{"seed list", d.seed},
	}
	for _, g := range []string{"gbt/heldout", "western/heldout", "gbt/train", "western/train"} {
		set := crfSelect(d.csl, split, func(e *crfExample) bool {
			c, _ := crfParseCSLCorpus(e.corpus)
			return c.group == g
		})
		if len(set) > 0 {
			sets = append(sets, crfParserSet{"CSL renderings, " + g, set})
		}
	}
	return sets
}
