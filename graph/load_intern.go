package graph

import "hash/maphash"

// idTable interns the ids of an edge list: an open-addressing hash table
// with linear probing whose 32-byte slots hold the key itself (up to
// idInline bytes of it), so that a lookup touches one cache line in the
// usual case, against three (control word, key header, key bytes) for a
// map[string]int32. Longer keys keep their first idInline bytes inline and
// are compared in full against names.
type idTable struct {
	slots []idSlot
	mask  uint64
	count int
	seed  maphash.Seed
}

const idInline = 20

type idSlot struct {
	tag uint32 // the low 32 bits of the key's hash, never 0; 0 marks an empty slot
	id  int32
	n   int32 // key length
	key [idInline]byte
}

func newIDTable() *idTable {
	const size = 1 << 16
	return &idTable{slots: make([]idSlot, size), mask: size - 1, seed: maphash.MakeSeed()}
}

// hash returns the tag of key.
func (t *idTable) hash(key []byte) uint32 {
	h := uint32(maphash.Bytes(t.seed, key))
	if h == 0 {
		h = 1
	}
	return h
}

// touch loads the slot a lookup of tag starts at, so that a batch of
// lookups waits for memory once rather than once each.
func (t *idTable) touch(tag uint32) uint32 { return t.slots[uint64(tag)&t.mask].tag }

// find returns the id of key (with the given tag) and true, or the slot
// where it would go and false. names holds the keys by id.
func (t *idTable) find(key []byte, tag uint32, names []string) (int32, uint64, bool) {
	i := uint64(tag) & t.mask
	for {
		s := &t.slots[i]
		if s.tag == 0 {
			return 0, i, false
		}
		if s.tag == tag && int(s.n) == len(key) {
			if len(key) <= idInline {
				if string(s.key[:len(key)]) == string(key) {
					return s.id, i, true
				}
			} else if string(s.key[:]) == string(key[:idInline]) && names[s.id][idInline:] == string(key[idInline:]) {
				return s.id, i, true
			}
		}
		i = (i + 1) & t.mask
	}
}

// insert puts key with id in the empty slot at i, found by find; it may
// grow the table.
func (t *idTable) insert(i uint64, key []byte, tag uint32, id int32) {
	s := &t.slots[i]
	s.tag, s.id, s.n = tag, id, int32(len(key))
	copy(s.key[:], key)
	t.count++
	if 2*t.count > len(t.slots) {
		t.grow()
	}
}

// grow doubles the table.
func (t *idTable) grow() {
	old := t.slots
	t.slots = make([]idSlot, 2*len(old))
	t.mask = uint64(len(t.slots) - 1)
	for k := range old {
		s := &old[k]
		if s.tag == 0 {
			continue
		}
		i := uint64(s.tag) & t.mask
		for t.slots[i].tag != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = *s
	}
}
