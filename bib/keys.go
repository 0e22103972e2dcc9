package bib

import (
	"strconv"
	"strings"
)

// Match keys are cheap exact strings under which a work is indexed; two
// references that share a key are taken to denote the same work. Each key
// is "" when the work lacks a field it needs.

// DOIKey is the normalised DOI.
func DOIKey(w *Work) string { return NormalizeDOI(w.DOI) }

// LocatorKey identifies a work by where it was printed: first author's
// family, year, volume and first page. It needs no title, so it matches Web
// of Science CR strings against full references.
func LocatorKey(w *Work) string {
	fam := FamilyKey(w.FirstAuthor())
	page := strings.ToLower(w.FirstPage())
	vol := strings.ToLower(strings.TrimSpace(w.Volume))
	if fam == "" || w.Year == 0 || page == "" || vol == "" {
		return ""
	}
	return "l|" + fam + "|" + strconv.Itoa(w.Year) + "|" + vol + "|" + page
}

// TitleKeyWords is how many significant title words a title key keeps: enough
// to tell two papers of one author and year apart, few enough to survive a
// truncated or sub-titled citation.
const TitleKeyWords = 5

// TitleKey identifies a work by first author's family, year and the first
// significant words of its title.
func TitleKey(w *Work) string {
	fam := FamilyKey(w.FirstAuthor())
	words := TitleWords(w.Title)
	if fam == "" || w.Year == 0 || len(words) < 2 {
		return ""
	}
	if len(words) > TitleKeyWords {
		words = words[:TitleKeyWords]
	}
	return "t|" + fam + "|" + strconv.Itoa(w.Year) + "|" + strings.Join(words, " ")
}

// MatchKeys returns the work's non-empty keys, strongest first.
func MatchKeys(w *Work) []string {
	var keys []string
	for _, k := range []string{DOIKey(w), LocatorKey(w), TitleKey(w)} {
		if k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}
