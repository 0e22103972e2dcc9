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

// TestParseReferenceYearRunIntoSource: a constructed ACS reference whose
// year was run into a source in capitals.
func TestParseReferenceYearRunIntoSource(t *testing.T) {
	w := ParseReference("Miyazaki, M.; Taguchi, Y. CHEMICAL & PHARMACEUTICAL BULLETIN1979, 27, 1045–1048.")
	if w.Year != 1979 || w.Volume != "27" || w.Container != "CHEMICAL & PHARMACEUTICAL BULLETIN" {
		t.Errorf("year %d volume %q container %q, want 1979 27 CHEMICAL & PHARMACEUTICAL BULLETIN", w.Year, w.Volume, w.Container)
	}
}

// TestLastYearNotInWord: four digits run into letters are no year, but a
// year with a letter after it is.
func TestLastYearNotInWord(t *testing.T) {
	for _, tc := range []struct {
		s    string
		year int
	}{
		{"Series 2011, 48, 19330A–1933OC", 2011},
		{"Jameson 1971B", 1971},
		{"Smith 2020a, the 2018th", 2020},
	} {
		if got := lastYear(tc.s, ""); got != tc.year {
			t.Errorf("lastYear(%q) = %d, want %d", tc.s, got, tc.year)
		}
	}
}
