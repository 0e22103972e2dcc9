package refparse

import (
	"math"
	"math/bits"
	"sync"
	"sync/atomic"
)

// A linear-chain conditional random field that labels the tokens of a
// reference with its fields (author, title, container-title, year, volume,
// issue, pages, publisher, location, DOI, URL, …), in the manner of
// AnyStyle and GROBID's citation model. It is trained by
// `citegraph train-parser` (package train: train/crf_train.go) on the
// labelled references under testdata/refparse, and the trained model (the
// average of three, train/crf_average.go) ships in the binary
// (crf_model.go). refparse_crf.go turns the labelled tokens into a Work.
//
// Score of a tagging y of tokens x (the tags are the labels with other
// split by the field before it, crf_tags.go):
//
//	Σ_t [ start(y_0) if t = 0 ] + trans(y_{t-1}, y_t) + Σ_f w(f, label(y_t)) + [ end(y_T) ]
//
// over the features f of token t (crf_features.go); the tagging with the
// highest score is found by Viterbi decoding, and its labels returned.

// CRFWeights are the parameters of a model: what training finds and the
// model file holds (crf_model.go).
type CRFWeights struct {
	Trans      [CRFNumTags * CRFNumTags]float32 // [prev*T+cur]; only allowed pairs are read
	Start, End [CRFNumTags]float32

	// The feature table: the features' hashes in increasing order (row r
	// is Hashes[r]) and their weights. Reading a model fills it from start
	// to end, in less memory than a hash table: a fresh process pays for
	// every page it first touches.
	Hashes []uint64
	RowOff []uint32 // row r has the weights RowLab/RowW[RowOff[r]:RowOff[r+1]]
	RowLab []uint8
	RowW   []float32
}

// CRFModel is a trained model ready to label: its weights and the tables
// built from them (NewCRFModel).
type CRFModel struct {
	CRFWeights

	// For decoding: the best transition from each tag p into a field
	// other than p itself; the transition of each field to itself, to
	// its own other, and of its other to itself (index: the field).
	fromBest                         [CRFNumTags]float32
	selfField, fieldOther, selfOther [CRFNumLabels]float32

	// The feature table as labelling reads it: each row in one run of
	// rows, its hash (two words, low first), the set of its labels (a bit
	// each) and their weights (float32 bits) in label order, so that a
	// feature found costs one or two cache lines, not one in each of
	// Hashes, RowOff, RowLab and RowW. dir[t] is where the rows whose
	// hash's top bits are t or more begin.
	rows  []uint32
	dir   []uint32
	shift uint // 64 − log₂(len(dir) − 1)

	// Dense tables of the state features: [value*L+label]; the states
	// labelling reads (the others folded into them, crfStateFolds).
	dense  [crfNumStates][]float32
	states []int

	bos, eos *crfWordVec
	cache    crfCache
}

// crfWordVec is what a token key adds to the scores: its word features
// to its own token, its context features to the tokens around it.
type crfWordVec struct {
	key  string
	info crfKeyInfo
	low  uint64 // crfLowHash of the key, for the word pairs
	self [CRFNumLabels]float32
	ctx  [len(crfCtxOffsets)][CRFNumLabels]float32
}

// lookup returns where the row of a feature begins in m.rows, or -1.
func (m *CRFModel) lookup(h uint64) int {
	if len(m.rows) == 0 {
		return -1
	}
	return m.scan(int(m.dir[h>>m.shift]), h)
}

// scan returns where the row of feature h begins in m.rows, looking from
// r, the first row of h's bucket in the directory, or -1.
func (m *CRFModel) scan(r int, h uint64) int {
	end := m.dir[h>>m.shift+1]
	rows := m.rows[:end]
	for r+2 < len(rows) {
		if k := uint64(rows[r]) | uint64(rows[r+1])<<32; k >= h {
			if k == h {
				return r
			}
			break
		}
		r += 3 + bits.OnesCount32(rows[r+2])
	}
	return -1
}

