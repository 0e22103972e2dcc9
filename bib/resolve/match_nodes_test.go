package resolve

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// groupByFirstFree is the rule groupReferences computes, followed step by
// step: each keyed reference joins its key's first group that no
// reference of its citing list is in yet, or starts a group.
func groupByFirstFree(keys []int32, count int, citing []int32) (node []int32, refs, cited [][]int32) {
	node = make([]int32, len(keys))
	same := make([][]int32, count) // the groups of each key
	for i, k := range keys {
		c := citing[i]
		if c < 0 {
			node[i] = -1
			continue
		}
		joined := false
		if k >= 0 {
			for _, g := range same[k] {
				if !slices.Contains(cited[g], c) {
					refs[g] = append(refs[g], int32(i))
					cited[g] = append(cited[g], c)
					node[i], joined = g, true
					break
				}
			}
		}
		if joined {
			continue
		}
		g := int32(len(refs))
		node[i] = g
		refs, cited = append(refs, []int32{int32(i)}), append(cited, []int32{c})
		if k >= 0 {
			same[k] = append(same[k], g)
		}
	}
	for _, c := range cited {
		slices.Sort(c)
	}
	return node, refs, cited
}

// TestGroupReferences compares groupReferences with the rule it follows
// on random corpora: few keys and lists, so that a list repeats a key,
// lists interleaved (a paper given twice), references without a key or
// without a node.
func TestGroupReferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		n, count, works := rng.IntN(60), 1+rng.IntN(8), 1+rng.IntN(5)
		keys, citing := make([]int32, n), make([]int32, n)
		list := int32(0)
		for i := range n {
			keys[i] = int32(rng.IntN(count+1)) - 1 // -1: no key
			if trial%2 == 0 && rng.IntN(8) > 0 {
				citing[i] = list // lists in runs, as one paper's references
			} else {
				citing[i] = int32(rng.IntN(works))
			}
			if rng.IntN(8) == 0 {
				list = int32(rng.IntN(works))
			}
			if rng.IntN(10) == 0 {
				citing[i] = -1
			}
		}
		wantNode, wantRefs, wantCited := groupByFirstFree(keys, count, citing)
		node := make([]int32, n)
		g := groupReferences(keys, count, citing, works, node)
		if !slices.Equal(node, wantNode) {
			t.Fatalf("keys %v citing %v: nodes %v, want %v", keys, citing, node, wantNode)
		}
		if g.len() != len(wantRefs) {
			t.Fatalf("keys %v citing %v: %d groups, want %d", keys, citing, g.len(), len(wantRefs))
		}
		for k := range g.len() {
			refs, cited := g.members(k)
			if !slices.Equal(refs, wantRefs[k]) || !slices.Equal(cited, wantCited[k]) {
				t.Fatalf("keys %v citing %v: group %d is %v cited by %v, want %v cited by %v",
					keys, citing, k, refs, cited, wantRefs[k], wantCited[k])
			}
			if cap(refs) != len(refs) || cap(cited) != len(cited) {
				t.Fatalf("group %d: an append would overwrite the next group", k)
			}
		}
	}
}
