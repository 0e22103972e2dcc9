package resolve

import (
	"cmp"
	"hash/maphash"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"
)

// Words misread by OCR or run together in a PDF's text ("Paleontolgy",
// "Joournal", "Journalof", "ChemicalSociety", "Chem ical") are found in no
// other description, so they count for nothing when two texts are compared
// and cannot bring two descriptions into one block. The corpus itself is
// the dictionary that mends them: a word used by one description only is
// read as the word two or more descriptions use that it is one edit away
// from, or that it makes with its neighbour, or as the two words it runs
// together. A word other descriptions share is never changed, so the words
// that tell two works apart stay as they are.

// minCorrected is the length of the shortest word corrected by one edit.
const minCorrected = 4

// corrector reads misspelt words as the corpus's words.
type corrector struct {
	t     *tokens
	df    []int32 // document frequencies before any correction
	seed  maphash.Seed
	edits []wordVariant // the dictionary's words and their deletions, by hash
	// dir[p] is the index in edits of the first variant whose hash begins
	// with the dirBits bits p.
	dir     []int32
	dirBits int
	// present has the bit h&presentMask of each hash h of edits set: most
	// hashes looked up are of no variant, and the bits, a few megabytes,
	// say so without a read of the directory and the variants.
	present     []uint64
	presentMask uint64
}

// wordVariant is a word of the dictionary, or it with letters deleted,
// under the hash of its OCR skeleton (ocrSkeleton; corrector.variants).
type wordVariant struct {
	hash uint64
	word int32
}

// newCorrector indexes the dictionary: the words of two descriptions or
// more.
func newCorrector(t *tokens) *corrector {
	c := &corrector{t: t, df: slices.Clone(t.df), seed: maphash.MakeSeed()}
	// The variants of each dictionary word, sorted, on every core; then
	// the workers' runs merged. A worker takes every workers-th word, not
	// a range: the words with variants, used twice or more, are mostly
	// the first interned.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(c.df)/10000))
	parts := make([][]wordVariant, workers)
	inDictionary := func(id int) bool {
		s := t.strs[id]
		return c.df[id] >= 2 && len(s) >= minCorrected && isASCIILetters(s)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Room for the variants at once (407,000 on 500 generated
			// reviews; appends copied them five times over).
			room := 0
			for id := w; id < len(c.df); id += workers {
				if inDictionary(id) {
					room += maxVariants(len(t.strs[id]))
				}
			}
			parts[w] = make([]wordVariant, 0, room)
			var buf []byte
			for id := w; id < len(c.df); id += workers {
				if !inDictionary(id) {
					continue
				}
				s := t.strs[id]
				buf = ocrSkeleton(buf[:0], s)
				c.variants(buf, 0, 2, func(h uint64) { parts[w] = append(parts[w], wordVariant{h, int32(id)}) })
			}
			slices.SortFunc(parts[w], compareVariants)
		})
	}
	wg.Wait()
	c.edits = mergeVariants(parts)
	// The directory: the hashes are uniform, so about one variant begins
	// with each prefix of dirBits bits.
	c.dirBits = max(1, bits.Len(uint(len(c.edits))))
	c.dir = make([]int32, 1<<c.dirBits+1)
	p := 0
	for i, v := range c.edits {
		for ; p <= int(v.hash>>(64-c.dirBits)); p++ {
			c.dir[p] = int32(i)
		}
	}
	for ; p < len(c.dir); p++ {
		c.dir[p] = int32(len(c.edits))
	}
	// Eight bits a variant: one hash in eight of no variant finds its bit set.
	size := uint64(64)
	for size < 8*uint64(len(c.edits)) {
		size *= 2
	}
	c.present, c.presentMask = make([]uint64, size/64), size-1
	for _, v := range c.edits {
		b := v.hash & c.presentMask
		c.present[b/64] |= 1 << (b % 64)
	}
	return c
}

// compareVariants orders variants by hash, then word.
func compareVariants(a, b wordVariant) int {
	if a.hash != b.hash {
		return cmp.Compare(a.hash, b.hash)
	}
	return cmp.Compare(a.word, b.word)
}

