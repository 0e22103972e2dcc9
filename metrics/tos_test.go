package metrics

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// cites builds a citation graph over named nodes from "citing cited" pairs.
func cites(names []string, pairs ...[2]string) *graph.Directed {
	id := map[string]int32{}
	for i, n := range names {
		id[n] = int32(i)
	}
	var es []graph.Edge
	for _, p := range pairs {
		es = append(es, graph.Edge{From: id[p[0]], To: id[p[1]]})
	}
	return graph.NewDirected(len(names), es)
}

// TestTreeOfScienceToy is python-bibx's own test (tests/algorithms/test_sap.py)
// on its toy graph, a, b, c → d → e, f, g, all of 2000, run through the
// roles alone (its test skips the cleaning, which would drop e, f and g,
// cited once and citing nothing). By hand: e, f, g are roots of score 1
// (one citation each); d has 3 paths to them, and so have a, b and c, the
// leaves (score 3); RawSAP(d) = 3, ElaborateSAP(d) = 9 (three leaves of
// 3), LeafConnections(d) = RootConnections(d) = 3, so SAP(d) = 3·3 + 3·9 =
// 36 and d is the trunk; SAP(a) = 1·3 + 3·3 = 12, SAP(e) = 3·1 + 1·9 = 12.
func TestTreeOfScienceToy(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e", "f", "g"}
	g := cites(names, [2]string{"a", "d"}, [2]string{"b", "d"}, [2]string{"c", "d"}, [2]string{"d", "e"}, [2]string{"d", "f"}, [2]string{"d", "g"})
	r := newTreeOfScienceResult(g.Order())
	for i := range r.Kept {
		r.Kept[i] = true
	}
	year := []int{2000, 2000, 2000, 2000, 2000, 2000, 2000}
	r.roles(g, year, DefaultTreeOfScienceOptions())
	want := map[string][3]float64{ // root, trunk, leaf
		"a": {0, 0, 3}, "b": {0, 0, 3}, "c": {0, 0, 3}, "d": {0, 36, 0}, "e": {1, 0, 0}, "f": {1, 0, 0}, "g": {1, 0, 0},
	}
	for i, n := range names {
		if got := [3]float64{r.Root[i], r.Trunk[i], r.Leaf[i]}; got != want[n] {
			t.Errorf("%s: root, trunk, leaf %v, want %v", n, got, want[n])
		}
	}
	if r.SAP[0] != 12 || r.SAP[4] != 12 || r.SAP[3] != 36 {
		t.Errorf("SAP a %v, d %v, e %v; want 12, 36, 12", r.SAP[0], r.SAP[3], r.SAP[4])
	}
}

