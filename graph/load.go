package graph

import (
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/citegraph/citegraph/bib"
)

// ErrNotUTF8 is wrapped by the *bib.ParseError of an edge-list line whose
// ids hold bytes that are not UTF-8.
var ErrNotUTF8 = errors.New("bytes that are not UTF-8")

// LoadEdgeList reads an edge list, a citation per line, "citing cited": ids
// separated by white space, "#" at the start of a line or after the two ids
// starting a comment (ids may hold "#"), blank lines ignored, LF,
// CRLF or CR line ends, an optional UTF-8 byte-order mark. It returns the
// ids, numbered densely in order of first appearance, and the graph over
// them (duplicate lines merged, self-loops kept, as NewDirected does).
//
// A line that is not a pair, or an id that is not UTF-8, is an error: a
// *bib.ParseError naming the line (and the file, when r has a Name method
// like *os.File). EdgeListLoader reads several inputs into one graph and
// can skip such lines instead.
//
// It is meant for graphs of tens of millions of edges: the input is parsed
// in place in large blocks without a string per line, each id is copied once
// (when first seen) into shared blocks, and the CSR is built in O(n + E)
// with about 12 bytes per edge at the peak.
func LoadEdgeList(r io.Reader) (ids []string, g *Directed, err error) {
	name := "edge list"
	if f, ok := r.(interface{ Name() string }); ok {
		name = f.Name()
	}
	var l EdgeListLoader
	if err := l.Read(r, name); err != nil {
		return nil, nil, err
	}
	ids, g = l.Graph()
	return ids, g, nil
}

// EdgeListLoader reads one or more edge lists (see LoadEdgeList) into one
// graph: an id names the same node in every input. The zero value is ready
// to use; call Read for each input, then Graph once.
type EdgeListLoader struct {
	// OnError, when set, makes reading lenient: a line that is not a
	// "citing cited" pair is passed to it (the error wraps bib.ErrSyntax)
	// and skipped, and a line whose ids hold bytes that are not UTF-8 is
	// passed to it (wrapping ErrNotUTF8) and read with U+FFFD in their
	// place. When nil, either is returned as an error by Read.
	OnError func(*bib.ParseError)

	index *idTable
	names []string
	arena []byte // the current block of id bytes; names point into it

	dst  [][]int32 // cited node of every edge, in input order, in blocks
	runs []run     // citing node of every edge: runs of equal citing nodes

	lastKey string // the citing id of the last edge and its node, to skip
	lastID  int32  // the lookup for consecutive lines of one citing work

	batch []pending // pairs parsed but not yet interned
	sink  uint32    // keeps the loads of flush

	file string
	line int
}

// pending is a parsed pair: its ids (offsets in the data being parsed),
// their hash tags, and its line.
type pending struct {
	a, aEnd, b, bEnd int
	aTag, bTag       uint32 // aTag 0: the citing id is the previous pair's
	line             int
}

// batchSize is how many pairs are hashed together before they are looked
// up, so that the table's cache misses overlap.
const batchSize = 256

// run is a stretch of consecutive edges with one citing node.
type run struct {
	from int32
	n    uint32
}

const (
	edgeBlock  = 1 << 20 // edges per block of dst
	arenaBlock = 1 << 16 // bytes per block of id text
)

// readBlock is how many bytes Read reads at a time, and parallelMinEdges
// the size from which the CSR is built in parallel (variables for tests).
var (
	readBlock        = 1 << 20
	parallelMinEdges = int64(1 << 16)
)

// Byte classes of the edge-list scanner.
const (
	cID    = iota // part of an id
	cSpace        // ASCII white space other than line ends
	cLF
	cCR
	cHash
	cHigh // ≥ 0x80: part of an id unless it starts a Unicode space
)

var byteClass = func() (t [256]uint8) {
	for b := 0x80; b < 256; b++ {
		t[b] = cHigh
	}
	for _, b := range []byte{' ', '\t', '\v', '\f'} {
		t[b] = cSpace
	}
	t['\n'], t['\r'], t['#'] = cLF, cCR, cHash
	return t
}()

