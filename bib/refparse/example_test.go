package refparse_test

import (
	"fmt"

	"github.com/citegraph/citegraph/bib/refparse"
)

// Parse one reference as copied from a paper.
func ExampleParseReference() {
	w := refparse.ParseReference("Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.")
	fmt.Printf("%s | %d | %s | %s | %s(%s): %s\n", w.FirstAuthor(), w.Year, w.Title, w.Container, w.Volume, w.Issue, w.Pages)
	// Output:
	// Ruffini P B | 2020 | Collaboration and competition: The twofold logic of science diplomacy | The Hague Journal of Diplomacy | 15(3): 371-382
}
