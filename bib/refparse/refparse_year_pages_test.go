package refparse

import "testing"

// TestParseReferenceYearNotPages: constructed references whose year
// lost its brackets or was never given; the fallback year is not an end
// of the journal pages the locator read, but years read as a book's pages
// stay years.
func TestParseReferenceYearNotPages(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		year int
	}{
		{"Driscoll, D. E., & Miller, G. A. (1989. Potential model calculations. Physical Review C, 39(5), 1951–1962.", 1989},
		{"Smith, J. 2000. A title. Journal of Medicine. 343(22), 1594–1602.", 2000},
		{"Smith, J. A title. The Plant Cell 22: 1575–1591.", 0},
		{"Solzhenitsyn, A. The Gulag Archipelago. New York: Harper & Row, 1974–1978.", 1978},
	} {
		if w := ParseReference(tc.raw); w.Year != tc.year {
			t.Errorf("%q: year %d, want %d", tc.raw, w.Year, tc.year)
		}
	}
}

// TestParseReferenceLeadingYearLostBracket: constructed APA references
// whose year lost a bracket; the year is not read into the title.
func TestParseReferenceLeadingYearLostBracket(t *testing.T) {
	for _, raw := range []string{
		"Driscoll, D. E., & Miller, G. A. (1989. Potential model calculations. Physical Review C, 39(5), 1951–1962.",
		"Driscoll, D. E., & Miller, G. A. 1989). Potential model calculations. Physical Review C, 39(5), 1951–1962.",
	} {
		if w := ParseReference(raw); w.Year != 1989 || w.Title != "Potential model calculations" || w.Container != "Physical Review C" {
			t.Errorf("%q: year %d title %q container %q, want 1989, Potential model calculations, Physical Review C", raw, w.Year, w.Title, w.Container)
		}
	}
}
