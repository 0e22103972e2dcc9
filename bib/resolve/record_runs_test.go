package resolve

import (
	"sync"
	"testing"
)

// TestForRecordRuns checks that every record is in exactly one run, on
// reference counts that split evenly, unevenly, not at all, and on none.
func TestForRecordRuns(t *testing.T) {
	for _, sizes := range [][]int{
		nil, {0}, {0, 0, 0}, {5}, {30000}, {1, 30000, 1}, {12000, 12000, 12000, 12000},
		{40000, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 25000},
	} {
		offset := []int{0}
		for _, s := range sizes {
			offset = append(offset, offset[len(offset)-1]+s)
		}
		var mu sync.Mutex
		seen := make([]int, len(sizes))
		forRecordRuns(offset, func(lo, hi int) {
			if lo > hi {
				t.Errorf("%v: run [%d, %d)", sizes, lo, hi)
			}
			mu.Lock()
			defer mu.Unlock()
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		for i, n := range seen {
			if n != 1 {
				t.Errorf("%v: record %d in %d runs", sizes, i, n)
			}
		}
	}
}