// addRow adds the weights of a feature to v.
func (m *CRFModel) addRow(h uint64, v *[CRFNumLabels]float32) {
	if r := m.lookup(h); r >= 0 {
		m.addWeights(r, v)
	}
}

// addWeights adds the weights of the row that begins at r in m.rows to v.
func (m *CRFModel) addWeights(r int, v *[CRFNumLabels]float32) {
	set := m.rows[r+2]
	w := m.rows[r+3 : r+3+bits.OnesCount32(set)]
	for k := range w {
		v[bits.TrailingZeros32(set)] += math.Float32frombits(w[k])
		set &= set - 1
	}
}

// NewCRFModel builds a model from its weights: the index of the feature
// rows and the dense state tables.
func NewCRFModel(w CRFWeights) *CRFModel {
	m := &CRFModel{CRFWeights: w}
	m.index(&w)
	m.setFrom()
	for t := 0; t < crfNumStates; t++ {
		d := make([]float32, crfStateDomain[t]*CRFNumLabels)
		for v := 0; v < crfStateDomain[t]; v++ {
			var row [CRFNumLabels]float32
			m.addRow(crfStateFeat(t, v), &row)
			copy(d[v*CRFNumLabels:], row[:])
		}
		m.dense[t] = d
	}
	folded := [crfNumStates]bool{}
	for _, f := range crfStateFolds {
		into, small := m.dense[f.into], m.dense[f.small]
		for v := 0; v < crfStateDomain[f.into]; v++ {
			row := into[v*CRFNumLabels : (v+1)*CRFNumLabels]
			for y, w := range small[f.of(v)*CRFNumLabels : (f.of(v)+1)*CRFNumLabels] {
				row[y] += w
			}
		}
		folded[f.small] = true
	}
	for t := range crfNumStates {
		if !folded[t] {
			m.states = append(m.states, t)
		}
	}
	m.bos = m.computeVec(crfKeyBOS)
	m.eos = m.computeVec(crfKeyEOS)
	return m
}

// index lays out the rows of w for labelling (m.rows) and builds their
// directory: about one row for each value of the hashes' top bits. The
// labels of a row are distinct (one weight per feature and label).
func (m *CRFModel) index(w *CRFWeights) {
	n := len(w.Hashes)
	top := uint(1)
	for 1<<top < n {
		top++
	}
	m.shift = 64 - top
	m.dir = make([]uint32, 1<<top+1)
	m.rows = make([]uint32, 0, 3*n+len(w.RowW))
	var pos []uint32 // where each row begins
	if n > 0 {
		pos = make([]uint32, n+1)
	}
	for r, h := range w.Hashes {
		pos[r] = uint32(len(m.rows))
		var set uint32
		var row [CRFNumLabels]float32
		for k := w.RowOff[r]; k < w.RowOff[r+1]; k++ {
			set |= 1 << w.RowLab[k]
			row[w.RowLab[k]] = w.RowW[k]
		}
		m.rows = append(m.rows, uint32(h), uint32(h>>32), set)
		for y := range row {
			if set&(1<<y) != 0 {
				m.rows = append(m.rows, math.Float32bits(row[y]))
			}
		}
	}
	if n > 0 {
		pos[n] = uint32(len(m.rows))
	}
	r := 0
	for t := range m.dir {
		for r < n && w.Hashes[r]>>m.shift < uint64(t) {
			r++
		}
		if n > 0 {
			m.dir[t] = pos[r]
		}
	}
}

// setFrom fills m.fromBest from m.trans.
func (m *CRFModel) setFrom() {
	for p := range m.fromBest {
		best := float32(math.Inf(-1))
		for y, w := range m.fromFields(p) {
			if y > 0 && y != p {
				best = max(best, w)
			}
		}
		m.fromBest[p] = best
	}
	for x := 1; x < CRFNumLabels; x++ {
		o := int(CRFOwnOther[x])
		m.selfField[x] = m.Trans[x*CRFNumTags+x]
		m.fieldOther[x] = m.Trans[x*CRFNumTags+o]
		m.selfOther[x] = m.Trans[o*CRFNumTags+o]
	}
}

