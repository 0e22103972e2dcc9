package resolve

import (
	"math"
	"runtime"
	"slices"
	"strconv"
)

// Blocking: instead of comparing every description with every other, each
// gets a few cheap keys, and only descriptions sharing a key are compared.
// The keys are the DOI, an input id, the first author's family with the
// year (and the year after, so that a year apart still meet) or, without
// a year, with the first page, the volume
// with the first page, the source's initials with the year or the first
// page, the source's rarest words with the year, and the rarest words of
// the text (those of the title
// or the source that few other descriptions use). A key so common that its
// block would be large says little and is dropped; the other keys still
// bring true pairs together.

// Block key kinds, in the top byte of a key.
const (
	keyDOI = iota + 1
	keyID
	keyAuthorYear
	keyLocator
	keySource
	keyWord
	keyNearAuthor
	keyYearNumber
	keyAuthorPage
	keySourceWord
)

// Largest blocks compared in full, by kind.
const (
	maxBlock     = 400
	maxWordBlock = 60
	rareWords    = 3 // rarest words a description is blocked under
)

// hashKey is the key of a kind for parts: the FNV-1a hash of hash/fnv's
// New64a of each part and a zero byte after it, written out so that the
// twenty keys or so of each description allocate nothing.
func hashKey(kind byte, parts ...string) uint64 {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= prime64
		}
		h *= prime64 // the zero byte
	}
	return uint64(kind)<<56 | h&(1<<56-1)
}

// blockKeys returns a profile's blocking keys.
func (m *matcher) blockKeys(p *profile, dst []uint64) []uint64 {
	dst = dst[:0]
	if p.doi != "" {
		dst = append(dst, hashKey(keyDOI, p.doi))
	}
	if p.id != "" {
		dst = append(dst, hashKey(keyID, p.id))
	}
	var y0, y1 string // the year and the next, written once for the keys below
	if p.year != 0 {
		y0, y1 = strconv.Itoa(p.year), strconv.Itoa(p.year+1)
		for _, f := range p.fams[:min(len(p.fams), 4)] {
			dst = append(dst, hashKey(keyAuthorYear, f, y0), hashKey(keyAuthorYear, f, y1))
		}
	}
	// The first author's family, or the text's first word, misspelt: the
	// name and the name without each of its letters (in its OCR
	// skeleton), with the year, so that two spellings one edit apart
	// share a key; without a year, with the first page. A name of three
	// letters ("Hou", "Kim") has only its own key: without a letter it
	// would be many names.
	when := y0
	if p.year == 0 && p.page != "" {
		when = "p" + p.page
	}
	if when != "" {
		var names [3]string
		n := copy(names[:], p.fams[:min(len(p.fams), 2)])
		if p.lead != "" && !slices.Contains(names[:n], p.lead) {
			names[n] = p.lead
			n++
		}
		var skRoom, delRoom [32]byte
		sk, del := skRoom[:0], delRoom[:0]
		for _, f := range names[:n] {
			if len(f) < 3 || !isASCIILetters(f) {
				continue
			}
			sk = ocrSkeleton(sk[:0], f)
			dst = append(dst, hashKey(keyNearAuthor, string(sk), when))
			if len(f) < 4 {
				continue
			}
			for i := range sk {
				del = append(append(del[:0], sk[:i]...), sk[i+1:]...)
				dst = append(dst, hashKey(keyNearAuthor, string(del), when))
			}
		}
	}
	if p.vol != "" && p.page != "" {
		dst = append(dst, hashKey(keyLocator, p.vol, p.page))
	}
	// The first author's family with the first page: a chapter without a
	// date ("(n.d.)") has no year to block its author under.
	if p.page != "" && p.year == 0 {
		for _, f := range p.fams[:min(len(p.fams), 2)] {
			dst = append(dst, hashKey(keyAuthorPage, f, p.page))
		}
	}
	// Source and year, or source and page: what a reference without author
	// or title ("Bridging the Soft Skills Gap 2015, 69–138") has in common
	// with the full forms of its work.
	for _, k := range p.srcKeys[:min(len(p.srcKeys), 2)] {
		if p.year != 0 {
			dst = append(dst, hashKey(keySource, k, y0), hashKey(keySource, k, y1))
		}
		if p.page != "" {
			dst = append(dst, hashKey(keySource, k, "p"+p.page))
		}
	}
	// The source's rarest words of three letters or more (not a section's
	// letter, "B" of "Part B") that some other description has, each
	// with the year: noise that runs a source's words together or
	// misspells some ("Journalof the KyusshuDental Society") changes its
	// initials, not the words it leaves whole ("society", "dental" of
	// "The Journal of the Kyushu Dental Society").
	var rare [rareWords]int32
	if p.year != 0 {
		var room [16]int32
		ids := room[:0]
		for _, form := range p.src {
			for _, w := range form {
				if id, ok := m.tok.ids[w]; ok && len(w) >= 3 && len(ids) < cap(ids) {
					ids = append(ids, id)
				}
			}
		}
		slices.Sort(ids)
		for _, w := range m.rarest(slices.Compact(ids), rare[:0], -1, math.MaxInt32) {
			dst = append(dst, hashKey(keySourceWord, m.tok.strs[w], y0))
		}
	}
	// The rarest words that some other description shares.
	for _, w := range m.rarest(p.words, rare[:0], -1, maxWordBlock) {
		dst = append(dst, uint64(keyWord)<<56|uint64(uint32(w)))
	}
	// The year with the text's rarest numbers of three digits or more (a
	// page) but the year itself: what survives when noise has misspelt
	// the names and the parser has lost the fields. A volume with the
	// year would gather a journal's whole volume.
	if p.year != 0 {
		year := int32(-1)
		if id, ok := m.tok.nums[y0]; ok {
			year = id
		}
		for _, x := range m.rarest(p.nums, rare[:0], year, maxWordBlock) {
			if s := m.tok.strs[x]; len(s) >= 3 {
				dst = append(dst, hashKey(keyYearNumber, y0, s), hashKey(keyYearNumber, y1, s))
			}
		}
	}
	return dst
}

