package resolve

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// TestVocabularyMerge interns the seed article's references (Chinese and
// English, numbers and words shared between them) in runs of nodes merged
// in order, and checks that the tokens, their ids, each profile's words
// and numbers, the words in text order and the document frequencies are
// those of interning them one after another.
func TestVocabularyMerge(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seed/seed-references.txt")
	if err != nil {
		t.Fatal(err)
	}
	var raws []string
	for line := range strings.Lines(string(data)) {
		if line = strings.TrimSpace(line); line != "" {
			raws = append(raws, line, strings.ToUpper(line)) // each twice, worded alike
		}
	}
	works := make([]bib.Work, len(raws))
	one := newTokens()
	var oneSeq []int32
	oneEnds := []int{0}
	want := make([]profile, len(raws))
	for k, raw := range raws {
		var pd textTokens
		prepareProfile(&want[k], &pd, "", &works[k], raw)
		oneSeq = one.finishProfile(&want[k], &pd, oneSeq)
		oneEnds = append(oneEnds, len(oneSeq))
	}
	for _, runs := range []int{1, 2, 3, 7} {
		nodes := make([]node, len(raws))
		vs := make([]*vocabulary, runs)
		forRanges(len(nodes), runs, func(w, lo, hi int) {
			vs[w] = newVocabulary(lo, hi)
			var pd textTokens
			for k := lo; k < hi; k++ {
				prepareProfile(&nodes[k].p, &pd, "", &works[k], raws[k])
				vs[w].add(&pd)
			}
		})
		tok := newTokens()
		words := 0
		for _, v := range vs {
			tok.merge(v)
			v.wordsBefore = words
			words += len(v.words)
		}
		seq, ends := make([]int32, words), make([]int, len(nodes)+1)
		for _, v := range vs {
			v.finishProfiles(tok, nodes, seq, ends)
		}
		tok.countDocuments(nodes)
		if !slices.Equal(tok.strs, one.strs) || !slices.Equal(tok.df, one.df) {
			t.Errorf("%d runs: tokens %q, df %v\nwant %q, df %v", runs, tok.strs, tok.df, one.strs, one.df)
		}
		for s, id := range one.ids {
			if tok.ids[s] != id {
				t.Errorf("%d runs: word %q is %d, want %d", runs, s, tok.ids[s], id)
			}
		}
		for s, id := range one.nums {
			if tok.nums[s] != id {
				t.Errorf("%d runs: number %q is %d, want %d", runs, s, tok.nums[s], id)
			}
		}
		if len(tok.ids) != len(one.ids) || len(tok.nums) != len(one.nums) {
			t.Errorf("%d runs: %d words and %d numbers, want %d and %d", runs, len(tok.ids), len(tok.nums), len(one.ids), len(one.nums))
		}
		if !slices.Equal(seq, oneSeq) || !slices.Equal(ends, oneEnds) {
			t.Errorf("%d runs: the words in text order differ", runs)
		}
		for k := range nodes {
			if p := &nodes[k].p; !slices.Equal(p.words, want[k].words) || !slices.Equal(p.nums, want[k].nums) {
				t.Errorf("%d runs: %q has words %v numbers %v, want %v %v", runs, raws[k], p.words, p.nums, want[k].words, want[k].nums)
			}
		}
	}
}
