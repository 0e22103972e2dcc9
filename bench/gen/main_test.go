package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// TestDAGShape: the DAG is reproducible, and work i cites min(i, refs)
// distinct earlier works.
func TestDAGShape(t *testing.T) {
	const n, refs = 500, 7
	gen := func() []byte {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		if works, edges := writeDAG(w, n, refs, 3); works != n || edges != n*refs-refs*(refs+1)/2 {
			t.Fatalf("%d works, %d edges", works, edges)
		}
		w.Flush()
		return b.Bytes()
	}
	out := gen()
	if !bytes.Equal(out, gen()) {
		t.Fatal("two runs with one seed differ")
	}
	index := map[string]int{}
	for i := range n {
		index[string(workID(nil, i))] = i
	}
	if len(index) != n {
		t.Fatal("work ids collide")
	}
	cites := map[int]map[int]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		f := strings.Fields(line)
		u, ok1 := index[f[0]]
		v, ok2 := index[f[1]]
		if len(f) != 2 || !ok1 || !ok2 || v >= u || cites[u][v] {
			t.Fatalf("line %q: not a new citation of an earlier work", line)
		}
		if cites[u] == nil {
			cites[u] = map[int]bool{}
		}
		cites[u][v] = true
	}
	for u := 1; u < n; u++ {
		if len(cites[u]) != min(u, refs) {
			t.Fatalf("work %d cites %d works", u, len(cites[u]))
		}
	}
}

// TestCorpusShape: every record cites refs distinct works.
func TestCorpusShape(t *testing.T) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	_, edges := writeCorpus(w, 300, 10, 0.3, 1)
	w.Flush()
	if edges != 3000 {
		t.Fatalf("%d edges", edges)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if seen[line] || !strings.HasPrefix(line, "R") {
			t.Fatalf("line %q repeated or malformed", line)
		}
		seen[line] = true
	}
}
