package reader

import (
	"fmt"
	"strings"
	"testing"
)

// macroBomb is an @string expansion bomb: each macro ten copies of the one
// before, eleven levels (10^11 bytes expanded), then an entry using the
// last, and a plain entry.
func macroBomb() string {
	var b strings.Builder
	b.WriteString("@string{s0 = \"xxxxxxxxxx\"}\n")
	for k := 1; k <= 10; k++ {
		prev := fmt.Sprintf("s%d", k-1)
		fmt.Fprintf(&b, "@string{s%d = %s}\n", k, strings.TrimSuffix(strings.Repeat(prev+" # ", 10), " # "))
	}
	b.WriteString("@article{bomb, title = s10, year = 2020}\n@article{plain, title = {A plain entry}, year = 2021}\n")
	return b.String()
}

// TestBibTeXMacroBomb: the bomb is read within MaxExpanded: the macro that
// passes it is reported and skipped, the plain entry is read.
func TestBibTeXMacroBomb(t *testing.T) {
	text := macroBomb()
	if len(text) > 1000 {
		t.Fatalf("the bomb is %d bytes", len(text))
	}
	recs, skipped, err := readSkipping(t, FormatBibTeX, text, "bomb.bib")
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) == 0 || !strings.Contains(skipped[0].Error(), "16 MiB") || skipped[0].Line != 8 {
		t.Errorf("skipped %v, want the @string on line 8 reported past 16 MiB", skipped)
	}
	var plain bool
	for _, r := range recs {
		if len(r.Title) > MaxExpanded {
			t.Errorf("a title of %d bytes", len(r.Title))
		}
		plain = plain || r.Title == "A plain entry"
	}
	if !plain {
		t.Error("the plain entry after the bomb was not read")
	}
}
