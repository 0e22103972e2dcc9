package resolve

import (
	"fmt"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// TestResolveFillsNewWorksInInputOrder: enough new works that they are
// written on every core (writeNewWorks), numbered in order of first
// appearance among works named by id, each from its first reference with
// its gaps filled by its first later reference that has the field.
func TestResolveFillsNewWorksInInputOrder(t *testing.T) {
	const n = 2500
	word := func(j int) string { // a word of letters only, distinct for each j
		b := []byte{'Q'}
		for ; j > 0 || len(b) == 1; j /= 26 {
			b = append(b, byte('a'+j%26))
		}
		return string(b)
	}
	cite := func(j int, publisher string) bib.Reference {
		return bib.Reference{
			Raw: fmt.Sprintf("work %d %s", j, publisher),
			Work: bib.Work{
				Authors:   []bib.Name{{Family: word(j), Given: "A"}},
				Year:      1990 + j%30,
				Title:     "Essays on " + word(3*j+1) + " and " + word(5*j+2),
				Container: "Journal of " + word(j),
				Publisher: publisher,
			},
		}
	}
	records := make([]*bib.Record, 3)
	for r, publisher := range []string{"", "First Press", "Second Press"} {
		rec := &bib.Record{ID: fmt.Sprintf("R%d", r), Work: bib.Work{Title: "Citing " + word(r), Year: 2025}}
		for j := range n {
			if r == 0 { // a work named by id between the new ones
				rec.References = append(rec.References, bib.Reference{Raw: fmt.Sprintf("id %d", j), ID: fmt.Sprintf("id-%d", j)})
			}
			rec.References = append(rec.References, cite(j, publisher))
		}
		records[r] = rec
	}
	c := Resolve(records)
	if len(c.Works) != 3+2*n {
		t.Fatalf("%d works, want %d", len(c.Works), 3+2*n)
	}
	for j := range n {
		byID, first := c.Refs[2*j], c.Refs[2*j+1]
		if byID.Work != int32(3+2*j) || first.Work != int32(4+2*j) || first.Match != MatchNew {
			t.Fatalf("work %d: references resolved to works %d and %d (%s), want %d and %d (new)", j, byID.Work, first.Work, first.Match, 3+2*j, 4+2*j)
		}
		for r := 1; r < 3; r++ {
			if got := c.Refs[2*n+(r-1)*n+j].Work; got != first.Work {
				t.Fatalf("work %d: record %d's reference resolved to work %d, want %d", j, r, got, first.Work)
			}
		}
		w := c.Works[first.Work]
		if want := cite(j, "").Title; w.Title != want || w.Publisher != "First Press" {
			t.Fatalf("work %d: title %q, publisher %q; want %q, %q", j, w.Title, w.Publisher, want, "First Press")
		}
	}
}
