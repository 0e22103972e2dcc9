package ocrnoise

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/agnivade/levenshtein"
)

const sample = "J. L. Huston and T. H. Norris, Journal of the American Chemical Society 70, 1968 (1948)."

func TestDegradeIsSeeded(t *testing.T) {
	a := Degrade(sample, 0.1, rand.New(rand.NewPCG(7, 1)))
	b := Degrade(sample, 0.1, rand.New(rand.NewPCG(7, 1)))
	c := Degrade(sample, 0.1, rand.New(rand.NewPCG(7, 2)))
	if a != b {
		t.Errorf("one seed, two texts: %q and %q", a, b)
	}
	if a == c || a == sample {
		t.Errorf("another stream gave the same text %q", a)
	}
	if got := Degrade(sample, 0, rand.New(rand.NewPCG(7, 1))); got != sample {
		t.Errorf("rate 0 changed the text: %q", got)
	}
}

// TestDegradeRate: the edit distance from the original grows with the rate
// and stays near it (a look-alike of two letters or a truncation is more
// than one edit, a digit without a look-alike none).
func TestDegradeRate(t *testing.T) {
	for _, rate := range []float64{0.02, 0.05, 0.1} {
		edits, chars := 0, 0
		for i := range 2000 {
			out := Degrade(sample, rate, rand.New(rand.NewPCG(1, uint64(i))))
			edits += levenshtein.ComputeDistance(sample, out)
			chars += len(sample)
		}
		got := float64(edits) / float64(chars)
		if got < 0.7*rate || got > 1.4*rate {
			t.Errorf("rate %.2f: %.4f edits a character", rate, got)
		}
	}
}

// TestDegradeEdits: every kind of edit shows up.
func TestDegradeEdits(t *testing.T) {
	for _, tc := range []struct{ in, want, kind string }{
		{"burn", "bum", "rn read as m"},
		{"them", "thern", "m read as rn"},
		{"ill", "i1l", "l read as 1"},
		{"1948", "l948", "1 read as l"},
		{"70", "7O", "0 read as O"},
		{"cat", "eat", "c read as e"},
		{"the", "tho", "e read as o"},
		{"Norris", "Noris", "a letter dropped"},
		{"Norris", "Norrris", "a letter doubled"},
		{"Norris", "NorRis", "case flipped"},
		{"of the", "ofthe", "a space lost"},
		{"Chemical", "Chem ical", "a space added"},
		{"Chemical", "Chem", "a word cut short"},
		{"J. L.", "J, L.", "a full stop read as a comma"},
		{"J. L.", "J L.", "a full stop lost"},
	} {
		var seen []string
		for i := range 5000 {
			out := Degrade(tc.in, 0.3, rand.New(rand.NewPCG(3, uint64(i))))
			if out == tc.want {
				seen = nil
				break
			}
			if len(seen) < 5 && !slices.Contains(seen, out) {
				seen = append(seen, out)
			}
		}
		if seen != nil {
			t.Errorf("%s: %q never became %q (saw %q …)", tc.kind, tc.in, tc.want, seen)
		}
	}
}

// TestDegradeKeepsNumbersApart: no edit runs two numbers into one.
func TestDegradeKeepsNumbersApart(t *testing.T) {
	const in = "1993, 47, 9967–9970"
	for i := range 2000 {
		out := Degrade(in, 0.5, rand.New(rand.NewPCG(5, uint64(i))))
		digits := 0
		for _, r := range out {
			if r >= '0' && r <= '9' {
				digits++
			} else {
				digits = 0
			}
			if digits > 4 {
				t.Fatalf("%q became %q", in, out)
			}
		}
	}
}
