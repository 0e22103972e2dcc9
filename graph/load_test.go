package graph

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// loadString loads s with the given read block size.
func loadString(t *testing.T, s string, block int) ([]string, *Directed, error) {
	t.Helper()
	old := readBlock
	readBlock = block
	defer func() { readBlock = old }()
	return LoadEdgeList(strings.NewReader(s))
}

// edgesByID lists g's edges as "citing cited" id pairs, sorted.
func edgesByID(names []string, g *Directed) []string {
	var es []string
	for _, e := range g.Edges() {
		es = append(es, names[e.From]+" "+names[e.To])
	}
	slices.Sort(es)
	return es
}

func TestLoadEdgeListSyntax(t *testing.T) {
	in := "\ufeff# a comment\r\n" +
		"a b\n" +
		"  a\tc  # trailing comment\n" +
		"\n" +
		"b c\r\n" +
		"a b\n" + // duplicate
		"d d\r" + // self-loop, bare CR line end
		"e\u00a0b\u3000\n" + // Unicode spaces separate ids
		"é\u2003a" // no final line end
	for _, block := range []int{1, 2, 3, 5, 64, 1 << 20} {
		names, g, err := loadString(t, in, block)
		if err != nil {
			t.Fatalf("block %d: %v", block, err)
		}
		if want := []string{"a", "b", "c", "d", "e", "é"}; !slices.Equal(names, want) {
			t.Fatalf("block %d: ids %q, want %q", block, names, want)
		}
		want := []string{"a b", "a c", "b c", "d d", "e b", "é a"}
		if got := edgesByID(names, g); !slices.Equal(got, want) {
			t.Fatalf("block %d: edges %q, want %q", block, got, want)
		}
		if got := g.SelfLoops(); !slices.Equal(got, []int32{3}) {
			t.Errorf("block %d: self-loops %v", block, got)
		}
	}
}

func TestLoadEdgeListErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		line   int
		fields string
	}{
		{"a b\nb c d\n", 2, "got 3 fields"},
		{"a b\r\n\r\nc\r\n", 3, "got 1 fields"},
		{"a b\rb\rc d", 2, "got 1 fields"},
		{"# x\na b c # d e\n", 2, "got 3 fields"},
	} {
		for _, block := range []int{1, 4, 1 << 20} {
			_, _, err := loadString(t, tc.in, block)
			var pe *bib.ParseError
			if !errors.As(err, &pe) || pe.Line != tc.line || !errors.Is(err, bib.ErrSyntax) || !strings.Contains(err.Error(), tc.fields) {
				t.Errorf("%q block %d: error %v, want line %d %s", tc.in, block, err, tc.line, tc.fields)
			}
		}
	}
}

func TestLoadEdgeListNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "edges.txt")
	if err := os.WriteFile(path, []byte("a b\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = LoadEdgeList(f)
	if err == nil || err.Error() != path+":2: syntax error: want \"citing cited\", got 1 fields" {
		t.Errorf("error %v", err)
	}
}

func TestEdgeListLoaderLenient(t *testing.T) {
	var l EdgeListLoader
	var problems []string
	l.OnError = func(pe *bib.ParseError) { problems = append(problems, pe.Error()) }
	if err := l.Read(strings.NewReader("a b\nx\nb \xffc\n"), "one"); err != nil {
		t.Fatal(err)
	}
	if err := l.Read(strings.NewReader("b \xfec\n\nc a\n1 2 3\n"), "two"); err != nil {
		t.Fatal(err)
	}
	names, g := l.Graph()
	if want := []string{"a", "b", "\ufffdc", "c"}; !slices.Equal(names, want) {
		t.Errorf("ids %q, want %q", names, want)
	}
	if got, want := edgesByID(names, g), []string{"a b", "b \ufffdc", "c a"}; !slices.Equal(got, want) {
		t.Errorf("edges %q, want %q", got, want)
	}
	want := []string{
		`one:2: syntax error: want "citing cited", got 1 fields`,
		`one:3: bytes that are not UTF-8 (give the file's encoding with --encoding)`,
		`two:1: bytes that are not UTF-8 (give the file's encoding with --encoding)`,
		`two:4: syntax error: want "citing cited", got 3 fields`,
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems\n%q\nwant\n%q", problems, want)
	}
}

func TestLoadEdgeListStrictUTF8(t *testing.T) {
	_, _, err := LoadEdgeList(strings.NewReader("a b\nb c\xff\n"))
	var pe *bib.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !errors.Is(err, ErrNotUTF8) {
		t.Errorf("error %v, want line 2 not UTF-8", err)
	}
}

func TestLoadEdgeListEmpty(t *testing.T) {
	for _, in := range []string{"", "\n# nothing\n", "\ufeff"} {
		names, g, err := LoadEdgeList(strings.NewReader(in))
		if err != nil || len(names) != 0 || g.Order() != 0 || g.Size() != 0 {
			t.Errorf("%q: %d ids, %v, %v", in, len(names), g, err)
		}
	}
}

// TestLoadEdgeListLongLines: lines longer than the read block grow it.
func TestLoadEdgeListLongLines(t *testing.T) {
	long := strings.Repeat("x", 100)
	names, g, err := loadString(t, long+" y\ny "+long+"1\n", 16)
	if err != nil || len(names) != 3 || names[0] != long || names[2] != long+"1" || g.Size() != 2 {
		t.Fatalf("%d ids %v", len(names), err)
	}
}

// TestLoadEdgeListAgreesWithNewDirected loads random edge lists, in order
// and shuffled, with duplicates and self-loops, and compares with
// NewDirected on the same edges.
func TestLoadEdgeListAgreesWithNewDirected(t *testing.T) {
	for _, procs := range []int{1, 2, 3, 4} {
		t.Run(fmt.Sprintf("procs=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			old := parallelMinEdges
			parallelMinEdges = 0
			defer func() { parallelMinEdges = old }()
			checkLoadAgainstNewDirected(t)
		})
	}
}

func checkLoadAgainstNewDirected(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 30, 500} {
		for _, shuffled := range []bool{false, true} {
			var edges []Edge
			for u := 0; u < n; u++ {
				for range rng.IntN(8) {
					edges = append(edges, Edge{int32(u), int32(rng.IntN(n))})
				}
			}
			if shuffled {
				rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
			}
			var b bytes.Buffer
			for _, e := range edges {
				fmt.Fprintf(&b, "n%d\tn%d\n", e.From, e.To)
			}
			names, g, err := LoadEdgeList(&b)
			if err != nil {
				t.Fatal(err)
			}
			// The loader numbers ids by first appearance: map back.
			node := map[string]int32{}
			for i, s := range names {
				node[s] = int32(i)
			}
			var mapped []Edge
			for _, e := range edges {
				mapped = append(mapped, Edge{node[fmt.Sprintf("n%d", e.From)], node[fmt.Sprintf("n%d", e.To)]})
			}
			want := NewDirected(len(names), mapped)
			if g.Order() != want.Order() || g.Size() != want.Size() {
				t.Fatalf("n=%d shuffled=%v: order %d size %d, want %d %d", n, shuffled, g.Order(), g.Size(), want.Order(), want.Size())
			}
			for u := 0; u < g.Order(); u++ {
				if !slices.Equal(g.Out(u), want.Out(u)) || !slices.Equal(g.In(u), want.In(u)) {
					t.Fatalf("n=%d shuffled=%v: node %d: out %v in %v, want %v %v", n, shuffled, u, g.Out(u), g.In(u), want.Out(u), want.In(u))
				}
			}
		}
	}
}

// TestUndirectedOfAgreesWithNewUndirected: forgetting direction equals
// NewUndirected on the same edges with unit weights.
func TestUndirectedOfAgreesWithNewUndirected(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 3, 40, 300} {
		var edges []Edge
		for range 5 * n {
			edges = append(edges, Edge{int32(rng.IntN(n)), int32(rng.IntN(n))})
		}
		g := NewDirected(n, edges)
		var wes []WeightedEdge
		for _, e := range g.Edges() {
			wes = append(wes, WeightedEdge{e.From, e.To, 1})
		}
		got, want := UndirectedOf(g), NewUndirected(n, wes)
		for u := 0; u < n; u++ {
			a, wa := got.Neighbors(u)
			b, wb := want.Neighbors(u)
			if !slices.Equal(a, b) || !slices.Equal(wa, wb) {
				t.Fatalf("n=%d node %d: %v %v, want %v %v", n, u, a, wa, b, wb)
			}
		}
	}
}
