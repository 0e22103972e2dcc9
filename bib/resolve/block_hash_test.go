package resolve

import (
	"hash/fnv"
	"testing"
)

// TestHashKeyIsFNV keeps hashKey, written out, to the hash/fnv keys it
// replaced, so that the blocks stay the same.
func TestHashKeyIsFNV(t *testing.T) {
	for _, parts := range [][]string{{}, {""}, {"10.1103/physrevb.1"}, {"mcdaniel", "2012"}, {"jap", "p371"}, {"Ruffini", "", "é"}} {
		h := fnv.New64a()
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
		if got, want := hashKey(keySource, parts...), uint64(keySource)<<56|h.Sum64()&(1<<56-1); got != want {
			t.Errorf("hashKey(%q) = %x, want %x", parts, got, want)
		}
	}
}
