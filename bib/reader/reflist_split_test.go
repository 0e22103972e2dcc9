package reader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// splitList reads a reference list and returns its references' raw texts.
func splitList(t testing.TB, text string) []string {
	t.Helper()
	rec, err := newRefListReader(strings.NewReader(text), "list.txt", func(string) bib.Work { return bib.Work{} }).Read()
	if err != nil {
		t.Fatal(err)
	}
	var raws []string
	for _, r := range rec.References {
		raws = append(raws, r.Raw)
	}
	return raws
}

// TestRefListSplitsByLook: numbered references are split wherever a line
// is numbered as the list is — gaps in the numbering, numbers of five
// digits and more, a number alone on its line — and never merged; wrapped
// lines, and lines indented more than the line that began the reference,
// continue it.
func TestRefListSplitsByLook(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"gap in the numbering", "1. Smith J. A. 2001.\n2. Jones K. B. 2002.\n4. Lee M. C. 2004.\n5. Wu X. D. 2005.\n",
			[]string{"Smith J. A. 2001.", "Jones K. B. 2002.", "Lee M. C. 2004.", "Wu X. D. 2005."}},
		{"numbers of five digits", "9999. Smith J. 2001.\n10000. Jones K. 2002.\n10001. Lee M. 2004.\n",
			[]string{"Smith J. 2001.", "Jones K. 2002.", "Lee M. 2004."}},
		{"number alone on its line", "[1]\nSmith J. Science diplomacy.\nNature, 2001.\n[2]\nJones K. Soft power. 2002.\n",
			[]string{"Smith J. Science diplomacy. Nature, 2001.", "Jones K. Soft power. 2002."}},
		{"every line indented", "    Smith J. Science diplomacy. 2001.\n    Jones K. Soft power. 2002.\n",
			[]string{"Smith J. Science diplomacy. 2001.", "Jones K. Soft power. 2002."}},
		{"hanging indent", "  Smith J. Science diplomacy and the\n      rest of the title. 2001.\n  Jones K. Soft power. 2002.\n",
			[]string{"Smith J. Science diplomacy and the rest of the title. 2001.", "Jones K. Soft power. 2002."}},
		{"wrapped line beginning with a year", "1. Smith J. Science diplomacy. Nature,\n2001. 5(3): 1-2.\n2. Jones K. Soft power.\n",
			[]string{"Smith J. Science diplomacy. Nature, 2001. 5(3): 1-2.", "Jones K. Soft power."}},
		{"wrapped URL", "[1] Royal Society. New frontiers. https://royalsociety.org/-/\nmedia/policy.pdf\n[2] Jones K.\n",
			[]string{"Royal Society. New frontiers. https://royalsociety.org/-/media/policy.pdf", "Jones K."}},
		{"other numbering inside a reference", "[1] Smith J. Report\n2. Edition. Berlin.\n[2] Jones K.\n",
			[]string{"Smith J. Report 2. Edition. Berlin.", "Jones K."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := splitList(t, c.text); !slices.Equal(got, c.want) {
				t.Errorf("got %q,\nwant %q", got, c.want)
			}
		})
	}
}

// TestRefListLongWrappedReference: 40,000 unnumbered lines after "1. x"
// are one reference holding every line.
func TestRefListLongWrappedReference(t *testing.T) {
	refs := splitList(t, wrappedList(40000))
	if len(refs) != 1 || strings.Count(refs[0], "line") != 40000 {
		t.Errorf("%d references; the first holds %d lines", len(refs), strings.Count(refs[0], "line"))
	}
}

// wrappedList is "1. x" followed by n unnumbered lines.
func wrappedList(n int) string {
	var b strings.Builder
	b.WriteString("1. x\n")
	for i := range n {
		fmt.Fprintf(&b, "wrapped line %d of one long reference\n", i)
	}
	return b.String()
}

// BenchmarkRefListWrapped: splitting costs the list's length, not its
// square (the time per line is the same at 10,000 and 40,000 lines).
func BenchmarkRefListWrapped(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		text := wrappedList(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				splitList(b, text)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
		})
	}
}
