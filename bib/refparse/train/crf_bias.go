package train

import (
	"fmt"
	"io"

	"github.com/citegraph/citegraph/bib/refparse"
)

// The bias of "other". Training maximises the likelihood of the gold
// labels, not the F1 of the fields: a word the model is unsure of goes to
// the field it finds likeliest, where a wrong field costs precision and no
// field (other) costs only recall. After training, crfOtherBias is added
// to every token's score for other (through the start and transition
// weights, so labelling costs nothing more): one decision threshold
// between a field and none. It is chosen, like the L2 penalty, on the
// development split (citegraph train-parser --dev --tune-bias). One
// threshold and not one per label: biases searched per label on one half
// of the development split raised its F1 by 0.0034 to 0.0052 and moved
// the other half's by −0.0017 to +0.0015, where the bias of other alone,
// +0.75, raised both halves (by 0.0013 and 0.0028). With the word-pair
// features and the small weights dropped, the development split scores
// 0.9411 with no bias, 0.9433 to 0.9437 from +0.75 to +1.25, 0.9370 at +2;
// with the renderings in six styles (crf_styles.go) 0.9442 at +1.0 and
// 0.9434 to 0.9445 from +0.5 to +1.5; with every record rendered, 0.9445
// at +1.0 and 0.9442 to 0.9450 from +0.5 to +1.5. With other split by the
// field before it (refparse/crf_tags.go), 0.9480 at +0.25, 0.9469 to
// 0.9473 at 0, +0.5 and +0.75, 0.9462 at +1.0, 0.9305 at +2.0: the
// transitions now carry part of what the bias did.
const crfOtherBias = 0.25

// crfAddBias adds b to the score of label l at every token: to every tag
// of l (refparse/crf_tags.go).
func crfAddBias(m *refparse.CRFWeights, l refparse.CRFLabel, b float32) {
	for y := 0; y < refparse.CRFNumTags; y++ {
		if refparse.CRFTagLabel[y] != l {
			continue
		}
		m.Start[y] += b
		for p := 0; p < refparse.CRFNumTags; p++ {
			m.Trans[p*refparse.CRFNumTags+y] += b
		}
	}
}

// crfWordsF1 is the micro F1 over words of m on the examples.
func crfWordsF1(m *refparse.CRFModel, examples []crfExample) float64 {
	_, words := crfScore(m, examples)
	_, _, f := words.micro()
	return f
}

// crfTuneBias tries biases of other from −1.5 to +1.5 in steps of 0.25 on
// top of m's own weights, writes the micro F1 over words of each to log
// (if not nil), and returns the best bias (the smallest of equals) and its
// F1.
func crfTuneBias(m *refparse.CRFModel, examples []crfExample, log io.Writer) (best float32, bestF1 float64) {
	bestF1 = -1
	for b := float32(-1.5); b <= 1.5; b += 0.25 {
		w := m.CRFWeights
		crfAddBias(&w, refparse.CRFOther, b)
		f := crfWordsF1(refparse.NewCRFModel(w), examples)
		if log != nil {
			fmt.Fprintf(log, "  other %+.2f: micro F1 %.4f\n", b, f)
		}
		if f > bestF1 {
			best, bestF1 = b, f
		}
	}
	return best, bestF1
}
