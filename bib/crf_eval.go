package bib

import (
	"fmt"
	"io"
	"strings"
)

// Scoring the reference CRF: token-level precision, recall and F1 of each
// field against the normalised gold labels (crf_data.go), and their micro
// average over the scored fields (crfScoredLabels). Tokens are counted
// twice: all of them, and the words alone (tokens with a letter or digit),
// which is the stricter figure since the marks between fields are easy.

// crfCounts are the true positives, false positives and false negatives
// of each label.
type crfCounts struct {
	tp, fp, fn [crfNumLabels]int
	refs, toks int
	exact      int // references labelled without a mistake on a scored field
}

func (c *crfCounts) add(gold, pred crfLabel) {
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
func crfScore(m *crfModel, examples []crfExample) (all, words crfCounts) {
	sc := crfScratchPool.Get().(*crfScratch)
	defer crfScratchPool.Put(sc)
	for k := range examples {
		e := &examples[k]
		pred := m.label(e.text, e.toks, sc)
		all.refs++
		words.refs++
		exact := true
		for i := range e.toks {
			g, p := e.labels[i], pred[i]
			all.add(g, p)
			all.toks++
			if crfIsScored(g) || crfIsScored(p) {
				if g != p {
					exact = false
				}
			}
			if !crfIsMark(crfTokText(e.text, e.toks, i)) {
				words.add(g, p)
				words.toks++
			}
		}
		if exact {
			all.exact++
			words.exact++
		}
	}
	return all, words
}

func crfIsScored(l crfLabel) bool {
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
	for l := crfLabel(0); l < crfLabelCount; l++ {
		if crfIsScored(l) || c.tp[l]+c.fn[l] == 0 {
			continue
		}
		_, _, f := crfF1(c.tp[l], c.fp[l], c.fn[l])
		other = append(other, fmt.Sprintf("%s %.3f", l, f))
	}
	fmt.Fprintf(w, "  (not scored: %s)\n", strings.Join(other, ", "))
}
