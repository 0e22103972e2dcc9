package bib

import "testing"

func TestHyphenInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pierre-Bruno", "P-B"},
		{"Jean-Luc", "J-L"},
		{"J.-L.", "J-L"},
		{"J-L", "J-L"},
		{"P B", "PB"},
		{"P. B.", "PB"},
		{"Thomas P.", "TP"},
		{"ZW", "ZW"},
		{"Yan-Feng", "Y-F"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := HyphenInitials(tt.in); got != tt.want {
			t.Errorf("HyphenInitials(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Initials (normalize.go) drops the hyphen; HyphenInitials keeps it.
	if got := Initials("Pierre-Bruno"); got != "PB" {
		t.Errorf("Initials(Pierre-Bruno) = %q, want PB", got)
	}
}