// Read reads one edge list; file names it in errors. It returns the first
// malformed line as a *bib.ParseError unless OnError is set, and read
// errors of r as they come (wrapped with the file name).
func (l *EdgeListLoader) Read(r io.Reader, file string) error {
	if l.index == nil {
		l.index = newIDTable()
		l.lastID = -1
		l.batch = make([]pending, 0, batchSize)
	}
	l.file, l.line = file, 0
	buf := make([]byte, readBlock)
	have := 0 // bytes of buf holding input not yet parsed
	first := true
	for {
		if have == len(buf) { // one line fills the buffer: grow it
			buf = append(buf, make([]byte, len(buf))...)[:2*len(buf)]
		}
		n, rerr := io.ReadFull(r, buf[have:])
		have += n
		eof := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
		if rerr != nil && !eof {
			return fmt.Errorf("%s: %w", file, rerr)
		}
		data := buf[:have]
		if first {
			if have < 3 && !eof {
				continue // a byte-order mark may be cut
			}
			first = false
			if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
				data = data[3:]
				copy(buf, data)
				have -= 3
				data = buf[:have]
			}
		}
		// Parse the complete lines; keep the last partial one (and a CR
		// at the very end, whose LF may follow) for the next round.
		end := len(data)
		if !eof {
			end = lastLineEnd(data)
		}
		if err := l.parse(data[:end]); err != nil {
			return err
		}
		have = copy(buf, data[end:])
		if eof {
			return nil
		}
	}
}

// lastLineEnd returns the length of the prefix of data made of complete
// lines: up to its last LF, or its last CR when that is not the final byte.
func lastLineEnd(data []byte) int {
	for i := len(data) - 1; i >= 0; i-- {
		switch data[i] {
		case '\n':
			return i + 1
		case '\r':
			if i < len(data)-1 {
				return i + 1
			}
		}
	}
	return 0
}

// parse reads the lines of data, which ends at a line end or at the end of
// the input.
func (l *EdgeListLoader) parse(data []byte) error {
	i, n := 0, len(data)
	for i < n {
		l.line++
		var tok [4]int // start and end of the two ids
		fields := 0
	line:
		for i < n {
			c := byteClass[data[i]]
			if c == cHash && fields == 1 {
				c = cID // the cited id may begin with "#"
			}
			switch c {
			case cSpace:
				i++
			case cLF:
				i++
				break line
			case cCR:
				i++
				if i < n && data[i] == '\n' {
					i++
				}
				break line
			case cHash:
				for i < n && data[i] != '\n' && data[i] != '\r' {
					i++
				}
			case cHigh:
				if r, size := utf8.DecodeRune(data[i:]); unicode.IsSpace(r) {
					i += size
					continue
				}
				fallthrough
			default:
				start := i
				i = idEnd(data, i)
				if fields < 2 {
					tok[2*fields], tok[2*fields+1] = start, i
				}
				fields++
			}
		}
		if fields == 0 {
			continue
		}
		if fields != 2 {
			// Earlier lines first: their ids may hold errors too.
			if err := l.flush(data); err != nil {
				return err
			}
			if err := l.fail(fmt.Errorf("%w: want \"citing cited\", got %d fields", bib.ErrSyntax, fields)); err != nil {
				return err
			}
			continue
		}
		l.batch = append(l.batch, pending{a: tok[0], aEnd: tok[1], b: tok[2], bEnd: tok[3], line: l.line})
		if len(l.batch) == batchSize {
			if err := l.flush(data); err != nil {
				return err
			}
		}
	}
	return l.flush(data)
}

// flush interns the ids of the batch of pairs parsed from data and records
// their edges: first every id is hashed and the slot its lookup starts at
// is loaded (independent loads, which the processor overlaps), then the
// lookups run in order, mostly from cache.
func (l *EdgeListLoader) flush(data []byte) error {
	if len(l.batch) == 0 {
		return nil
	}
	line := l.line
	t := l.index
	for i := range l.batch {
		p := &l.batch[i]
		a := data[p.a:p.aEnd]
		p.aTag = 0
		if i == 0 && string(a) != l.lastKey || i > 0 && string(a) != string(data[l.batch[i-1].a:l.batch[i-1].aEnd]) {
			p.aTag = t.hash(a)
		}
		p.bTag = t.hash(data[p.b:p.bEnd])
	}
	var sink uint32
	for i := range l.batch {
		p := &l.batch[i]
		sink += t.touch(p.aTag) + t.touch(p.bTag)
	}
	l.sink += sink
	for _, p := range l.batch {
		l.line = p.line
		u := l.lastID
		if p.aTag != 0 {
			var err error
			if u, err = l.intern(data[p.a:p.aEnd], p.aTag); err != nil {
				return err
			}
			l.lastKey, l.lastID = l.names[u], u
		}
		v, err := l.intern(data[p.b:p.bEnd], p.bTag)
		if err != nil {
			return err
		}
		l.add(u, v)
	}
	l.batch = l.batch[:0]
	l.line = line
	return nil
}