// rarest appends to dst the ids of a set (up to cap(dst)) that the
// fewest descriptions but this one use, leaving out skip and any in more
// than most descriptions.
func (m *matcher) rarest(ids []int32, dst []int32, skip, most int32) []int32 {
	df := m.tok.df
	for _, w := range ids {
		d := df[w]
		if d < 2 || d > most || w == skip {
			continue
		}
		if len(dst) < cap(dst) {
			dst = append(dst, w)
			continue
		}
		worst := 0
		for k := 1; k < len(dst); k++ {
			if df[dst[k]] > df[dst[worst]] {
				worst = k
			}
		}
		if d < df[dst[worst]] {
			dst[worst] = w
		}
	}
	return dst
}

// turnedDown returns the test of the pairs that compare turns down before
// reading their descriptions, so that they are never made: two records
// (resolved among themselves), two ids, or else two DOIs, that differ.
// Most pairs of references that give DOIs are such (1.6 million of 3.0 million
// on 500 generated reviews citing 800 works each).
func (m *matcher) turnedDown() func(i, j int32) bool {
	// The ids and DOIs by their hashes: two hashes that differ are two
	// strings that differ.
	ids, dois := make([]uint64, len(m.nodes)), make([]uint64, len(m.nodes))
	parallelFor(len(m.nodes), func(i int) {
		p := &m.nodes[i].p
		if p.id != "" {
			ids[i] = hashKey(keyID, p.id)
		}
		if p.doi != "" {
			dois[i] = hashKey(keyDOI, p.doi)
		}
	})
	records := int32(m.records)
	return func(i, j int32) bool {
		switch {
		case i < records && j < records:
			return true
		case ids[i] != 0 && ids[j] != 0:
			return ids[i] != ids[j]
		default:
			return dois[i] != 0 && dois[j] != 0 && dois[i] != dois[j]
		}
	}
}

// candidates returns the pairs (i < j) of profiles that share a block.
func (m *matcher) candidates() [][2]int32 {
	n := len(m.nodes)
	keys, keyAt := m.allBlockKeys()
	block, members, at := groupKeys(keys, keyAt)
	blocks := func(b int32) []int32 { return members[at[b]:at[b+1]] }
	apart := m.turnedDown()
	// Two passes over the blocks, the first counting the pairs, so that
	// the pairs (tens of millions on large inputs) are made at their size
	// rather than grown by copies. Each pass runs on every core, a worker
	// to a range of nodes with its own stamps, and each worker's pairs go
	// where the pairs of its range begin: the order is that of one pass.
	each := func(lo, hi int, stamp []int32, pair func(a, b int32)) {
		for i := range stamp {
			stamp[i] = -1
		}
		for i := lo; i < hi; i++ {
			stamp[i] = int32(i) // a node twice in one block is no pair
			for x, k := range keys[keyAt[i]:keyAt[i+1]] {
				id := block[keyAt[i]+x]
				if id < 0 {
					continue // a key no other description has
				}
				b := blocks(id)
				if kind := k >> 56; kind == keyDOI || kind == keyID {
					// An exact key: joining each to the block's first is enough.
					if b[0] != int32(i) && !apart(b[0], int32(i)) {
						pair(b[0], int32(i))
					}
					continue
				}
				limit := maxBlock
				if kind := k >> 56; kind == keyWord || kind == keyYearNumber || kind == keyNearAuthor || kind == keySourceWord {
					// Keys for what noise leaves: the exact keys bring the
					// members of a large block together.
					limit = maxWordBlock
				}
				if len(b) > limit || len(b) < 2 {
					continue
				}
				// Blocks list nodes in increasing order: pair i with those after it.
				at, _ := slices.BinarySearch(b, int32(i))
				for _, j := range b[at+1:] {
					if stamp[j] != int32(i) {
						stamp[j] = int32(i)
						if !apart(int32(i), j) {
							pair(int32(i), j)
						}
					}
				}
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, n/10000))
	counts := make([]int, workers+1)
	stamps := make([][]int32, workers)
	forRanges(n, workers, func(w, lo, hi int) {
		stamps[w] = make([]int32, n)
		each(lo, hi, stamps[w], func(a, b int32) { counts[w+1]++ })
	})
	for w := range workers {
		counts[w+1] += counts[w]
	}
	pairs := make([][2]int32, counts[workers])
	forRanges(n, workers, func(w, lo, hi int) {
		at := counts[w]
		each(lo, hi, stamps[w], func(a, b int32) {
			pairs[at] = [2]int32{a, b}
			at++
		})
	})
	return pairs
}
