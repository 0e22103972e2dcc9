package reader_test

import (
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/bib/reader"
)

// Read an export: the format is detected from the content.
func ExampleNewReader() {
	export := "FN Clarivate Analytics Web of Science\nVR 1.0\n" +
		"PT J\nAU Ruffini, PB\nTI Collaboration and competition\nSO HAGUE JOURNAL OF DIPLOMACY\nPY 2020\n" +
		"CR Gluckman P, 2018, SCI DIPL\n   Legrand T, 2018, BRIT POLIT, V13, P392, DOI 10.1057/s41293-017-0072-8\nER\nEF\n"
	rr, format, _ := reader.NewReader("", strings.NewReader(export), "savedrecs.txt")
	recs, _ := reader.ReadAll(rr, nil)
	fmt.Println(format, len(recs), recs[0].FirstAuthor())
	for _, ref := range recs[0].References {
		fmt.Printf("%d %s %d %s doi=%q\n", ref.Position, ref.FirstAuthor(), ref.Year, ref.ContainerShort, ref.DOI)
	}
	// Output:
	// wos 1 Ruffini PB
	// 1 Gluckman P 2018 SCI DIPL doi=""
	// 2 Legrand T 2018 BRIT POLIT doi="10.1057/s41293-017-0072-8"
}
