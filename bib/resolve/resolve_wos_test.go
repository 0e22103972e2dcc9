package resolve

import (
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/refparse"
)

// readRecords reads a testdata export.
func readRecords(t *testing.T, name string) []*bib.Record {
	t.Helper()
	f, err := os.Open("../../testdata/exports/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rr, _, err := reader.NewReader("", f, name)
	if err != nil {
		t.Fatal(err)
	}
	records, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// Web of Science CR entries name their work by author, year and source
// alone when they give no volume or page: such a work has no title (it
// used to get the raw entry as title: 1,439 works of the bit-pattern
// sample, 628 of the Umbrella-Review export), and its label is its author's family name and year,
// also for the full names of newer entries ("Connelly Elizabeth B., 2017,
// …", wos-umbrella-savedrecs.txt) and for "[Anonymous]" ones (the source).
func TestResolveWoSCitedWorks(t *testing.T) {
	for _, file := range []string{"wos-bit-pattern-savedrecs.txt", "wos-umbrella-savedrecs.txt"} {
		c := Resolve(readRecords(t, file))
		raws := map[string]bool{}
		for _, r := range c.Refs {
			raws[r.Raw] = true
		}
		titled := 0
		for i := range c.Works {
			if w := &c.Works[i]; !w.InCorpus && raws[w.Title] {
				titled++
			}
		}
		if titled != 0 {
			t.Errorf("%s: %d works titled with their raw CR entry", file, titled)
		}
	}
	c := Resolve(readRecords(t, "wos-umbrella-savedrecs.txt"))
	want := map[string]string{
		"Connelly Elizabeth B., 2017, Environment Systems & Decisions, V37, P46, DOI 10.1007/s10669-017-9634-9":         "Connelly 2017",
		"Hynes William, 2020, Environment Systems & Decisions, V40, P174, DOI 10.1007/s10669-020-09776-x":               "Hynes 2020",
		"Di Mauro C., 2010, International Journal of Critical Infrastructures, V6, P277, DOI 10.1504/IJCIS.2010.033340": "Di Mauro 2010",
		"[Anonymous], 2001, PANARCHY UNDERSTANDI": "PANARCHY UNDERSTANDI 2001",
	}
	found := 0
	for _, r := range c.Refs {
		label, ok := want[r.Raw]
		if !ok {
			continue
		}
		found++
		if got := c.Works[r.Work].Label; strings.TrimRight(got, "abcdefghij") != label {
			t.Errorf("%q: label %q, want %q", r.Raw, got, label)
		}
	}
	if found < len(want) {
		t.Errorf("found %d of the %d references", found, len(want))
	}
	// A full name, and a corporate author marked "*", give clean labels.
	works := []Work{
		{Work: refparse.ParseWoSCitedReference("Kohler Robert E., 2002, LANDSCAPES LABSCAPES")},
		{Work: refparse.ParseWoSCitedReference("*CLAR VALL COUNC, 2018, CLAR VALL CLIM CHANG")},
	}
	assignLabels(works)
	if works[0].Label != "Kohler 2002" || works[1].Label != "CLAR VALL COUNC 2018" {
		t.Errorf("labels %q, %q", works[0].Label, works[1].Label)
	}
}
