package refparse

import "testing"

// References whose brackets or spaces noise lost (constructed from real
// references with the edits of internal/ocrnoise).
func TestParseReferenceLostMarks(t *testing.T) {
	tests := []struct {
		in               string
		year             int
		title, container string
	}{
		// A year whose closing or opening bracket was lost.
		{"Barsbold, R., & Currie, P. J. (2000. A pygostyle from a non-avian theropod. Nature, 403(6766), 155–156.", 2000, "A pygostyle from a non-avian theropod", "Nature"},
		{"Connolly, A. 2009). Tradition and the analytical setting. Journal of Analytical Psychology, 54(1), 81–83.", 2009, "Tradition and the analytical setting", "Journal of Analytical Psychology"},
		// A space lost after the stop that ends the title.
		{"Adams, D. J. (1976). Calculating the low temperature vapour line by Monte Carlo.Molecular Physics, 32(3), 647–657.", 1976, "Calculating the low temperature vapour line by Monte Carlo", "Molecular Physics"},
		// A bracket in the title never closed.
		{"Smith, J. (2001). Effects of drugs (a review. Journal of Things, 3, 1–5.", 2001, "Effects of drugs (a review", "Journal of Things"},
		// An abbreviated source keeps its dots: no sentence ends in it.
		{"Shea, M. J. (1993). Title of the paper. Phys.Rev.B, 47, 9967.", 1993, "Title of the paper", "Phys.Rev.B"},
	}
	for _, tt := range tests {
		w := ParseReference(tt.in)
		if w.Year != tt.year || w.Title != tt.title || w.Container != tt.container {
			t.Errorf("%q:\n got year %d title %q container %q\nwant year %d title %q container %q", tt.in, w.Year, w.Title, w.Container, tt.year, tt.title, tt.container)
		}
	}
}
