// Package ocrnoise degrades text the way extraction from PDFs and OCR of
// scans do: letters read as look-alikes ("rn" as "m", "l" as "1", "c" as
// "e"), dropped, doubled or misread as another letter, spaces lost and
// added, case flipped, punctuation lost, words cut short. Tests and
// benchmarks of reference matching use it to make noisy copies of labelled
// references; the edits are drawn from a seeded generator, so a copy is the
// same on every run. It is a test helper: nothing in the pipeline imports it.
package ocrnoise

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lookAlikes are pairs OCR reads one for the other, in both directions;
// "1" for "l" and "0" for "O" are the ones that reach numbers.
var lookAlikes = [][2]string{
	{"rn", "m"}, {"cl", "d"}, {"vv", "w"}, {"li", "h"}, {"ri", "n"}, {"in", "m"},
	{"c", "e"}, {"e", "o"}, {"a", "o"}, {"u", "n"}, {"i", "l"}, {"f", "t"}, {"h", "b"}, {"g", "q"},
	{"l", "1"}, {"I", "l"}, {"I", "1"}, {"O", "0"}, {"S", "5"}, {"B", "8"},
}

// Edits of a letter, by weight: OCR reads most errors as a look-alike.
const (
	wLookAlike = 4.0
	wReplace   = 2.0 // another letter
	wDrop      = 2.0
	wDouble    = 1.0
	wCase      = 1.5
	wSplit     = 1.0 // a space inside the word
	wTruncate  = 0.5 // the word cut short, at its first letter
)

// Degrade returns s with about rate of its characters edited. Each
// character is chosen with probability rate and edited by one of the
// edits that apply to it, drawn by weight: a letter is read as a
// look-alike, replaced by another letter, dropped, doubled, flipped in
// case, split from the next letter by a space, or (at the start of a word
// of six letters or more) the word is cut to three letters or more; a
// digit is read as a look-alike letter when it has one ("1" as "l" or "I",
// "0" as "O", "5" as "S", "8" as "B") and is kept otherwise; a space is
// lost; a punctuation mark is lost or read as the other of "." and ",";
// but the last space or mark left between two digits is kept.
func Degrade(s string, rate float64, rng *rand.Rand) string {
	if rate <= 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if rng.Float64() >= rate {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		switch {
		case unicode.IsLetter(r):
			i += editLetter(&b, s, i, r, size, rng)
		case unicode.IsDigit(r):
			if alike := lookAlikesAt(s, i); len(alike) > 0 {
				p := alike[rng.IntN(len(alike))]
				b.WriteString(p[1])
				i += len(p[0])
				continue
			}
			b.WriteRune(r)
			i += size
		case betweenDigits(b.String(), s[i+size:]):
			// Lost, it would run two numbers into one ("9967–9970"
			// as "99679970"), which no reader could take apart.
			b.WriteString(s[i : i+size])
			i += size
		case unicode.IsSpace(r):
			i += size // lost
		default:
			switch {
			case r == '.' && rng.IntN(2) == 0:
				b.WriteByte(',')
			case r == ',' && rng.IntN(2) == 0:
				b.WriteByte('.')
			}
			i += size
		}
	}
	return b.String()
}

// editLetter writes the edit of the letter r at s[i:] (size bytes) and
// returns how many bytes of s it consumed.
func editLetter(b *strings.Builder, s string, i int, r rune, size int, rng *rand.Rand) int {
	alike := lookAlikesAt(s, i)
	wordLen := 0
	if i == 0 || !isLetterBefore(s, i) {
		wordLen = lettersFrom(s, i)
	}
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	weights := [...]float64{
		wLookAlike * boolWeight(len(alike) > 0),
		wReplace,
		wDrop,
		wDouble,
		wCase * boolWeight(unicode.ToUpper(r) != unicode.ToLower(r)),
		wSplit * boolWeight(unicode.IsLetter(next)),
		wTruncate * boolWeight(wordLen >= 6),
	}
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := rng.Float64() * total
	kind := 0
	for kind < len(weights)-1 && x >= weights[kind] {
		x -= weights[kind]
		kind++
	}
	switch kind {
	case 0:
		p := alike[rng.IntN(len(alike))]
		b.WriteString(p[1])
		return len(p[0])
	case 1:
		c := rune('a' + rng.IntN(26))
		if unicode.IsUpper(r) {
			c = unicode.ToUpper(c)
		}
		b.WriteRune(c)
	case 2:
		// dropped
	case 3:
		b.WriteRune(r)
		b.WriteRune(r)
	case 4:
		if unicode.IsUpper(r) {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToUpper(r))
		}
	case 5:
		b.WriteRune(r)
		b.WriteByte(' ')
	case 6:
		// Keep 3 to wordLen-2 letters, drop the rest of the word.
		keep := 3 + rng.IntN(wordLen-4)
		j := i
		for range keep {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		b.WriteString(s[i:j])
		for range wordLen - keep {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		return j - i
	}
	return size
}

func boolWeight(ok bool) float64 {
	if ok {
		return 1
	}
	return 0
}

// lookAlikesAt returns the look-alike pairs, oriented from the text's side,
// whose first member starts s[i:].
func lookAlikesAt(s string, i int) [][2]string {
	var out [][2]string
	for _, p := range lookAlikes {
		switch {
		case strings.HasPrefix(s[i:], p[0]):
			out = append(out, p)
		case strings.HasPrefix(s[i:], p[1]):
			out = append(out, [2]string{p[1], p[0]})
		}
	}
	return out
}

// betweenDigits reports whether the text written so far ends in a digit
// and the rest begins with one.
func betweenDigits(written, rest string) bool {
	before, _ := utf8.DecodeLastRuneInString(written)
	after, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsDigit(before) && unicode.IsDigit(after)
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// lettersFrom counts the letters of the run that starts at s[i:].
func lettersFrom(s string, i int) int {
	n := 0
	for _, r := range s[i:] {
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}
