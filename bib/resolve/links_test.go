package resolve

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// linkRegexp is what dropLinks reads by hand.
var linkRegexp = regexp.MustCompile(`(?i)(?:https?://|www\.)\S+|\bdoi:?\s*10\.\d{3,9}/\S+|\b10\.\d{4,9}/\S+`)

// TestDropLinksAsRegexp compares dropLinks with the regular expression on
// the lines of the real exports in testdata and on seeded random strings
// made of the pieces links are made of.
func TestDropLinksAsRegexp(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := dropLinks(s), linkRegexp.ReplaceAllString(s, " "); got != want {
			t.Fatalf("dropLinks(%q)\n = %q\nwant %q", s, got, want)
		}
	}
	for _, s := range []string{
		"", "10.1000/x", "DOI 10.1021/ja01234a001", "doi:10.1038/nature01234.", "xdoi:10.1234/y",
		"see https://doi.org/10.1/x and www.example.org.", "HTTPS://A", "http:/x", "https ://x",
		"10.123/x", "10.1234567890/x", "a10.1234/x", "_10.1234/x", "doi 10.12/x", "DOI:\t10.123/x y",
		"www.", "www. x", "Http://", "10.1234/", "10.1234/ x", "doi:", "Ruffini PB, 2017, SCI DIPLOMACY",
	} {
		check(s)
	}
	exports, _ := filepath.Glob("../../testdata/exports/*")
	if len(exports) == 0 {
		t.Fatal("no exports in testdata/exports")
	}
	for _, name := range exports {
		if info, err := os.Stat(name); err != nil || info.IsDir() {
			continue // the golden folder
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			check(line)
		}
	}
	pieces := []string{"http", "HTTP", "s", "S", "://", ":/", "www", "WWW", ".", "doi", "DOI", "Doi", ":",
		" ", "\t", "\n", "10", "1", "0", "12", "123", "4567", "89", "/", "x", "_", "-", "é", "a", "(", ")", ","}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}
