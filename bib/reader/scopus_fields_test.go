package reader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Scopus writes its references in a fixed shape, in two styles:
//
//	old (to about 2020):  Authors, Title (Year) Source, Volume (Issue), pp. X-Y
//	                      (or the page as "648p")
//	newer:                Authors, Title, Source, Volume, Issue, pp. X-Y, (Year)
//
// (the current exports separate the authors with "; " instead of ", ").
// shapeReading reads the year, volume and source of a reference in that
// shape with a few regular expressions, apart from the reader's own code:
// the truth the reader is scored against. A field it cannot tell (the
// source of a reference with neither volume nor pages) is left out of the
// score.
type shapeReading struct {
	year           int
	volume, source string
	hasSource      bool
}

var (
	shapeYearEnd  = regexp.MustCompile(`^(.*?),? ?\((1[5-9]\d\d|20\d\d)[a-z]?\)\.?$`)
	shapePages    = regexp.MustCompile(`, pp?\. [^,]+$`)
	shapeNumber   = regexp.MustCompile(`^[A-Z]?\d[\dA-Za-z]*(?:[-–/]\w+)?$`)
	shapeYearMid  = regexp.MustCompile(`\((1[5-9]\d\d|20\d\d)[a-z]?\) (.+)$`)
	shapeOldTail  = regexp.MustCompile(`^(.+?), (\d[\dA-Za-z]*(?:[-–/]\w+)?(?: [A-Z]{1,4})?)(?: \([^)]*\))?(?:, pp?\. .*|, \d+p)?$`)
	shapeOldPages = regexp.MustCompile(`^(.+?), pp?\. .*$`)
)

func readShape(raw string) (shapeReading, bool) {
	var r shapeReading
	if m := shapeYearEnd.FindStringSubmatch(raw); m != nil && !shapeYearMid.MatchString(m[1]+" ") {
		r.year, _ = strconv.Atoi(m[2])
		rest := m[1]
		pages := shapePages.MatchString(rest)
		rest = shapePages.ReplaceAllString(rest, "")
		parts := strings.Split(rest, ", ")
		n := 0
		for n < 2 && n < len(parts)-1 && shapeNumber.MatchString(parts[len(parts)-1-n]) {
			n++
		}
		if n > 0 {
			r.volume = parts[len(parts)-n]
		}
		if (n > 0 || pages) && len(parts) > n {
			r.source, r.hasSource = parts[len(parts)-1-n], true
		}
		return r, true
	}
	if m := shapeYearMid.FindStringSubmatchIndex(raw); m != nil {
		r.year, _ = strconv.Atoi(raw[m[2]:m[3]])
		right := raw[m[4]:m[5]]
		if i := strings.Index(right, ". , "); i >= 0 {
			right = right[:i]
		}
		right = strings.TrimSuffix(strings.TrimSuffix(right, ";"), ".")
		if t := shapeOldTail.FindStringSubmatch(right); t != nil {
			r.source, r.volume, r.hasSource = t[1], t[2], true
		} else if t := shapeOldPages.FindStringSubmatch(right); t != nil {
			r.source, r.hasSource = t[1], true
		}
		return r, true
	}
	return r, false
}

// fieldScore counts the references whose field the reader got right.
type fieldScore struct{ right, of int }

func (s *fieldScore) add(ok bool) {
	s.of++
	if ok {
		s.right++
	}
}

func (s fieldScore) rate() float64 {
	if s.of == 0 {
		return 1
	}
	return float64(s.right) / float64(s.of)
}

