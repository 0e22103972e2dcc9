package terms

import (
	"slices"
	"strings"
	"testing"
)

func forms(ts []Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Form)
	}
	return out
}

func keys(ts []Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Key)
	}
	return out
}

// TestExtractEnglish: words are cut at punctuation and stop words, numbers
// and one-letter words go, n-grams stay inside a run, and n-grams starting
// with a word of academic prose or ending with one naming the report are
// left out.
func TestExtractEnglish(t *testing.T) {
	title := "Fabrication of bit-patterned media: a study of 10 Tb/in2 recording, using the finite element method; simulation results."
	for _, c := range []struct {
		min, max int
		want     []string
	}{
		{1, 1, []string{"fabrication", "bit-patterned", "media", "tb", "in2", "recording", "finite", "element", "simulation"}},
		{2, 2, []string{"bit-patterned media", "in2 recording", "finite element", "element method"}},
		{1, 3, []string{"fabrication", "bit-patterned", "bit-patterned media", "media", "tb", "in2", "in2 recording", "recording",
			"finite", "finite element", "finite element method", "element", "element method", "simulation"}},
	} {
		got := forms(Extract(title, Options{MinWords: c.min, MaxWords: c.max}))
		if !slices.Equal(got, c.want) {
			t.Errorf("%d-%d grams: %q\nwant %q", c.min, c.max, got, c.want)
		}
	}
	// Stemming keys words by their Snowball stems; forms stay as written.
	ts := Extract("Magnetic recordings and recording media", Options{MinWords: 1, MaxWords: 2, Stem: true})
	if want := []string{"magnet", "magnet record", "record", "record", "record media", "media"}; !slices.Equal(keys(ts), want) {
		t.Errorf("stemmed keys %q, want %q", keys(ts), want)
	}
	if want := []string{"magnetic", "magnetic recordings", "recordings", "recording", "recording media", "media"}; !slices.Equal(forms(ts), want) {
		t.Errorf("forms %q, want %q", forms(ts), want)
	}
	// More stop words cut too.
	got := forms(Extract("magnetic recording media", Options{MinWords: 2, MaxWords: 2, StopWords: map[string]bool{"recording": true}}))
	if len(got) != 0 {
		t.Errorf("with recording a stop word: %q", got)
	}
}

// TestExtractChinese: Chinese text is cut at punctuation and stop words,
// pieces of two to eight characters are terms; English words beside it are
// English terms.
func TestExtractChinese(t *testing.T) {
	got := forms(Extract("中国科技外交的发展与挑战：基于S4D4C项目的研究", DefaultOptions()))
	want := []string{"中国科技外交", "发展", "挑战", "s4d4c", "项目"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// A single character left between stop words is no term; nor is a run
	// longer than eight characters.
	got = forms(Extract("论科技外交与国际科学合作之新型关系网络体系构建研究", DefaultOptions()))
	if !slices.Equal(got, []string{"论科技外交", "国际科学合作"}) {
		t.Errorf("got %q", got)
	}
}

func TestKey(t *testing.T) {
	for _, c := range []struct {
		phrase string
		stem   bool
		want   string
	}{
		{"Bit-Patterned Media", false, "bit patterned media"},
		{"Bit-Patterned Media", true, "bit pattern media"},
		{"Neural networks", true, "neural network"},
		{"Réseaux", false, "reseaux"},
		{"科技外交", true, "科技外交"},
	} {
		if got := Key(c.phrase, c.stem); got != c.want {
			t.Errorf("Key(%q, %v) = %q, want %q", c.phrase, c.stem, got, c.want)
		}
	}
	// A keyword and the term it is written as share a key when unstemmed
	// words are plain.
	if Key("magnetic recording", true) != strings.Join(keys(Extract("magnetic recording", Options{MinWords: 2, MaxWords: 2, Stem: true})), "") {
		t.Error("keyword and term keys differ")
	}
}
