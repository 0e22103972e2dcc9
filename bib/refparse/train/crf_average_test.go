package train

import (
	"bytes"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/bib/refparse"
)

// crfHandWeights builds weights from their feature rows: hash → label →
// weight.
func crfHandWeights(trans float32, rows map[uint64]map[refparse.CRFLabel]float32, hashes ...uint64) *refparse.CRFWeights {
	m := &refparse.CRFWeights{}
	for i := range m.Trans {
		m.Trans[i] = trans
	}
	m.RowOff = []uint32{0}
	for _, h := range hashes {
		for l := refparse.CRFLabel(0); l < refparse.CRFLabelCount; l++ {
			if w, ok := rows[h][l]; ok {
				m.RowLab = append(m.RowLab, uint8(l))
				m.RowW = append(m.RowW, w)
			}
		}
		m.RowOff = append(m.RowOff, uint32(len(m.RowLab)))
	}
	m.Hashes = hashes
	return m
}

// crfRow returns the weights of feature h, and whether it has a row.
func crfRow(m *refparse.CRFWeights, h uint64) (row [refparse.CRFNumLabels]float32, ok bool) {
	r, ok := slices.BinarySearch(m.Hashes, h)
	if !ok {
		return row, false
	}
	for k := m.RowOff[r]; k < m.RowOff[r+1]; k++ {
		row[m.RowLab[k]] += m.RowW[k]
	}
	return row, true
}

func TestCRFAverage(t *testing.T) {
	a := crfHandWeights(1, map[uint64]map[refparse.CRFLabel]float32{
		10: {refparse.CRFAuthor: 0.5},
		30: {refparse.CRFTitle: -0.25},
	}, 10, 30)
	b := crfHandWeights(-0.5, map[uint64]map[refparse.CRFLabel]float32{
		10: {refparse.CRFAuthor: 0.25, refparse.CRFTitle: 0.125},
		20: {refparse.CRFTitle: 0.0625}, // half of it is under crfMinWeight
	}, 10, 20)
	avg := crfAverage(a, b)
	if got := avg.Trans[5]; got != 0.25 {
		t.Errorf("transition %g, want 0.25", got)
	}
	want := map[uint64][refparse.CRFNumLabels]float32{
		10: {refparse.CRFAuthor: 0.375, refparse.CRFTitle: 0.0625},
		30: {refparse.CRFTitle: -0.125},
	}
	if len(avg.Hashes) != len(want) {
		t.Errorf("%d features %v, want %d", len(avg.Hashes), avg.Hashes, len(want))
	}
	for h, w := range want {
		got, ok := crfRow(&avg, h)
		if !ok {
			t.Errorf("feature %d missing", h)
		}
		if got != w {
			t.Errorf("feature %d: weights %v, want %v", h, got, w)
		}
	}

	// The average of one trained model is that model.
	m, err := refparse.ReadCRFModel(refparse.CRFEmbeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	var one, same bytes.Buffer
	if err := refparse.WriteCRFModel(&one, &m.CRFWeights); err != nil {
		t.Fatal(err)
	}
	avg = crfAverage(&m.CRFWeights)
	if err := refparse.WriteCRFModel(&same, &avg); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), same.Bytes()) {
		t.Errorf("the average of one model differs from it: %d and %d bytes", one.Len(), same.Len())
	}
}

// Models averaged as trained or as read back from their files give the
// same model, byte for byte: the ensemble can be built from models trained
// one by one.
func TestCRFAverageOfFiles(t *testing.T) {
	ex := crfToyExamples(t)
	var trained, read []*refparse.CRFWeights
	for _, o := range []crfTrainOptions{{L2: 0.1}, {L2: 0.1, Margin: 1}, {L2: 0.2}} {
		o.Iterations, o.MinCount = 40, 1
		m, err := crfTrain(ex, o)
		if err != nil {
			t.Fatal(err)
		}
		w := m.CRFWeights
		crfAddBias(&w, refparse.CRFOther, crfOtherBias)
		var buf bytes.Buffer
		if err := refparse.WriteCRFModel(&buf, &w); err != nil {
			t.Fatal(err)
		}
		back, err := refparse.ReadCRFModel(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		trained, read = append(trained, &w), append(read, &back.CRFWeights)
	}
	var a, b bytes.Buffer
	avgTrained, avgRead := crfAverage(trained...), crfAverage(read...)
	if err := refparse.WriteCRFModel(&a, &avgTrained); err != nil {
		t.Fatal(err)
	}
	if err := refparse.WriteCRFModel(&b, &avgRead); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("averages differ: %d bytes as trained, %d as read", a.Len(), b.Len())
	}
}
