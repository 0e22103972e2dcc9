package analysis_test

import (
	"bytes"
	"fmt"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib/reader"
)

// Run the whole analysis on the seed reference list and look at the authors
// holding several cited works.
func ExampleRun() {
	rr, _, _ := reader.NewReader("", bytes.NewReader(citegraph.SeedReferences), "seed-references.txt")
	recs, _ := reader.ReadAll(rr, nil)
	res, _ := analysis.Run(recs, nil, analysis.DefaultOptions())
	for _, row := range res.AuthorsTable().Rows[:3] {
		fmt.Println(row[0], row[1], "works")
	}
	// Output:
	// Gluckman P 2 works
	// Ruffini P 2 works
	// Zhang Y 2 works
}
