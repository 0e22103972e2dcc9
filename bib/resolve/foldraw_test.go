package resolve

import (
	"strings"
	"testing"
)

// TestFoldRaw: the one-pass fold equals its definition, strings.ToLower of
// the words joined by single spaces, closing punctuation trimmed, on
// spacing, case, non-ASCII letters, invalid UTF-8 and punctuation alone,
// appended to an empty buffer or after other bytes.
func TestFoldRaw(t *testing.T) {
	for _, raw := range []string{
		"", "   ", " . ", "Ruffini PB, 2017, SCI DIPL NEW DAY.",
		"  Kohler\tRobert E.,\n2002 ;", "ÉCOLE  Müller  İstanbul ΣΟΦΙΑ.,;",
		"a\u00a0b\u2003c\u0085d", "bad \xff byte\xfe.", ".,;", "x . , ;  ", "ǅ ǈ ǋ",
	} {
		want := strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(raw), " ")), " .,;")
		if got := string(appendFolded(nil, raw)); got != want {
			t.Errorf("appendFolded(nil, %q) = %q, want %q", raw, got, want)
		}
		if got := string(appendFolded([]byte("x. "), raw)); got != "x. "+want {
			t.Errorf("appendFolded(%q, %q) = %q, want %q", "x. ", raw, got, "x. "+want)
		}
	}
}