// TestTreeOfScienceHandComputed runs the whole algorithm, cleaning
// included, on a graph built to exercise each step:
//
//	T → R1, R2;  U → R1, T, U (self);  L1 → T, U, C1;  L2 → U, R2;
//	L3 → T, U;  X → Z, R2;  C1 ⇄ C2, both → R1;  P → Q (apart).
//
// Cleaning keeps the component of 11 works (P, Q out), drops the
// self-citation and Z (cited once, citing nothing), and the loop C1 ⇄ C2.
// Roots R1 (4 citations: T, U, C1, C2) and R2 (3: T, L2, X). Paths to the
// roots and RawSAP: T 2 and 4+3 = 7, U 3 and 4+7 = 11, C1 and C2 1 and 4,
// L1 6 and 22, L2 4 and 14, L3 5 and 18, X 1 and 3. Uncited works L1 (6
// paths, 2020), L2 (4, 2019), L3 (5, 2010), X (1), C2 (1): at least 3 paths
// leaves L1, L2, L3, and L3 is more than 7 years older than 2020, so the
// leaves are L1 (6) and L2 (4). From the leaves: U gets 6+4 = 10 over 2
// paths, T 10+6 = 16 over 3, C1 6 over 1. SAP: T 3·7 + 2·16 = 53, U 2·11 +
// 3·10 = 52, C1 1·4 + 1·6 = 10, C2, L3 and X 0. With two trunk places, T and
// U are the trunk.
func TestTreeOfScienceHandComputed(t *testing.T) {
	names := []string{"R1", "R2", "T", "U", "L1", "L2", "L3", "X", "Z", "C1", "C2", "P", "Q"}
	year := []int{1990, 1995, 2005, 2008, 2020, 2019, 2010, 2020, 1999, 2000, 2001, 2015, 2014}
	g := cites(names,
		[2]string{"T", "R1"}, [2]string{"T", "R2"}, [2]string{"U", "R1"}, [2]string{"U", "T"}, [2]string{"U", "U"},
		[2]string{"L1", "T"}, [2]string{"L1", "U"}, [2]string{"L1", "C1"}, [2]string{"L2", "U"}, [2]string{"L2", "R2"},
		[2]string{"L3", "T"}, [2]string{"L3", "U"}, [2]string{"X", "Z"}, [2]string{"X", "R2"},
		[2]string{"C1", "C2"}, [2]string{"C2", "C1"}, [2]string{"C1", "R1"}, [2]string{"C2", "R1"}, [2]string{"P", "Q"})
	opts := DefaultTreeOfScienceOptions()
	opts.MaxTrunk = 2
	r := TreeOfScience(g, year, opts)
	type want struct {
		kept                   bool
		root, trunk, leaf, sap float64
	}
	wants := map[string]want{
		"R1": {true, 4, 0, 0, 6*4 + 1*32}, "R2": {true, 3, 0, 0, 4*3 + 1*20},
		"T": {true, 0, 53, 0, 53}, "U": {true, 0, 52, 0, 52},
		"L1": {true, 0, 0, 6, 1*22 + 6*6}, "L2": {true, 0, 0, 4, 1*14 + 4*4},
		"L3": {true, 0, 0, 0, 0}, "X": {true, 0, 0, 0, 0}, "Z": {false, 0, 0, 0, 0},
		"C1": {true, 0, 0, 0, 10}, "C2": {true, 0, 0, 0, 0}, "P": {false, 0, 0, 0, 0}, "Q": {false, 0, 0, 0, 0},
	}
	for i, n := range names {
		got := want{r.Kept[i], r.Root[i], r.Trunk[i], r.Leaf[i], r.SAP[i]}
		if got != wants[n] {
			t.Errorf("%s: %+v, want %+v", n, got, wants[n])
		}
	}
	if r.LeafFallback {
		t.Error("leaf fallback reported though L1 and L2 pass the filters")
	}
	opts.MaxTrunk = 20
	if r := TreeOfScience(g, year, opts); r.Trunk[9] != 10 {
		t.Errorf("with 20 trunk places C1's trunk score is %v, want 10", r.Trunk[9])
	}
	opts.MaxLeafAge = 10
	if r := TreeOfScience(g, year, opts); r.Leaf[6] != 5 {
		t.Errorf("with leaves up to 10 years old L3's leaf score is %v, want 5", r.Leaf[6])
	}
}

// TestTreeOfScienceLeafFallback: A → C, B → C. No uncited work has 3 paths
// to the root C, so every uncited work is a candidate leaf, as in
// python-bibx.
func TestTreeOfScienceLeafFallback(t *testing.T) {
	g := cites([]string{"A", "B", "C"}, [2]string{"A", "C"}, [2]string{"B", "C"})
	r := TreeOfScience(g, []int{2020, 2021, 2000}, DefaultTreeOfScienceOptions())
	if !r.LeafFallback || r.Leaf[0] != 1 || r.Leaf[1] != 1 || r.Root[2] != 2 || r.Trunk[0]+r.Trunk[1]+r.Trunk[2] != 0 {
		t.Errorf("fallback %v, leaves %v, roots %v, trunk %v", r.LeafFallback, r.Leaf, r.Root, r.Trunk)
	}
}
