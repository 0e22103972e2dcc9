package bib

import (
	"testing"
	"unicode/utf8"
)

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

// FirstInitial is the first rune of Initials, found without making them.
func TestFirstInitial(t *testing.T) {
	tests := []struct {
		given string
		want  string // "" for none
	}{
		{"Pierre-Bruno", "P"}, {"P B", "P"}, {"ZW", "Z"}, {"Thomas P.", "T"}, {"thomas", "T"},
		{"ABCDE", "A"}, {"ÉRIC", "É"}, {"éric", "É"}, {"ǆemal", "Ǆ"}, {"‐j", "J"}, {" .-", ""}, {"", ""},
		{"\xffJ", "\uFFFD"}, {"\x00", "\x00"},
	}
	for _, tt := range tests {
		r, ok := FirstInitial(tt.given)
		got := ""
		if ok {
			got = string(r)
		}
		if got != tt.want {
			t.Errorf("FirstInitial(%q) = %q, want %q", tt.given, got, tt.want)
		}
		want := ""
		if in := Initials(tt.given); in != "" {
			r, _ := utf8.DecodeRuneInString(in)
			want = string(r)
		}
		if got != want {
			t.Errorf("FirstInitial(%q) = %q, first of Initials %q", tt.given, got, want)
		}
	}
}