// fromFields returns the transitions from tag p into the labels' own tags
// (other before any field, then the fields): the first CRFNumLabels of
// its row.
func (m *CRFModel) fromFields(p int) *[CRFNumLabels]float32 {
	return (*[CRFNumLabels]float32)(m.Trans[p*CRFNumTags:])
}

// computeVec sums the weights of a key's word and context features.
func (m *CRFModel) computeVec(key string) *crfWordVec {
	v := &crfWordVec{key: key, info: crfInfoOf(key), low: crfLowHash(key)}
	crfWordFeatures(key, func(h uint64) { m.addRow(h, &v.self) })
	for oi := range crfCtxOffsets {
		crfCtxFeatures(key, oi, func(h uint64) { m.addRow(h, &v.ctx[oi]) })
	}
	return v
}

// crfCacheSlots bounds the keys whose sums are remembered.
const crfCacheSlots = 1 << 15

// crfCache remembers the sums of the most common keys: a fixed table of
// atomic pointers, filled first come first served, safe for concurrent use
// without locks.
type crfCache struct {
	slots [crfCacheSlots]atomic.Pointer[crfWordVec]
}

// vec returns the sums of a key.
func (m *CRFModel) vec(key []byte) *crfWordVec {
	h := crfHashStr(crfHashOffset, string(key))
	for p := uint64(0); p < 4; p++ {
		slot := &m.cache.slots[(h+p)&(crfCacheSlots-1)]
		v := slot.Load()
		if v == nil {
			v = m.computeVec(string(key))
			if !slot.CompareAndSwap(nil, v) {
				if w := slot.Load(); w.key == v.key {
					return w
				}
			}
			return v
		}
		if v.key == string(key) {
			return v
		}
	}
	return m.computeVec(string(key))
}

// CRFScratch holds the buffers of one labelling.
type CRFScratch struct {
	toks   []CRFTok
	keyBuf []byte
	keyOff []int32
	infos  []crfKeyInfo
	lows   []uint64
	sent   []int16
	states [][crfNumStates]uint16
	vecs   []*crfWordVec
	hashes []uint64 // the word-context features, three a token
	found  []int32  // … their rows in the model
	emit   [][CRFNumLabels]float32
	score  [][CRFNumTags]float32
	labels []CRFLabel
}

var crfScratchPool = sync.Pool{New: func() any { return new(CRFScratch) }}

// prepare computes the keys and states of the tokens, with the sums of
// model m (nil in training).
func (sc *CRFScratch) prepare(text string, toks []CRFTok, m *CRFModel) {
	n := len(toks)
	sc.keyBuf = sc.keyBuf[:0]
	sc.keyOff = append(sc.keyOff[:0], 0)
	sc.infos = sc.infos[:0]
	sc.vecs = sc.vecs[:0]
	sc.lows = sc.lows[:0]
	var kb [64]byte
	for i := range toks {
		k := crfWordKey(text[toks[i].Start:toks[i].End], kb[:0])
		sc.keyBuf = append(sc.keyBuf, k...)
		sc.keyOff = append(sc.keyOff, int32(len(sc.keyBuf)))
		if m != nil {
			v := m.vec(k)
			sc.vecs = append(sc.vecs, v)
			sc.infos = append(sc.infos, v.info)
			sc.lows = append(sc.lows, v.low)
		} else {
			sc.infos = append(sc.infos, crfInfoOf(string(k)))
			sc.lows = append(sc.lows, crfLowHash(string(k)))
		}
	}
	if cap(sc.states) < n {
		sc.states = make([][crfNumStates]uint16, n, n+n/2)
		sc.sent = make([]int16, n, n+n/2)
	}
	sc.states = sc.states[:n]
	sc.sent = sc.sent[:n]
	crfStates(text, toks, sc.infos, sc.sent, sc.states)
}

