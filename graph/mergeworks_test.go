package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/resolve"
)

func TestMergeWorks(t *testing.T) {
	// Records A and B cite Ruffini 2017 (R) and Ruffini 2017b (R2, the same
	// book worded otherwise), Gluckman 2017 (G) and a stray work (S); B also
	// cites A.
	works := []resolve.Work{
		{ID: "A", Label: "Flink 2019", InCorpus: true},
		{ID: "B", Label: "Turekian 2018", InCorpus: true},
		{ID: "W1", Label: "Ruffini 2017a"},
		{ID: "W2", Label: "Ruffini 2017b"},
		{ID: "W3", Label: "Gluckman 2017"},
		{ID: "W4", Label: "S 2000"},
	}
	ref := func(citing, work int32) resolve.Ref { return resolve.Ref{Citing: citing, Work: work, Via: -1} }
	c := NewCorpus(&resolve.Corpus{Works: works, Records: 2, Refs: []resolve.Ref{
		ref(0, 2), ref(0, 3), ref(0, 4), ref(1, 3), ref(1, 5), ref(1, 0),
	}})
	th, err := ReadThesaurus(strings.NewReader("label\treplace by\nRuffini 2017b\tRuffini 2017a\nS 2000\t\n"), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, rl := MergeWorks(c, th)
	if rl.Replaced != 1 || rl.Merged != 1 || rl.Ignored != 1 {
		t.Errorf("replaced %d, merged %d, ignored %d; want 1, 1, 1", rl.Replaced, rl.Merged, rl.Ignored)
	}
	var labels []string
	for _, w := range m.Works {
		labels = append(labels, w.Label)
	}
	if want := []string{"Flink 2019", "Turekian 2018", "Ruffini 2017a", "Gluckman 2017"}; !slices.Equal(labels, want) {
		t.Fatalf("works %q, want %q", labels, want)
	}
	// A cites Ruffini once (two references, one work), B cites Ruffini and
	// Flink; the stray work and B's reference to it are gone.
	want := map[int32][]int32{0: {2, 3}, 1: {0, 2}}
	for u, vs := range want {
		if got := m.Citations.Out(int(u)); !slices.Equal(got, vs) {
			t.Errorf("%s cites %v, want %v", m.Works[u].Label, got, vs)
		}
	}
	if len(m.Refs) != 5 || m.Records != 2 || len(c.Works) != 6 {
		t.Errorf("%d references and %d records kept (want 5, 2); the input has %d works (want 6)", len(m.Refs), m.Records, len(c.Works))
	}

	// Merging a record into the work it cites makes no self-citation.
	th, _ = ReadThesaurus(strings.NewReader("label\treplace by\nFlink 2019\tTurekian 2018\n"), "t.txt")
	m, _ = MergeWorks(c, th)
	// The works keep their order, the renamed one joining Turekian 2018.
	if m.Works[0].Label != "Turekian 2018" || !m.Works[0].InCorpus {
		t.Errorf("first work %q (in corpus %v), want the record Turekian 2018", m.Works[0].Label, m.Works[0].InCorpus)
	}
	if got := m.Citations.Out(0); !slices.Equal(got, []int32{1, 2, 3, 4}) {
		t.Errorf("merged record cites %v, want [1 2 3 4]", got)
	}
	if same, _ := MergeWorks(c, nil); same != c {
		t.Error("no thesaurus: a new corpus")
	}
}
