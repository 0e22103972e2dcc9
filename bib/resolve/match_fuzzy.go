package resolve

import (
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Names misread by OCR or mistyped ("Rollsfon" for Rolston, "Kirn" for
// Kim, "Edlger-Marshall") are still one name when few of their letters
// differ: how few depends on the name's length, so that short names, where
// one letter makes another name ("Yang", "Wang"), count as near only for
// the evidence of half a name.

// nameEdits is how many edits two names of n letters may be apart.
func nameEdits(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 7:
		return 1
	}
	return 2
}

// nearFamily reports whether two first authors' family names, given by
// their variants (FamilyVariants), are a few edits apart (nameEdits)
// once their look-alikes are read alike (ocrSkeleton).
func nearFamily(a, b []string) bool { return familiesWithin(a, b, nameEdits) }

// familiesWithin reports whether two first authors' family names, given
// by their variants, are the same or at most edits(n) apart in their OCR
// skeletons, n the shorter skeleton's length.
func familiesWithin(a, b []string, edits func(n int) int) bool {
	var bufA, bufB [32]byte
	for _, x := range a {
		sx := ocrSkeleton(bufA[:0], x)
		for _, y := range b {
			sy := ocrSkeleton(bufB[:0], y)
			if len(sx) > len(bufA) || len(sy) > len(bufB) {
				continue // no family name is that long
			}
			n := min(len(sx), len(sy))
			if n >= 3 && string(sx) == string(sy) {
				return true
			}
			if k := edits(n); k > 0 && abs(len(sx)-len(sy)) <= k && levenshtein.ComputeDistance(string(sx), string(sy)) <= k {
				return true
			}
		}
	}
	return false
}

// familyNear reports whether a's first author's family name of five
// letters or more is written in b's text with a few edits (nameEdits).
func familyNear(a, b *profile) bool {
	for _, f := range a.fams {
		if len(f) >= 5 && fuzzyContains(b.tight, f, nameEdits(len(f))) {
			return true
		}
	}
	return false
}

// sameLead reports whether two texts begin with one name: the parsed
// first authors' families or the texts' first words (profile.lead), the
// same or near (nearFamily).
func sameLead(a, b *profile) bool {
	var x, y [4]string
	na := copy(x[:3], a.fams)
	nb := copy(y[:3], b.fams)
	if a.lead != "" {
		x[na] = a.lead
		na++
	}
	if b.lead != "" {
		y[nb] = b.lead
		nb++
	}
	return meet(x[:na], y[:nb]) || nearFamily(x[:na], y[:nb])
}

// initialsDiffer reports whether both first authors' first initials are
// known and differ: then a family name misspelt is another person's
// ("Makarov D" and "Nazarov A. V."). In a pair with a noisy text, the
// first initials differ only when the two given names share no initial:
// noise, and a parser it misled, drop the first of two initials (".V.
// Ford-Lloyd" for "B. V. Ford-Lloyd", "Miller IV, G. W." read with the
// given name "IV") or misspell it ("Cambell, T. C." and "Campbell, P. C.").
func initialsDiffer(a, b *profile) bool {
	if a.init == 0 || b.init == 0 || a.init == b.init {
		return false
	}
	return !(a.noisy || b.noisy) || a.inits&b.inits == 0 && !readReversed(a, b) && !readReversed(b, a)
}

// readReversed reports whether b's first author is a's read the other way
// round, given name for family: noise took the comma of "Asada, Y." from
// "Asada Yoshikazu" or of "Fredriksson, Anders", and the parser read
// "Yoshikazu" as the family. a's family is then near a word of b's given
// name, and a's first initial is that of b's family.
func readReversed(a, b *profile) bool {
	if a.init == 0 || len(b.fams) == 0 || a.init != rune(b.fams[0][0]) || nearFamily(a.fams, b.fams) {
		return false
	}
	return nearFamily(a.fams, b.nameWords)
}

// givenInitials returns the set of the first letters of the parts of a
// given name, folded, a bit for each letter a–z ("B. V." → b and v,
// "Jean-Marc" → j and m); letters beyond z are left out.
func givenInitials(given string) uint32 {
	var set uint32
	start := true // at the beginning of a part
	for _, r := range given {
		switch {
		case !unicode.IsLetter(r):
			start = true
		case start:
			if r >= utf8.RuneSelf {
				r, _ = utf8.DecodeRuneInString(fold(string(r)) + " ") // "Ž" → 'z'
			}
			if r |= 0x20; r >= 'a' && r <= 'z' {
				set |= 1 << (r - 'a')
			}
			start = false
		}
	}
	return set
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fuzzyContains reports whether pat occurs in text with at most k edits
// (letters inserted, dropped or replaced), by the bit-parallel algorithm
// of Wu and Manber (Fast text searching allowing errors, CACM 35(10),
// 1992, doi:10.1145/135239.135244). pat has at most 64 bytes, k at most 2.
func fuzzyContains(text, pat string, k int) bool {
	m := len(pat)
	if m == 0 || m > 64 || k > 2 {
		return false
	}
	var mask [256]uint64
	for i := 0; i < m; i++ {
		mask[pat[i]] |= 1 << i
	}
	// s[d] has bit j set when pat[:j+1] ends at the current text byte with
	// at most d edits; at the start the first d letters may be dropped.
	var s [3]uint64
	for d := 1; d <= k; d++ {
		s[d] = 1<<d - 1
	}
	last := uint64(1) << (m - 1)
	if s[k]&last != 0 {
		return true
	}
	for i := 0; i < len(text); i++ {
		b := mask[text[i]]
		prev := s[0] // s[d-1] before this byte
		s[0] = (s[0]<<1 | 1) & b
		for d := 1; d <= k; d++ {
			old := s[d]
			s[d] = (old<<1|1)&b | prev | (prev<<1 | 1) | (s[d-1]<<1 | 1)
			prev = old
		}
		if s[k]&last != 0 {
			return true
		}
	}
	return false
}
