package resolve

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// assignLabels names each work "Family Year", adding a, b, c, … in order of
// first appearance when several works share one ("Ruffini 2020a",
// "Ruffini 2020b"), as author-year citation styles do. A work with neither
// author nor year keeps the label its record gave (a reflist's file name),
// or gets the start of its title, or is named by its DOI or id.
func assignLabels(works []Work) {
	base := make([]string, len(works))
	parallelFor(len(works), func(i int) { base[i] = baseLabel(&works[i]) })
	count := make(map[string]int, len(works))
	for _, b := range base {
		count[b]++
	}
	seen := map[string]int{}
	for i := range works {
		b := base[i]
		if count[b] > 1 {
			b += suffix(seen[b])
			seen[base[i]]++
		}
		works[i].Label = b
	}
}

func baseLabel(w *Work) string {
	name := w.FirstAuthor().Family
	if name == "" {
		name = w.FirstAuthor().Literal
	}
	if name == "" && w.Year == 0 && w.Label != "" {
		return w.Label
	}
	if name == "" {
		name = shorten(w.Title, 30)
	}
	if name == "" {
		name = shorten(w.Container, 30)
	}
	if name == "" {
		// Known only by an identifier (Crossref's DOI-only references,
		// OpenAlex's referenced_works): the identifier names it, and
		// "n.d." would add nothing.
		name = w.DOI
		if name == "" {
			name = w.ID
		}
		if w.Year == 0 {
			return name
		}
	}
	year := "n.d."
	if w.Year != 0 {
		year = strconv.Itoa(w.Year)
	}
	return name + " " + year
}

// suffix is the disambiguating letter sequence: a … z, aa, ab, ….
func suffix(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

// shorten cuts s to at most n runes on a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
