// Command gen writes seeded synthetic citation data as edge lists
// ("citing cited" per line) for the benchmarks in bench/.
//
// The default is a citation DAG grown by preferential attachment: works
// arrive one at a time and each cites -refs distinct earlier works (all of
// them while there are fewer), drawn from an urn that holds every earlier
// work once plus once per citation it has received — the model of
// metrics/helpers_test.go's citationGraph, so a new work cites the most
// cited ones most often. Lines are grouped by citing work, in order of
// arrival, as in an export.
//
// With -corpus it writes a corpus instead: -n records ("R1", "R2", …), each
// citing -refs distinct works; each reference names a new work ("W…") with
// probability -new and otherwise a work drawn in proportion to the
// citations it already has (Simon's model), the shape of the cited side of
// a bibliographic export. This is the input of the co-citation benchmark.
//
// The output is a pure function of the flags. Usage:
//
//	go run ./bench/gen -n 200000 -o bench/out/cit-200k.txt
//	go run ./bench/gen -corpus -n 100000 -refs 40 -o bench/out/corpus-100k.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
)

func main() {
	n := flag.Int("n", 20000, "works (or records with -corpus)")
	refs := flag.Int("refs", 20, "references per work")
	seed := flag.Uint64("seed", 1, "random seed")
	corpus := flag.Bool("corpus", false, "write a corpus of records citing external works instead of a citation DAG")
	pNew := flag.Float64("new", 0.3, "with -corpus: probability that a reference names a new work")
	out := flag.String("o", "-", "output `file` (- for stdout)")
	flag.Parse()
	if *n < 1 || *refs < 1 || *pNew <= 0 || *pNew > 1 {
		fmt.Fprintln(os.Stderr, "gen: -n and -refs must be positive, -new in (0, 1]")
		os.Exit(2)
	}
	w := io.Writer(os.Stdout)
	var f *os.File
	if *out != "-" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var works, edges int
	if *corpus {
		works, edges = writeCorpus(bw, *n, *refs, *pNew, *seed)
	} else {
		works, edges = writeDAG(bw, *n, *refs, *seed)
	}
	err := bw.Flush()
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: %d works, %d edges\n", works, edges)
}

// workID names work i like an OpenAlex id: "W" and ten digits, scrambled
// so that ids do not sort in arrival order (multiplying by an odd constant
// is a bijection modulo 2³²).
func workID(b []byte, i int) []byte {
	b = append(b, 'W')
	return strconv.AppendUint(b, 1_000_000_000+uint64(uint32(i)*2654435761)%9_000_000_000, 10)
}

// writeDAG writes the preferential-attachment citation DAG.
func writeDAG(w *bufio.Writer, n, refs int, seed uint64) (works, edges int) {
	r := rand.New(rand.NewPCG(seed, 0xc17e))
	urn := make([]int32, 0, n*(refs+1))
	chosen := make([]int32, 0, refs)
	var line []byte
	for i := 0; i < n; i++ {
		chosen = chosen[:0]
		for len(chosen) < min(i, refs) {
			v := urn[r.IntN(len(urn))]
			if !slices.Contains(chosen, v) {
				chosen = append(chosen, v)
			}
		}
		for _, v := range chosen {
			line = workID(line[:0], i)
			line = append(line, ' ')
			line = workID(line, int(v))
			line = append(line, '\n')
			w.Write(line)
		}
		edges += len(chosen)
		urn = append(urn, chosen...)
		urn = append(urn, int32(i))
	}
	return n, edges
}

// writeCorpus writes records citing external works by Simon's model.
func writeCorpus(w *bufio.Writer, records, refs int, pNew float64, seed uint64) (works, edges int) {
	r := rand.New(rand.NewPCG(seed, 0xc0c1))
	urn := make([]int32, 0, records*refs) // one entry per citation made
	chosen := make([]int32, 0, refs)
	var line []byte
	for rec := 1; rec <= records; rec++ {
		chosen = chosen[:0]
		for len(chosen) < refs {
			var v int32
			if len(urn) < refs || r.Float64() < pNew {
				v = int32(works)
				works++
			} else if v = urn[r.IntN(len(urn))]; slices.Contains(chosen, v) {
				continue
			}
			chosen = append(chosen, v)
		}
		for _, v := range chosen {
			line = append(line[:0], 'R')
			line = strconv.AppendInt(line, int64(rec), 10)
			line = append(line, ' ')
			line = workID(line, int(v))
			line = append(line, '\n')
			w.Write(line)
		}
		edges += len(chosen)
		urn = append(urn, chosen...)
	}
	return records + works, edges
}
