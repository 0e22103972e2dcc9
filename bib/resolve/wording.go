package resolve

import (
	"bytes"
	"hash/maphash"
	"unicode"
	"unicode/utf8"
)

// appendFolded appends a reference's wording with case, spacing and
// closing punctuation folded to dst: references equal under it repeat
// each other. It is strings.ToLower of strings.Fields joined by spaces,
// trimmed, made in one pass.
func appendFolded(dst []byte, raw string) []byte {
	start := len(dst)
	space := false
	for _, c := range raw {
		if unicode.IsSpace(c) {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, byte(c))
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(c))
		}
	}
	return dst[:start+len(bytes.TrimRight(dst[start:], " .,;"))]
}

// hashedKeys hashes and compares values by keys made in buffers of its
// own (appendKey), to find the values of one key without keeping the
// keys: the folded wordings of 400,000 references (500 generated reviews)
// were 33 MB of strings, their description keys 21 MB. One to a
// goroutine.
type hashedKeys[T any] struct {
	seed      maphash.Seed
	appendKey func(dst []byte, v T) []byte
	a, b      []byte
}

// hash is the hash of v's key.
func (k *hashedKeys[T]) hash(v T) uint64 {
	k.a = k.appendKey(k.a[:0], v)
	return maphash.Bytes(k.seed, k.a)
}

// same reports whether x and y have the same key.
func (k *hashedKeys[T]) same(x, y T) bool {
	k.a, k.b = k.appendKey(k.a[:0], x), k.appendKey(k.b[:0], y)
	return bytes.Equal(k.a, k.b)
}

// probe is the key, in a map keyed by hashes, of a value of hash h: h,
// or when a value of another key holds h (a collision), the first of
// h+1, h+2, … free or held by a value of its key; fits reports whether a
// key is. So no collision makes two keys one, nor one key two.
func probe(h uint64, fits func(key uint64) bool) uint64 {
	for !fits(h) {
		h++
	}
	return h
}