// idEnd returns the end of the id starting at data[i].
func idEnd(data []byte, i int) int {
	for i < len(data) {
		switch byteClass[data[i]] {
		case cID, cHash:
			i++
		case cHigh:
			r, size := utf8.DecodeRune(data[i:])
			if unicode.IsSpace(r) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

// fail reports a problem on the current line: returned when reading is
// strict, passed to OnError (and nil returned) when lenient.
func (l *EdgeListLoader) fail(err error) error {
	pe := &bib.ParseError{File: l.file, Line: l.line, Err: err}
	if l.OnError == nil {
		return pe
	}
	l.OnError(pe)
	return nil
}

// add records the edge u → v.
func (l *EdgeListLoader) add(u, v int32) {
	if k := len(l.runs) - 1; k >= 0 && l.runs[k].from == u && l.runs[k].n < math.MaxUint32 {
		l.runs[k].n++
	} else {
		l.runs = append(l.runs, run{u, 1})
	}
	k := len(l.dst) - 1
	if k < 0 || len(l.dst[k]) == cap(l.dst[k]) {
		l.dst = append(l.dst, make([]int32, 0, edgeBlock))
		k++
	}
	l.dst[k] = append(l.dst[k], v)
}

// intern returns the node of id (whose hash tag is tag), adding it if new.
func (l *EdgeListLoader) intern(id []byte, tag uint32) (int32, error) {
	v, slot, ok := l.index.find(id, tag, l.names)
	if ok {
		return v, nil
	}
	if !utf8.Valid(id) {
		if err := l.fail(fmt.Errorf("%w (give the file's encoding with --encoding)", ErrNotUTF8)); err != nil {
			return 0, err
		}
		id = []byte(strings.ToValidUTF8(string(id), "\uFFFD"))
		tag = l.index.hash(id)
		if v, slot, ok = l.index.find(id, tag, l.names); ok {
			return v, nil
		}
	}
	if len(l.names) == math.MaxInt32 {
		return 0, &bib.ParseError{File: l.file, Line: l.line, Err: errors.New("more than 2³¹−1 distinct ids")}
	}
	// Copy the id into the arena: one allocation per block, not per id.
	if len(l.arena)+len(id) > cap(l.arena) {
		l.arena = make([]byte, 0, max(arenaBlock, len(id)))
	}
	at := len(l.arena)
	l.arena = append(l.arena, id...)
	key := unsafe.String(unsafe.SliceData(l.arena[at:]), len(id)) // arena bytes are never written again
	v = int32(len(l.names))
	l.names = append(l.names, key)
	l.index.insert(slot, id, tag, v)
	return v, nil
}

// Graph returns the ids read, in order of first appearance, and the graph
// of the edges read. The loader is spent afterwards.
func (l *EdgeListLoader) Graph() (ids []string, g *Directed) {
	n := len(l.names)
	ids = l.names
	// The cited side, in input order, and the citing side as runs.
	dst, runs := l.dst, l.runs
	*l = EdgeListLoader{}
	g = buildFromRuns(n, runs, dst)
	return ids, g
}

// buildFromRuns builds the CSR in O(n + E) without sorting: a counting
// sort by cited node gives the in-rows (unsorted, with duplicates); walking
// the in-rows in node order then fills the out-rows already sorted, where
// duplicates are adjacent and dropped; walking the out-rows in order fills
// the in-rows again, sorted and distinct, into the first buffer. Inputs
// listed by citing work in order of first appearance (the usual case) give
// in-rows that are sorted and distinct at once, and skip the last pass.
//
// Each pass runs on up to four workers, each owning a range of target rows
// (balanced by edges) and reading all the edges: the result does not depend
// on the number of workers.
func buildFromRuns(n int, runs []run, dst [][]int32) *Directed {
	var m int64
	for _, b := range dst {
		m += int64(len(b))
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	if m < parallelMinEdges {
		workers = 1
	}
	// 1. In-rows by counting sort on the cited node.
	inOff := make([]int64, n+1)
	countParallel(inOff, workers, len(dst), func(b int, count []int64) {
		for _, v := range dst[b] {
			count[v]++
		}
	})
	in := make([]int32, m)
	parts := split(inOff, workers)
	parallel(workers, func(w int) {
		lo, hi := parts[w], parts[w+1]
		next := slices.Clone(inOff[lo:hi])
		blk, pos := 0, 0
		for _, r := range runs {
			for k := uint32(0); k < r.n; k++ {
				if pos == len(dst[blk]) {
					blk, pos = blk+1, 0
				}
				v := dst[blk][pos]
				pos++
				if i := v - lo; uint32(i) < uint32(hi-lo) {
					in[next[i]] = r.from
					next[i]++
				}
			}
		}
	})
	// The in-rows are sorted and distinct when every row increases.
	unsorted := make([]bool, workers)
	parallel(workers, func(w int) {
		for v := parts[w]; v < parts[w+1] && !unsorted[w]; v++ {
			row := in[inOff[v]:inOff[v+1]]
			for k := 1; k < len(row); k++ {
				if row[k] <= row[k-1] {
					unsorted[w] = true
					break
				}
			}
		}
	})
	sorted := !slices.Contains(unsorted, true)
	// 2. Out-rows from the in-rows in cited order: sorted; drop repeats.
	outOff := make([]int64, n+1)
	for _, r := range runs {
		outOff[r.from+1] += int64(r.n)
	}
	prefix(outOff)
	runs, dst = nil, nil
	out := make([]int32, m)
	scatterRows(workers, inOff, in, outOff, out)
	if sorted {
		return &Directed{outOff: outOff, out: out, inOff: inOff, in: in}
	}
	w := int64(0)
	for u := 0; u < n; u++ {
		lo, hi := outOff[u], outOff[u+1]
		outOff[u] = w
		for e := lo; e < hi; e++ {
			if e == lo || out[e] != out[e-1] {
				out[w] = out[e]
				w++
			}
		}
	}
	outOff[n] = w
	out = out[:w:w]
	// 3. In-rows again from the out-rows in citing order: sorted, distinct.
	clear(inOff)
	countParallel(inOff, workers, workers, func(b int, count []int64) {
		for _, v := range out[int64(b)*w/int64(workers) : int64(b+1)*w/int64(workers)] {
			count[v]++
		}
	})
	in = in[:w:w]
	scatterRows(workers, outOff, out, inOff, in)
	return &Directed{outOff: outOff, out: out, inOff: inOff, in: in}
}

// countParallel sets off[x+1] to the counts that count adds up over the
// chunks 0..chunks-1, the chunks split over the workers (each with its own
// counters), and turns them into offsets.
func countParallel(off []int64, workers, chunks int, count func(chunk int, counts []int64)) {
	n := len(off) - 1
	counts := make([][]int64, workers)
	counts[0] = off[1:]
	parallel(workers, func(w int) {
		if w > 0 {
			counts[w] = make([]int64, n)
		}
		for c := w; c < chunks; c += workers {
			count(c, counts[w])
		}
	})
	for _, c := range counts[1:] {
		for x, k := range c {
			off[x+1] += k
		}
	}
	prefix(off)
}

// scatterRows fills the CSR (dstOff, dst) with x in row y for every y in
// row x of (srcOff, src), x in increasing order, so that every row of dst
// comes out sorted. Each worker owns a range of dst rows.
func scatterRows(workers int, srcOff []int64, src []int32, dstOff []int64, dst []int32) {
	parts := split(dstOff, workers)
	n := len(srcOff) - 1
	parallel(workers, func(w int) {
		lo, hi := parts[w], parts[w+1]
		next := slices.Clone(dstOff[lo:hi])
		for x := 0; x < n; x++ {
			for _, y := range src[srcOff[x]:srcOff[x+1]] {
				if i := y - lo; uint32(i) < uint32(hi-lo) {
					dst[next[i]] = int32(x)
					next[i]++
				}
			}
		}
	})
}

// split cuts the rows of a CSR with offsets off into k ranges of about
// equal edge counts: range w is rows parts[w]..parts[w+1]-1.
func split(off []int64, k int) []int32 {
	n := len(off) - 1
	parts := make([]int32, k+1)
	for w := 1; w < k; w++ {
		target := off[n] * int64(w) / int64(k)
		parts[w] = int32(sort.Search(n, func(x int) bool { return off[x] >= target }))
	}
	parts[k] = int32(n)
	return parts
}

// parallel runs f(0..k-1) on k goroutines and waits for them.
func parallel(k int, f func(w int)) {
	if k == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	for w := range k {
		wg.Go(func() { f(w) })
	}
	wg.Wait()
}

// prefix turns counts off[i+1] into offsets.
func prefix(off []int64) {
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
}
