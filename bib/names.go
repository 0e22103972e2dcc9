package bib

import (
	"strings"
	"unicode"
)

// ParseName reads one personal name written as "Family, Given",
// "Family G G" (initials after the family name, as GB/T 7714 and Vancouver
// write it) or "Given Family". Anything it cannot read as a person is kept
// whole as a literal.
func ParseName(s string) Name {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ",;"))
	if s == "" {
		return Name{}
	}
	if fam, given, ok := strings.Cut(s, ","); ok {
		return Name{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(given)}
	}
	fields := strings.Fields(s)
	if len(fields) == 1 {
		return Name{Family: fields[0]}
	}
	// Family followed by initials: "Ruffini P B", "Gu Y F", "Zhao G".
	j := len(fields)
	for j > 1 && isInitials(fields[j-1]) {
		j--
	}
	if j < len(fields) {
		return Name{Family: strings.Join(fields[:j], " "), Given: strings.Join(fields[j:], " ")}
	}
	// Initials first: "P. B. Ruffini".
	if isInitials(fields[0]) {
		k := 0
		for k < len(fields)-1 && isInitials(fields[k]) {
			k++
		}
		return Name{Family: strings.Join(fields[k:], " "), Given: strings.Join(fields[:k], " ")}
	}
	// "Given Family": the last word is the family name, with its particles.
	k := len(fields) - 1
	for k > 1 && isParticle(fields[k-1]) {
		k--
	}
	return Name{Family: strings.Join(fields[k:], " "), Given: strings.Join(fields[:k], " ")}
}

// isParticle reports whether a word is a lower-case family-name prefix
// such as "van", "von", "de", "da".
func isParticle(w string) bool {
	if w == "" || !unicode.IsLower([]rune(w)[0]) {
		return false
	}
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "dos", "das", "ter", "ten", "zu", "vom":
		return true
	}
	return false
}
