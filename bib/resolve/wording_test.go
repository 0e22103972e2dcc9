package resolve

import (
	"hash/maphash"
	"reflect"
	"testing"
)

// TestWordingKeyCollision gives every wording one hash, as if they all
// collided: each new fold takes the next free key, and a wording folding
// like an earlier one finds that one's key, so a collision never makes
// two wordings one nor one wording two.
func TestWordingKeyCollision(t *testing.T) {
	raws := []string{"Ruffini PB, 2017", "Kohler RE, 2002", "RUFFINI  PB, 2017.", "Flink T, 2020", "kohler re, 2002", ""}
	rawAt := func(j int) string { return raws[j] }
	f := hashedKeys[string]{seed: maphash.MakeSeed(), appendKey: appendFolded}
	at := map[uint64][]int{}
	for j, raw := range raws {
		key := probe(7, placed(&f, at, raw, rawAt))
		at[key] = append(at[key], j)
	}
	if want := map[uint64][]int{7: {0, 2}, 8: {1, 4}, 9: {3}, 10: {5}}; !reflect.DeepEqual(at, want) {
		t.Errorf("keys %v, want %v", at, want)
	}
}
