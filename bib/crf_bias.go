package bib

import (
	"fmt"
	"io"
)

// Label biases. Training maximises the likelihood of the gold labels, not
// the F1 of the fields; a token the model is unsure of goes to the field
// it finds likeliest, where a wrong field costs precision and "no field"
// (other) costs nothing. After training, crfLabelBias adds a constant to
// every token's score for a label (through the start and transition
// weights, so labelling costs nothing more): a decision threshold per
// label. The biases are chosen, like the L2 penalty, on the development
// split, by coordinate ascent on the micro F1 over words
// (citegraph train-parser --dev --tune-bias).
var crfLabelBias = [crfNumLabels]float32{}

// addBias adds b to the score of label y at every token.
func (m *crfModel) addBias(y crfLabel, b float32) {
	m.start[y] += b
	for p := 0; p < crfNumLabels; p++ {
		m.trans[p*crfNumLabels+int(y)] += b
	}
}

// crfWordsF1 is the micro F1 over words of m on the examples.
func crfWordsF1(m *crfModel, examples []crfExample) float64 {
	_, words := crfScore(m, examples)
	_, _, f := words.micro()
	return f
}

// crfTuneBias searches, by coordinate ascent from m's own weights, the
// biases that raise the micro F1 over words of m on the examples; m ends
// with them added. It returns the biases and the F1 before and after.
func crfTuneBias(m *crfModel, examples []crfExample, log io.Writer) (bias [crfNumLabels]float32, before, after float64) {
	before = crfWordsF1(m, examples)
	after = before
	for round := 0; round < 2; round++ {
		improved := false
		for y := crfLabel(0); y < crfLabelCount; y++ {
			for _, step := range []float32{0.5, -0.5, 0.25, -0.25} {
				m.addBias(y, step)
				// A gain under 0.0001 is a handful of words: noise.
				if f := crfWordsF1(m, examples); f > after+0.0001 {
					bias[y] += step
					after = f
					improved = true
					if log != nil {
						fmt.Fprintf(log, "  %-16s %+.2f: micro F1 %.4f\n", y, bias[y], f)
					}
				} else {
					m.addBias(y, -step)
				}
			}
		}
		if !improved {
			break
		}
	}
	return bias, before, after
}

// TuneRefParserBias searches label biases for a model (nil: the embedded
// one) on the development split of the labelled data under dataDir, and
// writes to w the biases to add to crfLabelBias (the model should be one
// trained without the development split: train-parser --dev).
func TuneRefParserBias(w io.Writer, dataDir string, model []byte) error {
	if model == nil {
		model = crfEmbeddedModel
	}
	m, err := crfReadModel(model)
	if err != nil {
		return err
	}
	d, err := crfLoadDataset(dataDir)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Label biases, by coordinate ascent on the development split:")
	bias, before, after := crfTuneBias(m, crfSelect(d.real, crfSplitDev, nil), w)
	fmt.Fprintf(w, "micro F1 over words %.4f -> %.4f; add to crfLabelBias:", before, after)
	for y, b := range bias {
		if b != 0 {
			fmt.Fprintf(w, " %s %+.2f", crfLabel(y), b)
		}
	}
	fmt.Fprintln(w)
	return nil
}
