package resolve

import "runtime"

// A vocabulary interns the tokens of a run of consecutive nodes on one
// core, numbered in the order they first appear in the run; tokens.merge
// then numbers them in the corpus's tokens. Merged run after run, the
// tokens get the ids they would get interned one node after another on
// one core, where interning a million tokens (500 generated reviews
// citing 800 works each) took 0.25 s while the other core idled; merged,
// only the runs' distinct tokens (170,000) are looked up there.
type vocabulary struct {
	ids, nums map[string]int32
	strs      []string
	number    []bool // whether each token is a number
	// The run's nodes' word and number tokens, node after node, in the
	// order of their texts: node j's words are words[wordEnd[j]:wordEnd[j+1]].
	words, numbers   []int32
	wordEnd, numEnd  []int32
	global           []int32 // each token's id in the corpus's tokens, once merged
	wordsBefore      int     // the words of the earlier runs, in the corpus's sequence
	nodesLo, nodesHi int     // the run
}

// newVocabulary makes the vocabulary of nodes lo to hi-1. Its arrays are
// made at the size of about five words, three numbers and one new token
// a node (a reference of 500 generated reviews, 4.1, 2.7 and 1.1): large
// arrays grown by appends are copied many times over.
func newVocabulary(lo, hi int) *vocabulary {
	n := hi - lo
	v := &vocabulary{ids: make(map[string]int32, n), nums: map[string]int32{}, nodesLo: lo, nodesHi: hi}
	v.strs, v.number = make([]string, 0, n), make([]bool, 0, n)
	v.words, v.numbers = make([]int32, 0, 5*n), make([]int32, 0, 3*n)
	v.wordEnd, v.numEnd = make([]int32, 1, n+1), make([]int32, 1, n+1)
	return v
}

// add interns the tokens of the run's next node.
func (v *vocabulary) add(pd *textTokens) {
	start := int32(0)
	for _, end := range pd.spans {
		if end < 0 {
			end = -end - 1
			v.numbers = append(v.numbers, v.intern(v.nums, pd.buf[start:end], true))
		} else {
			v.words = append(v.words, v.intern(v.ids, pd.buf[start:end], false))
		}
		start = end
	}
	v.wordEnd = append(v.wordEnd, int32(len(v.words)))
	v.numEnd = append(v.numEnd, int32(len(v.numbers)))
}

func (v *vocabulary) intern(ids map[string]int32, b []byte, number bool) int32 {
	if i, ok := ids[string(b)]; ok {
		return i
	}
	i := int32(len(v.strs))
	s := string(b)
	ids[s] = i
	v.strs = append(v.strs, s)
	v.number = append(v.number, number)
	return i
}

// merge interns a run's tokens, in their order, and notes their ids.
// Into empty tokens, the first run's are taken as they are.
func (t *tokens) merge(v *vocabulary) {
	v.global = make([]int32, len(v.strs))
	if len(t.strs) == 0 {
		t.ids, t.nums, t.strs, t.df = v.ids, v.nums, v.strs, make([]int32, len(v.strs))
		for i := range v.global {
			v.global[i] = int32(i)
		}
		return
	}
	for i, s := range v.strs {
		ids := t.ids
		if v.number[i] {
			ids = t.nums
		}
		id, ok := ids[s]
		if !ok {
			id = t.add(ids, s)
		}
		v.global[i] = id
	}
}

// finishProfiles gives the run's merged nodes their words and numbers,
// and the numbers of their locators among t's, and writes their words, in
// the order of their texts, to the corpus's sequence: node k's are
// seq[ends[k]:ends[k+1]].
func (v *vocabulary) finishProfiles(t *tokens, nodes []node, seq []int32, ends []int) {
	var nums []int32
	for k := v.nodesLo; k < v.nodesHi; k++ {
		j := k - v.nodesLo
		words := seq[v.wordsBefore+int(v.wordEnd[j]) : v.wordsBefore+int(v.wordEnd[j+1])]
		for i, x := range v.words[v.wordEnd[j]:v.wordEnd[j+1]] {
			words[i] = v.global[x]
		}
		nums = nums[:0]
		for _, x := range v.numbers[v.numEnd[j]:v.numEnd[j+1]] {
			nums = append(nums, v.global[x])
		}
		p := &nodes[k].p
		p.words, p.nums = sortedSet(words), sortedSet(nums)
		t.numberLocators(p)
		ends[k+1] = v.wordsBefore + int(v.wordEnd[j+1])
	}
}

// countDocuments sets the document frequencies of the tokens from the
// nodes' words and numbers, each worker counting a run of nodes.
func (t *tokens) countDocuments(nodes []node) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(nodes)/1000))
	counts := make([][]int32, workers)
	forRanges(len(nodes), workers, func(w, lo, hi int) {
		counts[w] = make([]int32, len(t.df))
		for k := lo; k < hi; k++ {
			p := &nodes[k].p
			for _, x := range p.words {
				counts[w][x]++
			}
			for _, x := range p.nums {
				counts[w][x]++
			}
		}
	})
	copy(t.df, counts[0])
	for _, c := range counts[1:] {
		for i, n := range c {
			t.df[i] += n
		}
	}
}
