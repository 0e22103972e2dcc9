package reader

import (
	"strings"
	"testing"
)

func TestReadYear(t *testing.T) {
	for _, c := range []struct {
		in     string
		year   int
		repair bool
	}{
		{"2020", 2020, false},
		{" 1999 ", 1999, false},
		{"", 0, false},
		{"2020x", 2020, true},
		{"2020.0", 2020, true},
		{"1e309", 0, true},
		{"n.d.", 0, true},
		{"20201", 0, true},
		{"-500", 0, true},
	} {
		year, repair := readYear(c.in)
		if year != c.year || (repair != "") != c.repair {
			t.Errorf("readYear(%q) = %d, %q; want %d, repair %v", c.in, year, repair, c.year, c.repair)
		}
	}
}

// TestYearRepairsReported: a year field that is not a year is read as its
// year or as unknown, never as its first digit, and the record says so.
func TestYearRepairsReported(t *testing.T) {
	for _, c := range []struct {
		format Format
		text   string
		year   int
	}{
		{FormatCSLJSON, `[{"id": "a", "title": "A", "issued": {"date-parts": [[1e309]]}}]`, 0},
		{FormatCSLJSON, `[{"id": "a", "title": "A", "issued": {"date-parts": [["2020x", 5]]}}]`, 2020},
		{FormatOpenAlex, `{"results": [{"id": "https://openalex.org/W1", "title": "A", "publication_year": 1e309}]}`, 0},
		{FormatWoS, "PT J\nAU Smith, J\nTI A\nPY 2020x\nUT WOS:1\nER\n", 2020},
		{FormatBibTeX, "@article{a, title = {A}, year = {2020x}}\n", 2020},
	} {
		rr, _, err := NewReader(c.format, strings.NewReader(c.text), "in")
		if err != nil {
			t.Fatal(err)
		}
		recs, err := ReadAll(rr, nil)
		if err != nil || len(recs) != 1 {
			t.Fatalf("%s: %v, %d records", c.format, err, len(recs))
		}
		if recs[0].Year != c.year || len(recs[0].Repairs) != 1 {
			t.Errorf("%s %q: year %d, repairs %+v; want %d and one repair", c.format, c.text, recs[0].Year, recs[0].Repairs, c.year)
		}
	}
}
