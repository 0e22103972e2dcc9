// Command corpustables writes the Parquet tables of a generated corpus
// (scale.CorpusTables: citations, authorships and work_sources .parquet)
// from the edge list of bench/gen -corpus, for the measurements of
// docs/scale-out.md:
//
//	go run ./bench/gen -corpus -n 250000 -refs 40 -o /tmp/corpus-10m.txt
//	cd scale && go run ./cmd/corpustables -o /tmp/tables-10m /tmp/corpus-10m.txt
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/citegraph/citegraph/scale"
)

func main() {
	out := flag.String("o", "", "output `folder` (made if missing)")
	citationsOnly := flag.Bool("citations-only", false, "write citations.parquet alone (the networks of documents), without made-up authors and sources")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: corpustables [-citations-only] -o FOLDER EDGES.txt")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, !*citationsOnly); err != nil {
		fmt.Fprintln(os.Stderr, "corpustables:", err)
		os.Exit(1)
	}
}

func run(edges, out string, groups bool) error {
	f, err := os.Open(edges)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	c, err := scale.CorpusTables(f, out, groups)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "corpustables: %d works, %d references: %s\n", len(c.Works), c.Citations.Size(), out)
	return nil
}
