package refparse

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The Web of Science CR parser as it was written with regular expressions
// and strings.Fields, before it scanned by hand: the oracle that
// ParseWoSCitedReference and ParseCRName must agree with.

var (
	regexpCRVolume = regexp.MustCompile(`^V(\S+)$`)
	regexpCRPage   = regexp.MustCompile(`^(?:P|AR?TN\s*)(\S+)$`)
	regexpCRYear   = regexp.MustCompile(`^(1[5-9]\d\d|20\d\d)$`)
	regexpCRDOI    = regexp.MustCompile(`10\.\d{4,9}/[^\s,\]]+`)
)

func regexpParseWoSCitedReference(s string) bib.Work {
	w := bib.Work{Type: "article-journal"}
	rest := strings.TrimSpace(s)
	if i := strings.Index(rest, ", DOI "); i >= 0 {
		if m := regexpCRDOI.FindString(rest[i:]); m != "" {
			w.DOI = bib.NormalizeDOI(m)
		}
		rest = rest[:i]
	}
	parts := strings.Split(rest, ", ")
	i := 0
	if i < len(parts) && !regexpCRYear.MatchString(parts[i]) {
		if a := parts[i]; a != "[Anonymous]" && a != "Anonymous" && a != "" {
			w.Authors = []bib.Name{wosCRName(a, strings.Fields(a))}
		}
		i++
	}
	if i < len(parts) && regexpCRYear.MatchString(parts[i]) {
		w.Year, _ = strconv.Atoi(parts[i])
		i++
	}
	if i < len(parts) && !regexpCRVolume.MatchString(parts[i]) && !regexpCRPage.MatchString(parts[i]) {
		w.ContainerShort = parts[i]
		w.Container = parts[i]
		i++
	}
	for ; i < len(parts); i++ {
		p := parts[i]
		if m := regexpCRVolume.FindStringSubmatch(p); m != nil && w.Volume == "" {
			w.Volume = m[1]
		} else if m := regexpCRPage.FindStringSubmatch(p); m != nil && w.Pages == "" {
			w.Pages = m[1]
		}
	}
	return w
}

// crTestEntries are CR entries in shapes the exports hold and at the edges
// of the regular expressions.
var crTestEntries = []string{
	"",
	" ",
	"Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371, DOI 10.1163/1871191x-bja10028",
	"[Anonymous], 2002, NATURE, V4, PA12",
	"Anonymous, 1999, J X, ARTN 052511",
	"Kim S, 2010, APPL PHYS LETT, V96, ARTN052511, DOI DOI 10.1063/1.3293301",
	"Kim S, 2010, APPL PHYS LETT, V96, ATN 052511",
	"Kim S, 2010, APPL PHYS LETT, V96, ARTN \t 0525",
	"Kim S, 2010, APPL PHYS LETT, V96, ARTN",
	"Kim S, 2010, APPL PHYS LETT, V, P, P12 3, P7, V8",
	"Kim S, 2010, V12, P5",
	"Kim S, 2010, P5, V12",
	"Kim S, 1499, J X, V1",
	"Kim S, 2100, J X, V1",
	"2015, J X, V1",
	"*CLAR VALL COUNC, 2019, ANN REP",
	"Kohler Robert E., 2002, LANDSCAPES LABSCAPES",
	"Di Mauro C., 2018, J X, V3",
	"van der Berg Jan A., 2018, J X, V3",
	"Lewicki G. W., 1990, J X",
	"Zhang W, 2018, ACS NANO, V12, P1, DOI [10.1021/acsnano.7b1, 10.1021/x]",
	"Zhang W, 2018, ACS NANO, DOI 110.12345/a.b",
	"Zhang W, 2018, ACS NANO, DOI 10.123/too.short, 10.1234567890/too.long, 10.12345/ok",
	"Zhang W, 2018, ACS NANO, DOI 10.12345/",
	"Zhang W, 2018, ACS NANO, DOI 10.12345/]",
	"Zhang W, 2018, ACS NANO, DOI 10.12345/ä\xff,x",
	"Zhang W, 2018, ACS NANO, DOI 10.12345/a\u00a0b",
	"Ngu\u00a0Van A, 2018, J X",
	"Müller\u2003K, 2018, J X",
	"\xff\xfe, 2018, J X",
	", , , ",
	"Kim S, 2010, , V1",
}

// wosCREntries returns the CR entries of Web of Science exports: those
// named, or else every one in testdata.
func wosCREntries(t testing.TB, files ...string) []string {
	if len(files) == 0 {
		var err error
		if files, err = filepath.Glob("../../testdata/exports/wos-*.txt"); err != nil || len(files) == 0 {
			t.Fatalf("no Web of Science exports: %v", err)
		}
	}
	var entries []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inCR := false
		for line := range strings.Lines(string(data)) {
			switch {
			case strings.HasPrefix(line, "CR "):
				inCR = true
			case !strings.HasPrefix(line, "   "):
				inCR = false
			}
			if inCR {
				entries = append(entries, strings.TrimSpace(line[3:]))
			}
		}
	}
	return entries
}

// TestWoSCitedReferenceAsRegexps: the hand-written scanner reads every CR
// entry of the real exports, and the edge cases, as the regular
// expressions did.
func TestWoSCitedReferenceAsRegexps(t *testing.T) {
	entries := wosCREntries(t)
	if len(entries) < 10000 {
		t.Fatalf("%d CR entries in the exports, want the bit-patterned media export's 13,000 and more", len(entries))
	}
	for _, cr := range append(entries, crTestEntries...) {
		if got, want := ParseWoSCitedReference(cr), regexpParseWoSCitedReference(cr); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseWoSCitedReference(%q)\n = %+v\nwant %+v", cr, got, want)
		}
		if got, want := ParseCRName(cr), crName(strings.Fields(cr)); got != want {
			t.Errorf("ParseCRName(%q) = %+v, want %+v", cr, got, want)
		}
	}
}

// FuzzWoSCitedReferenceAsRegexps: as TestWoSCitedReferenceAsRegexps, on
// any text.
func FuzzWoSCitedReferenceAsRegexps(f *testing.F) {
	for _, cr := range crTestEntries {
		f.Add(cr)
	}
	f.Fuzz(func(t *testing.T, cr string) {
		if got, want := ParseWoSCitedReference(cr), regexpParseWoSCitedReference(cr); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseWoSCitedReference(%q)\n = %+v\nwant %+v", cr, got, want)
		}
		if got, want := ParseCRName(cr), crName(strings.Fields(cr)); got != want {
			t.Errorf("ParseCRName(%q) = %+v, want %+v", cr, got, want)
		}
		want := regexpCRDOI.FindStringIndex(cr)
		if want == nil {
			want = []int{-1, -1}
		}
		if start, end := doiSpan(cr); start != want[0] || end != want[1] {
			t.Errorf("doiSpan(%q) = %d, %d, want %v", cr, start, end, want)
		}
	})
}

// BenchmarkParseWoSCitedReference parses every CR entry of the exports in
// testdata, by hand and with the regular expressions.
func BenchmarkParseWoSCitedReference(b *testing.B) {
	entries := wosCREntries(b)
	for _, parser := range []struct {
		name  string
		parse func(string) bib.Work
	}{{"scan", ParseWoSCitedReference}, {"regexp", regexpParseWoSCitedReference}} {
		b.Run(parser.name, func(b *testing.B) {
			for b.Loop() {
				for _, cr := range entries {
					parser.parse(cr)
				}
			}
		})
	}
}
