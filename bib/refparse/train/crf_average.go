package train

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	"github.com/citegraph/citegraph/bib/refparse"
)

// crfAverage returns the weights that are the mean of the models'
// (a feature a model lacks weighs 0 in it), kept to the grid of
// CRFWeightStep with the weights under crfMinWeight dropped, as a trained
// model's are. The score of a labelling is linear in the weights, so the
// mean model scores every labelling with the mean of the models' scores
// (up to that rounding): an ensemble that labels as fast as one model.
// Models trained with different objectives make different mistakes, and
// the mean makes fewer (model soups: Wortsman et al., ICML 2022,
// arXiv:2203.05482).
func crfAverage(models ...*refparse.CRFWeights) refparse.CRFWeights {
	out := refparse.CRFWeights{RowOff: []uint32{0}}
	k := float32(len(models))
	rows := map[uint64]*[refparse.CRFNumLabels]float32{}
	for _, m := range models {
		for i, w := range m.Trans {
			out.Trans[i] += w / k
		}
		for y := range m.Start {
			out.Start[y] += m.Start[y] / k
			out.End[y] += m.End[y] / k
		}
		for r, h := range m.Hashes {
			row := rows[h]
			if row == nil {
				row = new([refparse.CRFNumLabels]float32)
				rows[h] = row
			}
			for j := m.RowOff[r]; j < m.RowOff[r+1]; j++ {
				row[m.RowLab[j]] += m.RowW[j] / k
			}
		}
	}
	for _, h := range slices.Sorted(maps.Keys(rows)) {
		for y, w := range rows[h] {
			crfAddWeight(&out, uint8(y), float64(w))
		}
		crfEndRow(&out, h)
	}
	return out
}

// AverageRefParserModels returns the average (crfAverage) of reference
// parser models in the form TrainRefParser writes them: the built-in
// ensemble's members may be trained one by one (train-parser --margin …)
// and averaged after, with the same bytes as TrainRefParser's
// (TestCRFAverageOfFiles).
func AverageRefParserModels(models ...[]byte) ([]byte, error) {
	read := make([]*refparse.CRFWeights, len(models))
	for k, b := range models {
		m, err := refparse.ReadCRFModel(b)
		if err != nil {
			return nil, fmt.Errorf("model %d: %w", k+1, err)
		}
		read[k] = &m.CRFWeights
	}
	avg := crfAverage(read...)
	var buf bytes.Buffer
	if err := refparse.WriteCRFModel(&buf, &avg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
