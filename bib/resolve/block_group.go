package resolve

import (
	"math/bits"
	"runtime"
)

// Most blocking keys are a description's own (2.2 million distinct keys of
// 2.7 million on 500 reviews citing 800 works each): the keys are grouped
// by sorting them, not by a map of every key, and the blocks of one member
// are dropped.

// allBlockKeys returns every node's blocking keys, node i's at
// keys[keyAt[i]:keyAt[i+1]], computed on every core.
func (m *matcher) allBlockKeys() (keys []uint64, keyAt []int) {
	n := len(m.nodes)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/10000))
	parts := make([][]uint64, workers)
	counts := make([]int32, n) // node i's number of keys
	forRanges(n, workers, func(w, lo, hi int) {
		var buf []uint64
		parts[w] = make([]uint64, 0, 20*(hi-lo)) // 18 keys a node on generated WoS exports
		for i := lo; i < hi; i++ {
			buf = m.blockKeys(&m.nodes[i].p, buf)
			parts[w] = append(parts[w], buf...)
			counts[i] = int32(len(buf))
		}
	})
	keyAt = make([]int, n+1)
	for i, c := range counts {
		keyAt[i+1] = keyAt[i] + int(c)
	}
	// Each worker's keys copied into place on its own core, the same
	// runs of nodes (22 MB of fresh memory on 500 reviews citing 800
	// works each).
	keys = make([]uint64, keyAt[n])
	forRanges(n, workers, func(w, lo, _ int) { copy(keys[keyAt[lo]:], parts[w]) })
	return keys, keyAt
}

// keyEntry is one key of one node, at index at of the keys.
type keyEntry struct {
	key      uint64
	node, at int32
}

// groupKeys gathers the nodes sharing each key. It returns each key's
// block (-1 for a key of one entry), and the blocks' members, block b's
// at members[start[b]:start[b+1]] in the order of the keys (so in
// increasing node order, a node given a key twice listed twice).
func groupKeys(keys []uint64, keyAt []int) (block, members []int32, start []int) {
	// Only the keys that may be repeated are sorted: those whose bit, in
	// a set of eight bits a key, two keys set (all repeated keys, and one
	// key in eight or so of the others).
	size := 64
	for size < 8*len(keys) {
		size *= 2
	}
	shift := 64 - bits.Len(uint(size-1))
	bit := func(k uint64) (int, uint64) {
		b := int(k * 0x9e3779b97f4a7c15 >> shift) // Fibonacci hashing: the word keys are small numbers
		return b / 64, 1 << (b % 64)
	}
	once, twice := make([]uint64, size/64), make([]uint64, size/64)
	for _, k := range keys {
		w, m := bit(k)
		if once[w]&m != 0 {
			twice[w] |= m
		}
		once[w] |= m
	}
	shared := 0
	for _, k := range keys {
		if w, m := bit(k); twice[w]&m != 0 {
			shared++
		}
	}
	block = make([]int32, len(keys))
	entries := make([]keyEntry, 0, shared)
	for i := range len(keyAt) - 1 {
		for x := keyAt[i]; x < keyAt[i+1]; x++ {
			if w, m := bit(keys[x]); twice[w]&m != 0 {
				entries = append(entries, keyEntry{keys[x], int32(i), int32(x)})
			} else {
				block[x] = -1
			}
		}
	}
	entries = radixSortKeys(entries)
	// Room for every entry in a block of two or more at once: grown by
	// appends, the members and blocks (793,000 and 268,000 on 500
	// generated reviews) were copied many times over.
	members, start = make([]int32, 0, len(entries)), make([]int, 1, len(entries)/2+1)
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].key == entries[lo].key {
			hi++
		}
		if hi-lo == 1 {
			block[entries[lo].at] = -1
		} else {
			b := int32(len(start) - 1)
			for _, e := range entries[lo:hi] {
				block[e.at] = b
				members = append(members, e.node)
			}
			start = append(start, len(members))
		}
		lo = hi
	}
	return block, members, start
}

// radixSortKeys sorts entries by key, stably (a least-significant-digit
// radix sort, 16 bits a pass), and returns the sorted slice, which may be
// entries or a buffer of its length.
func radixSortKeys(entries []keyEntry) []keyEntry {
	const bits, mask = 16, 1<<16 - 1
	if len(entries) == 0 {
		return entries
	}
	tmp := make([]keyEntry, len(entries))
	var count [1 << bits]int
	for shift := 0; shift < 64; shift += bits {
		clear(count[:])
		for _, e := range entries {
			count[e.key>>shift&mask]++
		}
		if count[entries[0].key>>shift&mask] == len(entries) {
			continue // every key has this digit
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, e := range entries {
			d := e.key >> shift & mask
			tmp[count[d]] = e
			count[d]++
		}
		entries, tmp = tmp, entries
	}
	return entries
}
