package refparse

import (
	"bufio"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// The trained reference CRF ships in the binary: crfmodel/refparse.crf,
// rebuilt from the labelled data by
//
//	go run ./cmd/citegraph train-parser
//
// or go generate ./bib/refparse. After the magic "CGREFCRF3", the feature
// schema and the label names:
//
//	transitions, start and end weights   of the tags (crf_tags.go), float32 each, little-endian
//	number of features                   uvarint
//	per feature, in increasing hash order:
//	  hash − previous hash               uvarint
//	  number of weights                  uvarint
//	  per weight: label (byte), weight / CRFWeightStep (zigzag varint)
//
// The model is read the first time a reference is labelled. It is not
// compressed: its hashes and weights are nearly random bytes, which gzip
// shrank by a sixth (2.3 to 1.9 MB) and took 35 to 50 ms to inflate, more
// than all the rest of reading it.
//
//go:embed crfmodel/refparse.crf
var CRFEmbeddedModel []byte

//go:generate go run ../../cmd/citegraph train-parser --data ../../testdata/refparse --out crfmodel/refparse.crf

const crfMagic = "CGREFCRF3"

// CRFWeightStep is the grid of the weights in the file: training rounds
// them to it (train/crf_train.go).
const CRFWeightStep = 1.0 / 4096

var crfDefault struct {
	once  sync.Once
	model *CRFModel
	err   error
}

// crfDefaultModel returns the embedded model, read once.
func crfDefaultModel() (*CRFModel, error) {
	crfDefault.once.Do(func() {
		crfDefault.model, crfDefault.err = ReadCRFModel(CRFEmbeddedModel)
	})
	return crfDefault.model, crfDefault.err
}

// checkCRFDefaultHeader says whether the embedded model's header is this
// build's (a model not retrained after the features changed is not)
// without reading its weights, which take 30 ms or more.
func checkCRFDefaultHeader() error {
	return (&crfModelReader{b: CRFEmbeddedModel}).header()
}

// crfModelPanic is the embedded model's error when its weights, read on
// the first reference the CRF labels (HybridReferenceParser), cannot be
// read: a damaged build, which parseNeverPanics does not hide.
type crfModelPanic struct{ err error }

// mustCRFDefaultModel returns the embedded model, or panics with
// crfModelPanic.
func mustCRFDefaultModel() *CRFModel {
	m, err := crfDefaultModel()
	if err != nil {
		panic(crfModelPanic{err})
	}
	return m
}

// WriteCRFModel writes a model's weights in the file format.
func WriteCRFModel(w io.Writer, m *CRFWeights) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	f32 := func(f float32) {
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(f))
		bw.Write(buf[:4])
	}
	bw.WriteString(crfMagic)
	str(crfFeatureSchema)
	uv(uint64(CRFNumLabels))
	for _, name := range crfLabelNames {
		str(name)
	}
	for _, v := range m.Trans {
		f32(v)
	}
	for _, v := range m.Start {
		f32(v)
	}
	for _, v := range m.End {
		f32(v)
	}
	uv(uint64(len(m.Hashes)))
	prev := uint64(0)
	for r, h := range m.Hashes {
		uv(h - prev)
		prev = h
		lo, hi := m.RowOff[r], m.RowOff[r+1]
		uv(uint64(hi - lo))
		for k := lo; k < hi; k++ {
			bw.WriteByte(m.RowLab[k])
			q := int64(math.Round(float64(m.RowW[k]) / CRFWeightStep))
			bw.Write(buf[:binary.PutVarint(buf[:], q)])
		}
	}
	return bw.Flush()
}

// ReadCRFModel reads a model written by WriteCRFModel.
func ReadCRFModel(data []byte) (*CRFModel, error) {
	r := &crfModelReader{b: data}
	if err := r.header(); err != nil {
		return nil, err
	}
	m := CRFWeights{}
	for i := range m.Trans {
		m.Trans[i] = r.f32()
	}
	for i := range m.Start {
		m.Start[i] = r.f32()
	}
	for i := range m.End {
		m.End[i] = r.f32()
	}
	n := int(r.uv())
	if r.err != nil || n > len(data) {
		return nil, errors.New("reference model: truncated")
	}
	m.Hashes = make([]uint64, 0, n)
	m.RowOff = make([]uint32, 1, n+1)
	m.RowLab = make([]uint8, 0, 2*n)
	m.RowW = make([]float32, 0, 2*n)
	h := uint64(0)
	for i := 0; i < n && r.err == nil; i++ {
		h += r.uv()
		m.Hashes = append(m.Hashes, h)
		k := int(r.uv())
		for j := 0; j < k && r.err == nil; j++ {
			lab := r.byte()
			if int(lab) >= CRFNumLabels {
				return nil, errors.New("reference model: bad label")
			}
			m.RowLab = append(m.RowLab, lab)
			m.RowW = append(m.RowW, float32(float64(r.varint())*CRFWeightStep))
		}
		m.RowOff = append(m.RowOff, uint32(len(m.RowLab)))
	}
	if r.err != nil {
		return nil, fmt.Errorf("reference model: %w", r.err)
	}
	if !slices.IsSorted(m.Hashes) {
		return nil, errors.New("reference model: features out of order")
	}
	return NewCRFModel(m), nil
}

// crfModelReader reads the fields of a model file, remembering the first
// error.
type crfModelReader struct {
	b   []byte
	err error
}

// header reads the magic, the feature schema and the label names, and
// says whether they are this build's.
func (r *crfModelReader) header() error {
	if magic := string(r.bytes(len(crfMagic))); magic != crfMagic {
		if strings.HasPrefix(magic, "\x1f\x8b") || strings.HasPrefix(magic, "CGREFCRF") {
			return errors.New("reference model: an older format (retrain with citegraph train-parser)")
		}
		return errors.New("reference model: not a citegraph CRF model")
	}
	if s := r.str(); s != crfFeatureSchema {
		return fmt.Errorf("reference model: feature schema %q, want %q (retrain with citegraph train-parser)", s, crfFeatureSchema)
	}
	if n := r.uv(); n != uint64(CRFNumLabels) {
		return fmt.Errorf("reference model: %d labels, want %d", n, CRFNumLabels)
	}
	for _, name := range crfLabelNames {
		if s := r.str(); s != name {
			return fmt.Errorf("reference model: label %q, want %q", s, name)
		}
	}
	return nil
}

var errCRFShort = errors.New("truncated")

func (r *crfModelReader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = errCRFShort
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *crfModelReader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *crfModelReader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCRFShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *crfModelReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errCRFShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *crfModelReader) str() string {
	n := r.uv()
	if n > 1<<16 {
		r.err = errCRFShort
		return ""
	}
	return string(r.bytes(int(n)))
}

func (r *crfModelReader) f32() float32 {
	b := r.bytes(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}
