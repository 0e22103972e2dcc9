package train

import (
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/bib/refparse"
)

// Scoring the reference CRF: token-level precision, recall and F1 of each
// field against the normalised gold labels (crf_data.go), and their micro
// average over the scored fields (crfScoredLabels). Tokens are counted
// twice: all of them, and the words alone (tokens with a letter or digit),
// which is the stricter figure since the marks between fields are easy.

// crfCounts are the true positives, false positives and false negatives
// of each label.
type crfCounts struct {
	tp, fp, fn [refparse.CRFNumLabels]int
	refs, toks int
	exact      int // references labelled without a mistake on a scored field
}

func (c *crfCounts) add(gold, pred refparse.CRFLabel) {
	if gold == pred {
		c.tp[gold]++
		return
	}
	c.fp[pred]++
	c.fn[gold]++
}

func crfF1(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// micro returns the micro-averaged precision, recall and F1 over the
// scored fields.
func (c *crfCounts) micro() (p, r, f float64) {
	tp, fp, fn := 0, 0, 0
	for _, l := range crfScoredLabels {
		tp += c.tp[l]
		fp += c.fp[l]
		fn += c.fn[l]
	}
	return crfF1(tp, fp, fn)
}

// crfScore labels the examples with m and counts, over all tokens and over
// words.
func crfScore(m *refparse.CRFModel, examples []crfExample) (all, words crfCounts) {
	eachAll, eachWords := crfScoreEach(m, examples)
	return crfSumWhere(eachAll, nil), crfSumWhere(eachWords, nil)
}

// crfScoreEach labels each example once and counts, over all tokens and
// over words, example by example: groups of examples that overlap are
// then summed without labelling an example twice.
func crfScoreEach(m *refparse.CRFModel, examples []crfExample) (all, words []crfCounts) {
	sc := new(refparse.CRFScratch)
	return crfScoreEachWith(examples, func(e *crfExample) []refparse.CRFLabel { return m.LabelReference(e.text, e.toks, sc) })
}

// crfScoreEachWith is crfScoreEach with the labels given by label.
func crfScoreEachWith(examples []crfExample, label func(e *crfExample) []refparse.CRFLabel) (all, words []crfCounts) {
	all = make([]crfCounts, len(examples))
	words = make([]crfCounts, len(examples))
	for k := range examples {
		e := &examples[k]
		a, w := &all[k], &words[k]
		pred := label(e)
		a.refs, w.refs = 1, 1
		exact := true
		for i := range e.toks {
			g, p := e.labels[i], pred[i]
			a.add(g, p)
			a.toks++
			if crfIsScored(g) || crfIsScored(p) {
				if g != p {
					exact = false
				}
			}
			if !refparse.CRFIsMark(refparse.CRFTokText(e.text, e.toks, i)) {
				w.add(g, p)
				w.toks++
			}
		}
		if exact {
			a.exact, w.exact = 1, 1
		}
	}
	return all, words
}

// plus adds the counts of o to c.
func (c *crfCounts) plus(o *crfCounts) {
	for l := range c.tp {
		c.tp[l] += o.tp[l]
		c.fp[l] += o.fp[l]
		c.fn[l] += o.fn[l]
	}
	c.refs += o.refs
	c.toks += o.toks
	c.exact += o.exact
}

func crfIsScored(l refparse.CRFLabel) bool {
	for _, s := range crfScoredLabels {
		if s == l {
			return true
		}
	}
	return false
}

// write prints the table of a count.
func (c *crfCounts) write(w io.Writer, title string) {
	fmt.Fprintf(w, "%s: %d references, %d tokens, %.1f%% of references without a mistake\n", title, c.refs, c.toks,
		100*float64(c.exact)/float64(max(c.refs, 1)))
	fmt.Fprintf(w, "  %-16s %9s %9s %9s %7s\n", "field", "precision", "recall", "F1", "tokens")
	for _, l := range crfScoredLabels {
		p, r, f := crfF1(c.tp[l], c.fp[l], c.fn[l])
		fmt.Fprintf(w, "  %-16s %9.4f %9.4f %9.4f %7d\n", l, p, r, f, c.tp[l]+c.fn[l])
	}
	p, r, f := c.micro()
	fmt.Fprintf(w, "  %-16s %9.4f %9.4f %9.4f\n", "micro average", p, r, f)
	var other []string
	for l := refparse.CRFLabel(0); l < refparse.CRFLabelCount; l++ {
		if crfIsScored(l) || c.tp[l]+c.fn[l] == 0 {
			continue
		}
		_, _, f := crfF1(c.tp[l], c.fp[l], c.fn[l])
		other = append(other, fmt.Sprintf("%s %.3f", l, f))
	}
	fmt.Fprintf(w, "  (not scored: %s)\n", strings.Join(other, ", "))
}
