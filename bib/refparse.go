package bib

import (
	"regexp"
	"strconv"
	"strings"
)

// ParseReference parses a free-text reference into a Work.
func ParseReference(s string) Work {
	w := Work{}
	if m := crDOI.FindString(s); m != "" {
		w.DOI = NormalizeDOI(m)
	}
	if m := anyYear.FindString(s); m != "" {
		w.Year, _ = strconv.Atoi(m)
	}
	head, _, _ := strings.Cut(s, ". ")
	for _, a := range strings.Split(head, ",") {
		if a = strings.TrimSpace(a); a != "" && a != "et al" {
			w.Authors = append(w.Authors, ParseName(a))
		}
	}
	return w
}

var anyYear = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)
