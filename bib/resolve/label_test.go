package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestLabels(t *testing.T) {
	works := []Work{
		{Work: bib.Work{Authors: []bib.Name{{Family: "Ruffini", Given: "P.-B."}}, Year: 2020}},
		{Work: bib.Work{Authors: []bib.Name{{Family: "Ruffini", Given: "P.-B."}}, Year: 2020}},
		{Work: bib.Work{Title: "Science diplomacy in the new era of great power competition", Year: 2021}},
		// Crossref's DOI-only references (crossref-work-orglett.json) and
		// OpenAlex's referenced_works are known by their identifiers alone.
		{Work: bib.Work{DOI: "10.1002/anie.201813143"}, ID: "W2"},
		{Work: bib.Work{}, ID: "W81428425"},
		{Work: bib.Work{DOI: "10.1126/science.aat5883", Year: 2018}, ID: "W4"},
	}
	assignLabels(works)
	for i, want := range []string{
		"Ruffini 2020a", "Ruffini 2020b", "Science diplomacy in the new… 2021",
		"10.1002/anie.201813143", "W81428425", "10.1126/science.aat5883 2018",
	} {
		if works[i].Label != want {
			t.Errorf("work %d: label %q, want %q", i, works[i].Label, want)
		}
	}
}