// mergeVariants merges runs of variants, each sorted (compareVariants),
// into one sorted slice.
func mergeVariants(runs [][]wordVariant) []wordVariant {
	if len(runs) == 0 {
		return nil
	}
	for len(runs) > 1 {
		var merged [][]wordVariant
		for i := 0; i+1 < len(runs); i += 2 {
			a, b := runs[i], runs[i+1]
			out := make([]wordVariant, 0, len(a)+len(b))
			for len(a) > 0 && len(b) > 0 {
				if compareVariants(b[0], a[0]) < 0 {
					out, b = append(out, b[0]), b[1:]
				} else {
					out, a = append(out, a[0]), a[1:]
				}
			}
			merged = append(merged, append(append(out, a...), b...))
		}
		if len(runs)%2 == 1 {
			merged = append(merged, runs[len(runs)-1])
		}
		runs = merged
	}
	return runs[0]
}

// variantsOf returns the dictionary's variants with hash h, in word order.
func (c *corrector) variantsOf(h uint64) []wordVariant {
	if b := h & c.presentMask; c.present[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	p := h >> (64 - c.dirBits)
	vs := c.edits[c.dir[p]:c.dir[p+1]]
	i := 0
	for i < len(vs) && vs[i].hash < h {
		i++
	}
	j := i
	for j < len(vs) && vs[j].hash == h {
		j++
	}
	return vs[i:j]
}

// wordEdits is how many edits apart a word of n letters may be from the
// dictionary word it is read as.
func wordEdits(n int) int {
	if n < 8 {
		return 1
	}
	return 2
}

// maxVariants is the most variants a dictionary word of n letters has: its
// skeleton has n letters or fewer.
func maxVariants(n int) int {
	if wordEdits(n) < 2 {
		return 1 + n
	}
	return 1 + n + n*(n-1)/2
}

// variants calls f with the hash of sk and of sk with each one, and for a
// long word each two, of its letters deleted: two words within k edits
// share a variant (the symmetric deletion of Garbe's SymSpell). Only the
// variants of shallow to deep deletions are given.
func (c *corrector) variants(sk []byte, shallow, deep int, f func(uint64)) {
	n := len(sk)
	var arr [64]byte
	// hash hashes sk without its letters i and j (n for none), written
	// out first: one call of maphash.Bytes costs less than three writes
	// to a maphash.Hash, and gives the same hash.
	hash := func(i, j int) uint64 {
		b := append(arr[:0], sk[:min(i, n)]...)
		if i < n {
			b = append(b, sk[i+1:min(j, n)]...)
		}
		if j < n {
			b = append(b, sk[j+1:]...)
		}
		return maphash.Bytes(c.seed, b)
	}
	deep = min(deep, wordEdits(n))
	if shallow == 0 {
		f(hash(n, n))
	}
	for i := range n {
		if shallow <= 1 && deep >= 1 {
			f(hash(i, n))
		}
		if deep < 2 {
			continue
		}
		for j := i + 1; j < n; j++ {
			f(hash(i, j))
		}
	}
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// ocrSkeleton appends to dst the word with the look-alikes of two letters
// read as the one letter they look like ("rn" as "m", "vv" as "w", "cl" as
// "d"), so that they are one edit apart, not two.
func ocrSkeleton(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if i+1 < len(s) {
			switch s[i : i+2] {
			case "rn":
				dst = append(dst, 'm')
				i++
				continue
			case "vv":
				dst = append(dst, 'w')
				i++
				continue
			case "cl":
				dst = append(dst, 'd')
				i++
				continue
			}
		}
		dst = append(dst, s[i])
	}
	return dst
}

// known reports whether s is a word of the dictionary, and its id.
func (c *corrector) known(s string) (int32, bool) {
	id, ok := c.t.ids[s]
	return id, ok && c.df[id] >= 2
}

// correct appends to dst the words of seq (word ids in the order of the
// text) with each word no other description uses mended, and returns it.
func (c *corrector) correct(dst, seq []int32) []int32 {
	var buf []byte
	var joinedRoom [32]byte
	joined := joinedRoom[:0]
	for k := 0; k < len(seq); k++ {
		x := seq[k]
		if k+1 < len(seq) && (c.df[x] == 1 || c.df[seq[k+1]] == 1) {
			// "Chem ical": a word split in two.
			joined = append(append(joined[:0], c.t.strs[x]...), c.t.strs[seq[k+1]]...)
			if id, ok := c.known(string(joined)); ok {
				dst = append(dst, id)
				k++
				continue
			}
		}
		if c.df[x] != 1 {
			dst = append(dst, x)
			continue
		}
		s := c.t.strs[x]
		if id, ok := c.nearest(s, &buf); ok {
			dst = append(dst, id)
			continue
		}
		if l, r, ok := c.split(s); ok {
			dst = append(dst, l...)
			dst = append(dst, r...)
			continue
		}
		dst = append(dst, x)
	}
	return dst
}

// nearest finds the dictionary word a few edits from s (wordEdits, in
// their OCR skeletons) that most descriptions use, the first in the
// dictionary on a tie.
func (c *corrector) nearest(s string, buf *[]byte) (int32, bool) {
	if len(s) < minCorrected || !isASCIILetters(s) {
		return 0, false
	}
	*buf = ocrSkeleton((*buf)[:0], s)
	sk := *buf
	best, found := int32(0), false
	var otherRoom [32]byte
	other := otherRoom[:0]
	consider := func(h uint64) {
		for _, v := range c.variantsOf(h) {
			id := v.word
			if found && (c.df[id] < c.df[best] || c.df[id] == c.df[best] && id > best) {
				continue
			}
			other = ocrSkeleton(other[:0], c.t.strs[id])
			if string(other) == string(sk) || oneEdit(string(other), string(sk)) ||
				wordEdits(min(len(other), len(sk))) >= 2 && levenshtein.ComputeDistance(string(other), string(sk)) <= 2 {
				best, found = id, true
			}
		}
	}
	// Most misspellings are one edit: the deletions of two letters are
	// tried only when no word is found one edit away.
	c.variants(sk, 0, 1, consider)
	if !found {
		c.variants(sk, 2, 2, consider)
	}
	return best, found
}

// split reads s as two words run together: each a dictionary word or a
// stop word (left out of the result), one at least a dictionary word of
// three letters or more. Of several readings it takes the one whose
// shorter part is longest.
func (c *corrector) split(s string) (left, right []int32, ok bool) {
	if len(s) < 5 {
		return nil, nil, false
	}
	bestShort := 0
	part := func(p string) ([]int32, bool) {
		if matchStopWords[p] {
			return nil, true
		}
		if id, known := c.known(p); known {
			return []int32{id}, true
		}
		return nil, false
	}
	for i := 2; i <= len(s)-2; i++ {
		a, b := s[:i], s[i:]
		if short := min(len(a), len(b)); short <= bestShort {
			continue
		}
		l, okL := part(a)
		r, okR := part(b)
		if okL && okR && (len(l) > 0 && len(a) >= 3 || len(r) > 0 && len(b) >= 3) {
			left, right, ok = l, r, true
			bestShort = min(len(a), len(b))
		}
	}
	return left, right, ok
}

// correctSource mends the words of a source title (sourceWords) as
// correct mends a text's, and reports whether any changed. Words that are
// no token of any text (single letters, stop words) stay as they are.
func (c *corrector) correctSource(words []string) ([]string, bool) {
	var out []string
	changed := false
	var seq, fixed []int32
	flush := func() {
		fixed = c.correct(fixed[:0], seq)
		if !slices.Equal(fixed, seq) {
			changed = true
		}
		for _, id := range fixed {
			out = append(out, c.t.strs[id])
		}
		seq = seq[:0]
	}
	for _, w := range words {
		if id, ok := c.t.ids[w]; ok && c.df[id] > 0 {
			seq = append(seq, id)
			continue
		}
		flush()
		out = append(out, w)
	}
	flush()
	return out, changed
}

// sourceKey is the form under which a source's words are interned.
func sourceKey(words []string) string { return "\x00" + strings.Join(words, " ") }
