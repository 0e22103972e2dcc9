package metrics

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
)

// LabelTerm is a candidate cluster label with its score.
type LabelTerm struct {
	Term  string
	Score float64
}

// Terms extracts the candidate label terms of one document: the words of
// its texts (titles, abstracts), lower-cased, without stop words and words
// shorter than three letters, with the two-word phrases they form inside a
// sentence fragment, plus each keyword whole (lower-cased). Each term is
// listed once per occurrence.
func Terms(texts []string, keywords []string) []string {
	var out []string
	for _, text := range texts {
		var prev string
		for _, tok := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
		}) {
			tok = strings.Trim(tok, "-")
			if len([]rune(tok)) < 3 || stopWords[tok] || isNumber(tok) {
				prev = ""
				continue
			}
			out = append(out, tok)
			if prev != "" {
				out = append(out, prev+" "+tok)
			}
			prev = tok
		}
	}
	for _, k := range keywords {
		if k = strings.Join(strings.Fields(strings.ToLower(k)), " "); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return true
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for with from that this these those are was were been being have has had
		not but its their our your his her them they which what when where who whom whose how why than then
		into onto over under upon via about above after before between both each few more most other some such
		only own same also can could may might must shall should will would here there all any very using used
		use based study studies paper results result show shows shown new two three one within without while
		during through per non due however thus therefore further different various high higher low lower large
		small effect effects analysis approach method methods data well first second find found present report
		reported investigated investigate proposed propose obtained increase increased elsevier rights reserved
		copyright ltd inc published wiley springer iop`) {
		m[w] = true
	}
	return m
}()

// ClusterLabelsLLR ranks, for each of k clusters, the terms that best
// characterise its documents against the others by the log-likelihood
// ratio (Dunning 1993, "Accurate methods for the statistics of surprise and
// coincidence", Computational Linguistics 19(1):61–74), CiteSpace's default
// for labelling co-citation clusters from the citing articles' titles,
// keywords and abstracts. docs[i] are the terms of document i (see Terms)
// and member[i] the clusters it belongs to (a citing record belongs to every
// cluster it cites). With a documents of the cluster containing the term,
// b other documents containing it, c and d the rest,
//
//	G² = 2 Σ O ln(O/E) over the 2×2 table,
//
// counting documents, not occurrences. Only terms more frequent in the
// cluster than outside score; the top terms per cluster are returned, the
// highest first (ties by term).
func ClusterLabelsLLR(docs [][]string, member [][]int, k, top int) [][]LabelTerm {
	df, dfIn, size, n := labelCounts(docs, member, k)
	out := make([][]LabelTerm, k)
	for c := 0; c < k; c++ {
		var terms []LabelTerm
		for t, in := range dfIn[c] {
			a := float64(in)
			b := float64(df[t]) - a
			cc := float64(size[c]) - a
			d := float64(n-size[c]) - b
			if !(a/(a+cc) > b/(b+d)) {
				continue
			}
			terms = append(terms, LabelTerm{t, gSquared(a, b, cc, d)})
		}
		out[c] = topTerms(terms, top)
	}
	return out
}

// gSquared is Dunning's G² of the 2×2 table [[a, b], [c, d]].
func gSquared(a, b, c, d float64) float64 {
	n := a + b + c + d
	g := 0.0
	for _, cell := range [][3]float64{{a, a + b, a + c}, {b, a + b, b + d}, {c, c + d, a + c}, {d, c + d, b + d}} {
		o, row, col := cell[0], cell[1], cell[2]
		if o > 0 {
			g += o * math.Log(o*n/(row*col))
		}
	}
	return 2 * g
}

// ClusterLabelsTFIDF ranks, for each of k clusters, terms by tf·idf (Salton
// & Buckley 1988, doi:10.1016/0306-4573(88)90021-0) with each cluster's
// documents taken together as one text: tf is the number of the cluster's
// documents using the term (so that one long abstract repeating a word does
// not label a cluster), idf = ln(k / k_t) with k_t the number of clusters
// whose documents use the term. A term used by every cluster scores 0 and is
// left out.
func ClusterLabelsTFIDF(docs [][]string, member [][]int, k, top int) [][]LabelTerm {
	_, dfIn, _, _ := labelCounts(docs, member, k)
	kt := map[string]int{}
	for c := range dfIn {
		for t := range dfIn[c] {
			kt[t]++
		}
	}
	out := make([][]LabelTerm, k)
	for c := range dfIn {
		var terms []LabelTerm
		for t, f := range dfIn[c] {
			if s := float64(f) * math.Log(float64(k)/float64(kt[t])); s > 0 {
				terms = append(terms, LabelTerm{t, s})
			}
		}
		out[c] = topTerms(terms, top)
	}
	return out
}

// labelCounts returns the document frequency of every term overall and per
// cluster, the clusters' document counts and the number of documents.
func labelCounts(docs [][]string, member [][]int, k int) (map[string]int, []map[string]int, []int, int) {
	df := map[string]int{}
	dfIn := make([]map[string]int, k)
	for c := range dfIn {
		dfIn[c] = map[string]int{}
	}
	size := make([]int, k)
	seen := map[string]bool{}
	for i, terms := range docs {
		clear(seen)
		for _, t := range terms {
			if seen[t] {
				continue
			}
			seen[t] = true
			df[t]++
			for _, c := range member[i] {
				dfIn[c][t]++
			}
		}
		for _, c := range member[i] {
			size[c]++
		}
	}
	return df, dfIn, size, len(docs)
}

func topTerms(terms []LabelTerm, top int) []LabelTerm {
	slices.SortFunc(terms, func(x, y LabelTerm) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.Term, y.Term))
	})
	if top > 0 && len(terms) > top {
		terms = terms[:top]
	}
	return terms
}
