package graph

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/resolve"
)

// Benchmarks of LoadEdgeList on edge lists of the preferential-attachment
// citation DAG of bench/gen (20 references per work), held in memory, and
// of the record path it replaces (the edge-list reader, resolve.Resolve
// and NewCorpus):
//
//	go test ./graph -run '^$' -bench LoadEdgeList -benchtime 3x

var benchLists sync.Map // n → []byte

// benchEdgeList returns the edge list of a seeded citation DAG of n works
// (the model of bench/gen and of metrics' citationGraph).
func benchEdgeList(n int) []byte {
	if b, ok := benchLists.Load(n); ok {
		return b.([]byte)
	}
	const cites = 20
	r := rand.New(rand.NewPCG(uint64(n), 1))
	urn := make([]int32, 0, n*(cites+1))
	var chosen []int32
	var b []byte
	for i := 0; i < n; i++ {
		chosen = chosen[:0]
		for len(chosen) < min(i, cites) {
			if v := urn[r.IntN(len(urn))]; !slices.Contains(chosen, v) {
				chosen = append(chosen, v)
			}
		}
		for _, v := range chosen {
			b = append(b, 'W')
			b = strconv.AppendUint(b, 1_000_000_000+uint64(uint32(i)*2654435761), 10)
			b = append(b, ' ', 'W')
			b = strconv.AppendUint(b, 1_000_000_000+uint64(uint32(v)*2654435761), 10)
			b = append(b, '\n')
		}
		urn = append(urn, chosen...)
		urn = append(urn, int32(i))
	}
	benchLists.Store(n, b)
	return b
}

func BenchmarkLoadEdgeList(b *testing.B) {
	for _, n := range []int{20_000, 200_000} {
		data := benchEdgeList(n)
		name := "n=" + strconv.Itoa(n/1000) + "k"
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var g *Directed
			for b.Loop() {
				var err error
				if _, g, err = LoadEdgeList(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(g.Size()), "edges")
		})
		if n > 20_000 {
			continue // the record path takes seconds per 100k edges
		}
		b.Run(name+"/records-Resolve", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				rr, _, err := reader.NewReader(reader.FormatEdgeList, bytes.NewReader(data), "bench")
				if err != nil {
					b.Fatal(err)
				}
				recs, err := reader.ReadAll(rr, nil)
				if err != nil {
					b.Fatal(err)
				}
				NewCorpus(resolve.Resolve(recs))
			}
		})
	}
}

// BenchmarkLoadEdgeListShuffled: lines in random order, so the CSR needs
// its third pass.
func BenchmarkLoadEdgeListShuffled(b *testing.B) {
	const n = 200_000
	lines := bytes.SplitAfter(benchEdgeList(n), []byte("\n"))
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	data := bytes.Join(lines, nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := LoadEdgeList(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
