package resolve

import "testing"

// TestTrailingPage: the first pages texts end with, and texts that end
// with no page. Constructed.
func TestTrailingPage(t *testing.T) {
	for text, want := range map[string]string{
		"Rossi, M. Lost Voices of the Western Front1–10.":        "1",
		"M. Rossi, Lost Voices of the Western Front (n,d.) 311.": "311",
		"M. Rossi, Lost Voices of the Western Front (2010) 27.":  "27",
		"M. Rossi, Lost Voices 38–42":                            "38",
		"Rossi, M. Lost Voices of the Western Front 2010.":       "",
		"Rossi, M. Perceptual and Motor Skills, 11(5) 47.":       "",
		"Rossi, M. Lost Voices 42–38.":                           "",
		"Rossi, M. (2010). Lost Voices.":                         "",
		// A meeting's days, from scopus-bibx.ris.
		"Weller, D., … High Ku materials approach to 100 Gbits/in2 (1999) TMRC'99, , San Diego, CA, Aug. 9-11":                                                              "",
		"Koonkarnkhai, S., … (2011) Iterative Decoding for High-density Bit-patterned Media Recording Submitted to 1-SEEC 2011 Conference, , Nakhon Pathom, December 15-18": "",
	} {
		if got := trailingPage(text); got != want {
			t.Errorf("trailingPage(%q) = %q, want %q", text, got, want)
		}
	}
}
