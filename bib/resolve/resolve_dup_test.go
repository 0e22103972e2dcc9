package resolve

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// citations are the distinct citing–cited pairs the counted references
// make (what graph.NewCorpus loads), in order.
func citations(c *Corpus) [][2]int32 {
	var pairs [][2]int32
	for _, r := range c.Refs {
		if r.Match != MatchDuplicate {
			pairs = append(pairs, [2]int32{r.Citing, r.Work})
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return slices.Compact(pairs)
}

// An export given twice is the corpus of the export given once: the same
// works in the same order and the same citations; every reference of the
// second copy is a duplicate of the first copy's, joined to its work.
func TestResolveExportGivenTwice(t *testing.T) {
	for _, file := range []string{"wos-bit-pattern-savedrecs.txt", "scopus-bibx.ris"} {
		once := Resolve(readRecords(t, file))
		twice := Resolve(append(readRecords(t, file), readRecords(t, file)...))
		if len(once.Works) != len(twice.Works) || len(citations(once)) != len(citations(twice)) || len(twice.Refs) != 2*len(once.Refs) {
			t.Errorf("%s: once %d works, %d citations, %d references; twice %d, %d, %d", file,
				len(once.Works), len(citations(once)), len(once.Refs), len(twice.Works), len(citations(twice)), len(twice.Refs))
			continue
		}
		for i := range once.Works {
			if a, b := &once.Works[i], &twice.Works[i]; a.ID != b.ID || a.Label != b.Label {
				t.Fatalf("%s: work %d is %s %q once, %s %q twice", file, i, a.ID, a.Label, b.ID, b.Label)
			}
		}
		if !slices.Equal(citations(once), citations(twice)) {
			t.Errorf("%s: the citations differ", file)
		}
		dups := 0
		for i, r := range twice.Refs {
			if i >= len(once.Refs) && (r.Match != MatchDuplicate || r.Work != once.Refs[i-len(once.Refs)].Work) {
				t.Fatalf("%s: reference %d of the second copy %s to %d, want a duplicate of %d", file, i, r.Match, r.Work, once.Refs[i-len(once.Refs)].Work)
			}
			if r.Match == MatchDuplicate {
				dups++
			}
		}
		t.Logf("%s: %d works, %d citations; twice %d references, %d duplicates", file, len(once.Works), len(citations(once)), len(twice.Refs), dups)
	}
}

// The same 29 papers from Web of Science and from Scopus are 29 records,
// each citing with the references of one copy (the one with more); the
// other copy's references are duplicates, accounted for.
func TestResolveTwoDatabases(t *testing.T) {
	wos, scopus := readRecords(t, "wos-umbrella-savedrecs.txt"), readRecords(t, "scopus-umbrella.csv")
	c := Resolve(append(wos, scopus...))
	records := 0
	for i := range c.Works {
		if c.Works[i].InCorpus {
			records++
		}
	}
	given := 0
	for i := range wos {
		given += max(len(wos[i].References), len(scopus[scopusTwin(t, scopus, wos[i])].References))
	}
	counted, dups := 0, 0
	for _, r := range c.Refs {
		if r.Match == MatchDuplicate {
			dups++
		} else {
			counted++
		}
	}
	// A few more are duplicates: repeated word for word in their list.
	if records != 29 || counted > given || counted < given-5 || counted+dups != len(c.Refs) {
		t.Errorf("%d records, %d references counted (want %d less a few), %d duplicates, %d in all", records, counted, given, dups, len(c.Refs))
	}
}

// scopusTwin finds the Scopus record with the DOI of a Web of Science one.
func scopusTwin(t *testing.T, scopus []*bib.Record, w *bib.Record) int {
	for i, s := range scopus {
		if bib.DOIKey(&s.Work) == bib.DOIKey(&w.Work) {
			return i
		}
	}
	t.Fatalf("no Scopus record has DOI %s", w.DOI)
	return -1
}

// Two Web of Science records with their own UTs and titles but one DOI (a
// book and its review) are two records, also when the file is given twice;
// a reference repeated word for word in one list is one citation.
func TestResolveSharedDOI(t *testing.T) {
	for _, twice := range []bool{false, true} {
		recs := readRecords(t, "wos-shared-doi.txt")
		if twice {
			recs = append(recs, readRecords(t, "wos-shared-doi.txt")...)
		}
		c := Resolve(recs)
		records, dups := 0, 0
		for i := range c.Works {
			if c.Works[i].InCorpus {
				records++
			}
		}
		for _, r := range c.Refs {
			if r.Match == MatchDuplicate {
				dups++
			}
		}
		wantDups := 1
		if twice {
			wantDups = 1 + 5
		}
		// The review cites the book: 4 citations of 3 cited works and the book.
		if records != 2 || dups != wantDups || len(citations(c)) != 4 {
			t.Errorf("twice %v: %d records, %d duplicates, %d citations; want 2, %d, 4", twice, records, dups, len(citations(c)), wantDups)
		}
	}
}

// One database indexes a paper twice under two ids: Scopus lists
// "Lithography beyond 32nm - a role for imprint?" (Melliar-Smith 2007)
// four times, with four EIDs and no DOI; one record, its references
// counted once. A conference paper and the journal article after it
// ("Twin iterative detection…", Nguyen 2017: INTMAG and IEEE TMAG, two
// DOIs) stay two. The export holds 836 records, 822 papers.
func TestResolveIndexedTwice(t *testing.T) {
	c := Resolve(readRecords(t, "scopus-bibx.ris"))
	records := map[string]int{}
	n := 0
	for i := range c.Works {
		if w := &c.Works[i]; w.InCorpus {
			n++
			records[strings.ToLower(w.Title)]++
		}
	}
	if n != 822 || records["lithography beyond 32nm - a role for imprint?"] != 1 ||
		records["twin iterative detection for bit-patterned media recording systems"] != 2 {
		t.Errorf("%d records; Melliar-Smith 2007 is %d, Nguyen 2017 %d", n,
			records["lithography beyond 32nm - a role for imprint?"], records["twin iterative detection for bit-patterned media recording systems"])
	}
}
