package graph

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// thesaurusFile is a small thesaurus as VOSviewer users write them, with
// a BOM, CRLF line ends, a blank line, a quoted cell and a label to drop.
const thesaurusFile = "\uFEFFlabel\treplace by\r\n" +
	"RUFFINI PB\tRuffini P\r\n" +
	"Ruffini, Pierre-Bruno\tRuffini P\r\n" +
	"\r\n" +
	"\"neural networks\"\tneural network\r\n" +
	"ANN\tneural network\r\n" +
	"study\t\r\n"

func TestReadThesaurus(t *testing.T) {
	th, err := ReadThesaurus(strings.NewReader(thesaurusFile), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if th.Len() != 5 {
		t.Errorf("%d entries, want 5", th.Len())
	}
	for _, c := range []struct {
		label, want string
		ok          bool
	}{
		{"Ruffini PB", "Ruffini P", true}, // folded: case and spacing aside
		{"ruffini, p.-b.", "", false},     // not an entry: "ruffini p b"
		{"RUFFINI, PIERRE BRUNO", "Ruffini P", true},
		{"Neural Networks", "neural network", true},
		{"study", "", true},
		{"studies", "", false},
	} {
		if got, ok := th.Lookup(c.label); got != c.want || ok != c.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", c.label, got, ok, c.want, c.ok)
		}
	}
}

// TestReadThesaurusErrors: every malformed file is an error naming the
// file and the line, wrapping ErrThesaurus.
func TestReadThesaurusErrors(t *testing.T) {
	for _, c := range []struct {
		file, want string
	}{
		{"", "t.txt: not a VOSviewer thesaurus: the file is empty"},
		{"label,replace by\na,b\n", `t.txt:1: not a VOSviewer thesaurus: the first line must be the header "label<TAB>replace by"`},
		{"a\tb\n", `t.txt:1: not a VOSviewer thesaurus: the first line must be the header`},
		{"label\treplace by\nneural networks neural network\n", "t.txt:2: not a VOSviewer thesaurus: no tab between the label and its replacement"},
		{"label\treplace by\na\tb\tc\n", "t.txt:2: not a VOSviewer thesaurus: 3 tab-separated cells"},
		{"label\treplace by\n\tb\n", "t.txt:2: not a VOSviewer thesaurus: an empty label"},
		{"label\treplace by\na\tb\n\nA\tc\n", `t.txt:4: not a VOSviewer thesaurus: label "A" is replaced by "c" here but by "b" on line 2`},
		{"label\treplace by\na\t\xff\n", "t.txt:2: not a VOSviewer thesaurus: bytes that are not UTF-8"},
	} {
		_, err := ReadThesaurus(strings.NewReader(c.file), "t.txt")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || !errors.Is(err, ErrThesaurus) {
			t.Errorf("%q: error %v, want one starting %q", c.file, err, c.want)
		}
	}
	// The same replacement twice is no conflict.
	if _, err := ReadThesaurus(strings.NewReader("label\treplace by\na\tb\nA\tB\n"), "t.txt"); err != nil {
		t.Errorf("a repeated entry: %v", err)
	}
}

// TestRelabel: a renamed group joins the untouched group of its new name;
// groups renamed alike join each other; a dropped group is gone; ids are
// matched too; names the thesaurus does not know stay as they are.
func TestRelabel(t *testing.T) {
	th, err := ReadThesaurus(strings.NewReader("label\treplace by\nRuffini PB\tRuffini P\nANN\tneural network\nneural networks\tneural network\nstudy\t\nW9\tWork seven\n"), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"ANN", "Ruffini P", "study", "neural networks", "Ruffini PB", "graphs", "Work nine"}
	ids := []string{"W1", "W2", "W3", "W4", "W5", "W6", "W9"}
	rl := th.Relabel(names, ids)
	// Untouched: Ruffini P (0), graphs (1); then renamed, in order: ANN →
	// neural network (new 2), neural networks joins it, Ruffini PB joins
	// Ruffini P, Work nine (by id W9) → Work seven (new 3).
	wantGroup := []int32{2, 0, -1, 2, 0, 1, 3}
	wantNames := []string{"Ruffini P", "graphs", "neural network", "Work seven"}
	wantFrom := []int32{1, 5, 0, 6}
	if !slices.Equal(rl.Group, wantGroup) || !slices.Equal(rl.Names, wantNames) || !slices.Equal(rl.From, wantFrom) {
		t.Errorf("groups %v names %q from %v; want %v %q %v", rl.Group, rl.Names, rl.From, wantGroup, wantNames, wantFrom)
	}
	if rl.Replaced != 4 || rl.Ignored != 1 || rl.Merged != 2 {
		t.Errorf("replaced %d, ignored %d, merged %d; want 4, 1, 2", rl.Replaced, rl.Ignored, rl.Merged)
	}
	if got := rl.Changed(); got != "4 labels replaced (2 merged into others), 1 ignored" {
		t.Errorf("Changed() = %q", got)
	}
	if got := rl.Single([]int32{4, -1, 2, 0}); !slices.Equal(got, []int32{0, -1, -1, 2}) {
		t.Errorf("Single: %v", got)
	}
	if got := rl.Lists([][]int32{{0, 3, 2}, {1, 4}, nil}); !slices.Equal(got[0], []int32{2}) || !slices.Equal(got[1], []int32{0}) || got[2] != nil {
		t.Errorf("Lists: %v", got)
	}
	// A nil thesaurus changes nothing.
	var none *Thesaurus
	if rl := none.Relabel(names, nil); !slices.Equal(rl.Names, names) || rl.Replaced+rl.Ignored != 0 {
		t.Errorf("nil thesaurus: %+v", rl)
	}
}