// wordContextFeats returns the features of token i's word in its
// context: with the word before it, with the word after it, and with the
// index of its sentence.
func (sc *CRFScratch) wordContextFeats(i int) [3]uint64 {
	return [3]uint64{sc.pairFeat(i, -1), sc.pairFeat(i, 1), crfWordSentFeat(sc.lows[i], int(sc.sent[i]))}
}

// pairFeat returns the feature of the word pair token i forms with the
// token before it (side −1) or after it (side 1).
func (sc *CRFScratch) pairFeat(i, side int) uint64 {
	a, b := crfLowBOS, sc.lows[i]
	if side < 0 {
		if i > 0 {
			a = sc.lows[i-1]
		}
	} else {
		a, b = b, crfLowEOS
		if i+1 < len(sc.lows) {
			b = sc.lows[i+1]
		}
	}
	return crfPairFeat(side, a, b)
}

func (sc *CRFScratch) key(i int) []byte { return sc.keyBuf[sc.keyOff[i]:sc.keyOff[i+1]] }

// label labels the tokens of text and returns the labels (in scratch
// memory).
func (m *CRFModel) Label(text string, toks []CRFTok, sc *CRFScratch) []CRFLabel {
	n := len(toks)
	if n == 0 {
		return sc.labels[:0]
	}
	sc.prepare(text, toks, m)
	if cap(sc.emit) < n {
		sc.emit = make([][CRFNumLabels]float32, n, n+n/2)
		sc.score = make([][CRFNumTags]float32, n, n+n/2)
	}
	emit := sc.emit[:n]
	m.findWordContext(sc, n)
	for i := 0; i < n; i++ {
		e := &emit[i]
		*e = sc.vecs[i].self
		for oi, o := range crfCtxOffsets {
			// Token i sees the token at i+o.
			j := i + o
			var v *crfWordVec
			switch {
			case j < 0:
				v = m.bos
			case j >= n:
				v = m.eos
			default:
				v = sc.vecs[j]
			}
			c := &v.ctx[oi]
			for y := range e {
				e[y] += c[y]
			}
		}
		for _, r := range sc.found[3*i : 3*i+3] {
			if r >= 0 {
				m.addWeights(int(r), e)
			}
		}
		st := &sc.states[i]
		for _, t := range m.states {
			d := m.dense[t][int(st[t])*CRFNumLabels:]
			d = d[:CRFNumLabels]
			for y := range e {
				e[y] += d[y]
			}
		}
	}
	return m.decode(emit, sc)
}

// findWordContext finds the rows of the tokens' word-context features
// (sc.found: three a token, -1 for none). They are looked up in passes
// over all the tokens, each pass's loads independent of each other, so
// that the processor waits for many cache misses at once: the directory
// entries, then the rows' hashes.
func (m *CRFModel) findWordContext(sc *CRFScratch, n int) {
	sc.hashes = sc.hashes[:0]
	for i := 0; i < n; i++ {
		f := sc.wordContextFeats(i)
		sc.hashes = append(sc.hashes, f[0], f[1], f[2])
	}
	if cap(sc.found) < len(sc.hashes) {
		sc.found = make([]int32, len(sc.hashes), 2*len(sc.hashes))
	}
	found := sc.found[:len(sc.hashes)]
	if len(m.rows) == 0 {
		for k := range found {
			found[k] = -1
		}
		return
	}
	for k, h := range sc.hashes {
		found[k] = int32(m.dir[h>>m.shift])
	}
	for k, h := range sc.hashes {
		found[k] = int32(m.scan(int(found[k]), h))
	}
}

