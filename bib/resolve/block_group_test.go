package resolve

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestGroupKeysHandComputed(t *testing.T) {
	// Node 0: keys 7, 9; node 1: 9, 5, 9 (twice); node 2: 7; node 3: 1<<40 | 7.
	keys := []uint64{7, 9, 9, 5, 9, 7, 1<<40 | 7}
	keyAt := []int{0, 2, 5, 6, 7}
	block, members, start := groupKeys(keys, keyAt)
	// Blocks in key order: 7 (nodes 0, 2), 9 (nodes 0, 1, 1); 5 and 1<<40|7 have one entry.
	if want := []int32{0, 1, 1, -1, 1, 0, -1}; !slices.Equal(block, want) {
		t.Errorf("block = %v, want %v", block, want)
	}
	if want := []int32{0, 2, 0, 1, 1}; !slices.Equal(members, want) {
		t.Errorf("members = %v, want %v", members, want)
	}
	if want := []int{0, 2, 5}; !slices.Equal(start, want) {
		t.Errorf("start = %v, want %v", start, want)
	}
}

// TestGroupKeysAsMap checks the sorted grouping against a map of every key
// on seeded random keys, few enough distinct that most blocks are shared.
func TestGroupKeysAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nodes = 2000
	keyAt := []int{0}
	var keys []uint64
	for range nodes {
		for range rng.IntN(6) {
			keys = append(keys, uint64(rng.IntN(3000))<<uint(rng.IntN(3)*24))
		}
		keyAt = append(keyAt, len(keys))
	}
	byKey := map[uint64][]int32{}
	for i := range nodes {
		for _, k := range keys[keyAt[i]:keyAt[i+1]] {
			byKey[k] = append(byKey[k], int32(i))
		}
	}
	block, members, start := groupKeys(keys, keyAt)
	for x, k := range keys {
		want := byKey[k]
		if len(want) == 1 {
			if block[x] != -1 {
				t.Fatalf("key %d (%#x) of one node in block %d", x, k, block[x])
			}
			continue
		}
		b := block[x]
		if got := members[start[b]:start[b+1]]; !slices.Equal(got, want) {
			t.Fatalf("key %#x: block %v, want %v", k, got, want)
		}
	}
}
