package refparse

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestScopusYearIndices: scopusYearAtEnd and scopusYearMid give the
// indices the expressions they spell out give, on every reference of the
// Scopus exports in testdata (cut at semicolons and line ends) and on edge
// cases: years out of range, a letter after the year, a bracket at the
// start, no space or comma before it, several years.
func TestScopusYearIndices(t *testing.T) {
	atEnd := regexp.MustCompile(`(?:^|[ ,])\((1[5-9]\d\d|20\d\d)[a-z]?\)\.?$`)
	mid := regexp.MustCompile(`(?:^|[ ,])\((1[5-9]\d\d|20\d\d)[a-z]?\) `)
	cases := []string{"", "(", "(2019)", "(2019).", "x (2019)", "x,(2019a).", "x(2019)", "(1499) x", "(1500) x",
		"(2099) x", "(2100) x", "a (19x9) b (2001) c (2002) d", "(2001b) c", "((2001) ", "x (2001)) ", "(2001)..", "T (2001ab) S",
		"Smith J., Title (1993) J. Chem., 12, pp. 1-5", "Title, Source, 12, 3, pp. 4-5, (2020)", "(2001)(2002) "}
	for _, file := range []string{"scopus-bibx.csv", "scopus-litstudy.csv", "scopus-bibx.ris", "scopus-litstudy-v2.csv"} {
		data, err := os.ReadFile("../../testdata/exports/" + file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, ref := range strings.Split(line, ";") {
				cases = append(cases, strings.TrimSpace(ref))
			}
		}
	}
	if len(cases) < 40000 {
		t.Fatalf("%d pieces of the exports: are they there?", len(cases))
	}
	for _, s := range cases {
		if got, want := scopusYearAtEnd(s), atEnd.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Errorf("scopusYearAtEnd(%q) = %v, want %v", s, got, want)
		}
		if got, want := scopusYearMid(s), mid.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Errorf("scopusYearMid(%q) = %v, want %v", s, got, want)
		}
	}
}
