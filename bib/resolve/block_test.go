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

// TestBlockKeysSourceWord: a reference that names only its source and
// year, the source's words run together and misspelt by noise, shares a
// key with the full reference through a word the noise left whole, with
// the year; its source's initials differ. Constructed after the noisy
// copies of the Crossref styles set.
func TestBlockKeysSourceWord(t *testing.T) {
	a := bib.Work{Year: 1989, Title: "A study of dental caries", Container: "The Journal of the Kyushu Dental Society", Volume: "43", Pages: "2"}
	b := bib.Work{Year: 1989, Container: "The Journalof the KyusshuDental Society"}
	tok := newTokens()
	pa := newProfile(tok, "", &a, "A study of dental caries. The Journal of the Kyushu Dental Society, 43(6), 2.")
	pb := newProfile(tok, "", &b, ". . The Journalof the KyusshuDental Society.1989.")
	m := &matcher{tok: tok}
	ka, kb := m.blockKeys(&pa, nil), m.blockKeys(&pb, nil)
	shared := false
	for _, k := range ka {
		for _, l := range kb {
			shared = shared || k == l && k>>56 == keySourceWord
		}
	}
	if !shared {
		t.Errorf("no source word key shared: %v / %v", pa.src, pb.src)
	}
	// Another year is another key.
	b.Year = 1990
	pb = newProfile(tok, "", &b, ". . The Journalof the KyusshuDental Society.1990.")
	for _, k := range m.blockKeys(&pb, nil) {
		for _, l := range ka {
			if k == l && k>>56 == keySourceWord {
				t.Error("a source word key shared across years")
			}
		}
	}
}
