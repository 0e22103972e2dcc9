package refparse

import "testing"

// A year in brackets wins over other four-digit numbers, and neither a
// page nor a span in a title is a year (issue 20, item 8; the first
// reference is from testdata/exports/scopus-bibx.ris, which gives it no
// year).
func TestParseReferenceYears(t *testing.T) {
	for _, c := range []struct {
		raw  string
		year int
	}{
		{"Zhou, H., Bertram, H.N., Torabi, A.F., Mallary, M.L., Effect of intergranular exchange on thermal energy barrier distribution in longitudinal magnetic recording IEEE Trans. Magn, 37, p. 1558", 0},
		{"Smith, J., Energy outlook to 2030, International Energy Agency, Paris", 0},
		{"Kato, A., Zeger, K., On the capacity of two-dimensional runlength constrained channels (1999) Lecture Notes in Computer Science, 1540, pp. 398-416", 1999},
	} {
		if w := ParseReference(c.raw); w.Year != c.year {
			t.Errorf("%q: year %d, want %d", c.raw, w.Year, c.year)
		}
	}
}