// decode returns the labels of the best tagging (in scratch memory),
// given each token's score for each label.
func (m *CRFModel) decode(emit [][CRFNumLabels]float32, sc *CRFScratch) []CRFLabel {
	n := len(emit)
	if cap(sc.score) < n {
		sc.score = make([][CRFNumTags]float32, n, n+n/2)
	}
	score := sc.score[:n]
	// Viterbi over the tags: a field from any tag, an other tag from
	// itself or the field it is the other of. Only the best scores are
	// kept on the way forward; the path is found back from them.
	inf := float32(math.Inf(-1))
	for y := 0; y < CRFNumTags; y++ {
		score[0][y] = inf
		if y < CRFNumLabels {
			score[0][y] = m.Start[y] + emit[0][y]
		}
	}
	for i := 1; i < n; i++ {
		prev, cur, e := &score[i-1], &score[i], &emit[i]
		m.bestIntoFields(cur, prev)
		for y := 1; y < CRFNumLabels; y++ {
			cur[y] += e[y]
		}
		cur[0] = prev[0] + m.Trans[0] + e[CRFOther]
		// The other tags: tag CRFNumLabels−1+x is the other after field x.
		prevOther := (*[CRFNumLabels - 1]float32)(prev[CRFNumLabels:])
		curOther := (*[CRFNumLabels - 1]float32)(cur[CRFNumLabels:])
		for k := range curOther {
			x := k + 1
			curOther[k] = max(prevOther[k]+m.selfOther[x], prev[x]+m.fieldOther[x]) + e[CRFOther]
		}
	}
	arg := 0
	for y := 1; y < CRFNumTags; y++ {
		if score[n-1][y]+m.End[y] > score[n-1][arg]+m.End[arg] {
			arg = y
		}
	}
	if cap(sc.labels) < n {
		sc.labels = make([]CRFLabel, n, n+n/2)
	}
	labels := sc.labels[:n]
	for i := n - 1; i >= 0; i-- {
		labels[i] = CRFTagLabel[arg]
		if i > 0 {
			arg = m.bestFrom(&score[i-1], arg)
		}
	}
	return labels
}

// bestIntoFields writes to cur the best score of each field from the
// scores of the tags before it and the transitions from them. Most tags
// score too far below the best to be any field's best predecessor but
// their own: once the best tag's scores are in, a tag whose score and best
// transition to another field reach none of them is passed over (about 31
// of 33 on the development split), and the transition of each field to
// itself, the largest, is tried on its own. The scores are those of the
// full search, to the bit: float addition is monotonic.
func (m *CRFModel) bestIntoFields(cur, prev *[CRFNumTags]float32) {
	top := 0
	for p, s := range prev {
		if s > prev[top] {
			top = p
		}
	}
	best := (*[CRFNumLabels]float32)(cur[:CRFNumLabels])
	low := float32(math.Inf(1))
	for y, w := range m.fromFields(top) {
		best[y] = prev[top] + w
		if y > 0 {
			low = min(low, best[y])
		}
	}
	for p, s := range prev {
		if p == top || s+m.fromBest[p] <= low {
			continue
		}
		for y, w := range m.fromFields(p) {
			if t := s + w; t > best[y] {
				best[y] = t
			}
		}
	}
	for y := 1; y < CRFNumLabels; y++ {
		if t := prev[y] + m.selfField[y]; t > best[y] {
			best[y] = t
		}
	}
}

// bestFrom returns the tag before tag y on the best path: of y's
// predecessors (every tag for a field; for an other tag, itself and the
// field it is the other of), the first whose score and transition reach
// the best.
func (m *CRFModel) bestFrom(prev *[CRFNumTags]float32, y int) int {
	const T = CRFNumTags
	if CRFTagLabel[y] == CRFOther {
		if y == 0 {
			return 0
		}
		x := y - (CRFNumLabels - 1)
		if prev[y]+m.Trans[y*T+y] > prev[x]+m.Trans[x*T+y] {
			return y
		}
		return x
	}
	arg := 0
	for p := 1; p < T; p++ {
		if prev[p]+m.Trans[p*T+y] > prev[arg]+m.Trans[arg*T+y] {
			arg = p
		}
	}
	return arg
}
