package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// Constructed after the noisy copies of the Crossref styles set: texts
// whose first names noise or the parser changed still share a block key.
func TestBlockKeysNearAuthor(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b       bib.Work
		rawA, rawB string
	}{
		{
			// A name of three letters, parsed on one side only: its
			// key with the year.
			"three letters",
			bib.Work{Year: 2017, Pages: "1"},
			bib.Work{Year: 2017, Title: "The Roles of Input Matrix", Authors: []bib.Name{{Family: "Hou", Given: "Baoyu"}}, Pages: "1-1"},
			"B. Hou X. Li, G. Chen, IEEE Transactions on Control of NetworK Systems (2017) 1.",
			"Hou, Baoyu. The Roles of Input Matrix and Nodal Dynamlcs in Network Controllability. IEEE Transactions on Control of Network Sysemss. 2017. . . 1-1",
		},
		{
			// No year: the misspelt name with the first page.
			"no year",
			bib.Work{Authors: []bib.Name{{Family: "Horscurgh", Given: "J."}}, Pages: "413–419"},
			bib.Work{Authors: []bib.Name{{Family: "Horsburgh", Given: "James"}}, Pages: "413-419"},
			"Horscurgh, J. Directions for Sailing tn and from the East Inies, China 413–419.",
			"Horsburgh. James. Directions for 5oiling fro China. . . . 413-419",
		},
	} {
		tok := newTokens()
		a := newProfile(tok, "", &tc.a, tc.rawA)
		b := newProfile(tok, "", &tc.b, tc.rawB)
		m := &matcher{tok: tok}
		ka := m.blockKeys(&a, nil)
		kb := m.blockKeys(&b, nil)
		shared := false
		for _, k := range ka {
			for _, l := range kb {
				shared = shared || k == l && k>>56 == keyNearAuthor
			}
		}
		if !shared {
			t.Errorf("%s: no near-author key shared", tc.name)
		}
	}
}
