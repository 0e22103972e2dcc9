package graph_test

import (
	"fmt"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/graph"
)

// Resolve references to works, load the citation graph and build its
// co-citation network: two papers citing the same two works, written
// differently.
func ExampleNewCorpus() {
	a := &bib.Record{ID: "A", References: []bib.Reference{
		{Raw: "Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371", Work: refparse.ParseWoSCitedReference("Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371")},
		{Raw: "Legrand T, 2018, BRIT POLIT, V13, P392", Work: refparse.ParseWoSCitedReference("Legrand T, 2018, BRIT POLIT, V13, P392")},
	}}
	b := &bib.Record{ID: "B", References: []bib.Reference{
		{Raw: "r1", Work: refparse.ParseReference("Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.")},
		{Raw: "r2", Work: refparse.ParseReference("Legrand T, Stone D. Science diplomacy and transnational governance impact. British Politics, 2018, 13(3): 392-408.")},
	}}
	c := graph.NewCorpus(resolve.Resolve([]*bib.Record{a, b}))
	for i, w := range c.Works {
		fmt.Println(w.ID, w.Label, "cited", c.Citations.InDegree(i), "times")
	}
	cocited := graph.CoCitation(c.Citations, 1)
	for _, e := range cocited.Edges() {
		fmt.Println(c.Works[cocited.Members[e.A]].Label, "–", c.Works[cocited.Members[e.B]].Label, e.Weight)
	}
	// Output:
	// A A cited 0 times
	// B B cited 0 times
	// W1 Ruffini 2020 cited 2 times
	// W2 Legrand 2018 cited 2 times
	// Ruffini 2020 – Legrand 2018 2
}