// foldSource compares sources by their letters and digits.
func foldSource(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// TestScopusReferenceFields scores the default reading of every Scopus
// export in testdata against readShape: year, volume and source right for
// at least 97% of the references in each.
func TestScopusReferenceFields(t *testing.T) {
	for _, c := range []struct {
		file   string
		format Format
	}{
		{"scopus-bibx.csv", FormatScopus},
		{"scopus-litstudy.csv", FormatScopus},
		{"scopus-litstudy-v2.csv", FormatScopus},
		{"scopus-litstudy-v2-current.csv", FormatScopus},
		{"scopus-umbrella.csv", FormatScopus},
		{"scopus-bibx.ris", FormatRIS},
	} {
		e := readExport(t, c.file, c.format)
		var year, volume, source fieldScore
		shaped, total := 0, 0
		var misses []string
		for _, rec := range e.recs {
			for _, ref := range rec.References {
				total++
				want, ok := readShape(ref.Raw)
				if !ok {
					continue
				}
				shaped++
				year.add(ref.Year == want.year)
				volume.add(ref.Volume == want.volume)
				if want.hasSource {
					got := foldSource(ref.Container) == foldSource(want.source) ||
						foldSource(ref.ContainerShort) == foldSource(want.source)
					source.add(got)
					if !got && len(misses) < 5 {
						misses = append(misses, ref.Raw+"\n\t\tsource "+strconv.Quote(ref.Container)+", want "+strconv.Quote(want.source))
					}
				}
			}
		}
		t.Logf("%s: %d references, %d in the fixed shape; year %d/%d (%.1f%%), volume %d/%d (%.1f%%), source %d/%d (%.1f%%)",
			c.file, total, shaped, year.right, year.of, 100*year.rate(), volume.right, volume.of, 100*volume.rate(),
			source.right, source.of, 100*source.rate())
		if shaped*10 < total*9 {
			t.Errorf("%s: only %d of %d references in the fixed shape", c.file, shaped, total)
		}
		for name, s := range map[string]fieldScore{"year": year, "volume": volume, "source": source} {
			if s.rate() < 0.97 {
				t.Errorf("%s: %s right for %.1f%% of references, want ≥ 97%%", c.file, name, 100*s.rate())
			}
		}
		for _, m := range misses {
			t.Logf("\t%s", m)
		}
	}
}

// TestScopusCSVCurrentStyle reads scopus-litstudy-v2-current.csv, the
// references of scopus-litstudy-v2.csv with their authors separated by
// "; " (half of them without the dots of their initials), as Scopus writes
// them since 2023. The references read are those of the original, with
// the same year, volume, source, title and number of authors, and no more
// of them are a name alone (an author-only reference): all but a few,
// where "; " is ambiguous. A reference of authors alone ("Meeder M;
// Bosina E; Weidmann U.") reads as the authors of the reference after it;
// so does one that the original itself wrote with "; " ("Ho P.A.;
// Sternberg K., …"), which then reads right.
func TestScopusCSVCurrentStyle(t *testing.T) {
	orig := readExport(t, "scopus-litstudy-v2.csv", FormatScopus)
	cur := readExport(t, "scopus-litstudy-v2-current.csv", FormatScopus)
	if len(orig.recs) != 88 || len(cur.recs) != 88 || len(cur.errs) != 0 {
		t.Fatalf("%d and %d records, %d errors", len(orig.recs), len(cur.recs), len(cur.errs))
	}
	key := func(r *bib.Reference) string {
		return fmt.Sprint(r.Year, "|", r.Volume, "|", r.Container, "|", r.Title, "|", len(r.Authors))
	}
	want := map[string]int{}
	origBare := 0
	for _, rec := range orig.recs {
		for i := range rec.References {
			want[key(&rec.References[i])]++
			if refparse.IsScopusName(rec.References[i].Raw) {
				origBare++
			}
		}
	}
	same, bare := 0, 0
	for _, rec := range cur.recs {
		for i := range rec.References {
			ref := &rec.References[i]
			if want[key(ref)] > 0 {
				want[key(ref)]--
				same++
			} else {
				t.Logf("%q: %d %q %q %q, %d authors", ref.Raw, ref.Year, ref.Volume, ref.Container, ref.Title, len(ref.Authors))
			}
			if refparse.IsScopusName(ref.Raw) {
				bare++
			}
		}
	}
	t.Logf("%d references (original %d), %d read as in the original, %d a name alone (original %d)", cur.refs(), orig.refs(), same, bare, origBare)
	if d := cur.refs() - orig.refs(); d < -5 || d > 5 || same*1000 < cur.refs()*995 || bare > origBare {
		t.Errorf("%d references (original %d), %d read as in the original, %d a name alone (original %d); want ±5, 99.5%%, no more names alone",
			cur.refs(), orig.refs(), same, bare, origBare)
	}
}
