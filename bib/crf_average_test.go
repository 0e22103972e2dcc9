package bib

import (
	"bytes"
	"slices"
	"testing"
)

// crfHandWeights builds weights from their feature rows: hash → label →
// weight.
func crfHandWeights(trans float32, rows map[uint64]map[crfLabel]float32, hashes ...uint64) *crfWeights {
	m := &crfWeights{}
	for i := range m.trans {
		m.trans[i] = trans
	}
	m.rowOff = []uint32{0}
	for _, h := range hashes {
		for l := crfLabel(0); l < crfLabelCount; l++ {
			if w, ok := rows[h][l]; ok {
				m.rowLab = append(m.rowLab, uint8(l))
				m.rowW = append(m.rowW, w)
			}
		}
		m.rowOff = append(m.rowOff, uint32(len(m.rowLab)))
	}
	m.hashes = hashes
	return m
}

// crfRow returns the weights of feature h, and whether it has a row.
func crfRow(m *crfWeights, h uint64) (row [crfNumLabels]float32, ok bool) {
	r, ok := slices.BinarySearch(m.hashes, h)
	if !ok {
		return row, false
	}
	for k := m.rowOff[r]; k < m.rowOff[r+1]; k++ {
		row[m.rowLab[k]] += m.rowW[k]
	}
	return row, true
}

func TestCRFAverage(t *testing.T) {
	a := crfHandWeights(1, map[uint64]map[crfLabel]float32{
		10: {crfAuthor: 0.5},
		30: {crfTitle: -0.25},
	}, 10, 30)
	b := crfHandWeights(-0.5, map[uint64]map[crfLabel]float32{
		10: {crfAuthor: 0.25, crfTitle: 0.125},
		20: {crfTitle: 0.0625}, // half of it is under crfMinWeight
	}, 10, 20)
	avg := crfAverage(a, b)
	if got := avg.trans[5]; got != 0.25 {
		t.Errorf("transition %g, want 0.25", got)
	}
	want := map[uint64][crfNumLabels]float32{
		10: {crfAuthor: 0.375, crfTitle: 0.0625},
		30: {crfTitle: -0.125},
	}
	if len(avg.hashes) != len(want) {
		t.Errorf("%d features %v, want %d", len(avg.hashes), avg.hashes, len(want))
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
	m, err := crfReadModel(crfEmbeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	var one, same bytes.Buffer
	if err := crfWriteModel(&one, &m.crfWeights); err != nil {
		t.Fatal(err)
	}
	avg = crfAverage(&m.crfWeights)
	if err := crfWriteModel(&same, &avg); err != nil {
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
	var trained, read []*crfWeights
	for _, o := range []crfTrainOptions{{L2: 0.1}, {L2: 0.1, Margin: 1}, {L2: 0.2}} {
		o.Iterations, o.MinCount = 40, 1
		m, err := crfTrain(ex, o)
		if err != nil {
			t.Fatal(err)
		}
		w := m.crfWeights
		crfAddBias(&w, crfOther, crfOtherBias)
		var buf bytes.Buffer
		if err := crfWriteModel(&buf, &w); err != nil {
			t.Fatal(err)
		}
		back, err := crfReadModel(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		trained, read = append(trained, &w), append(read, &back.crfWeights)
	}
	var a, b bytes.Buffer
	avgTrained, avgRead := crfAverage(trained...), crfAverage(read...)
	if err := crfWriteModel(&a, &avgTrained); err != nil {
		t.Fatal(err)
	}
	if err := crfWriteModel(&b, &avgRead); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("averages differ: %d bytes as trained, %d as read", a.Len(), b.Len())
	}
}
