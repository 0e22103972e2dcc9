package reader

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestBibTeXWoSEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "wos-edge.bib", FormatBibTeX, true)
	if len(e.recs) != 2 || e.refs() != 4 || len(e.errs) != 0 {
		t.Fatalf("wos-edge.bib: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	r := e.recs[0]
	if r.ID != "WOS:000000000000011" || r.TimesCited != 7 || r.References[1].Raw != "[Anonymous], 2002, TEST MANUAL" ||
		r.References[2].DOI != "10.5555/test.0003" || r.References[3].Line != 28 || r.Authors[2].Family != "Müller-Mock" {
		t.Errorf("record 1: %+v", r)
	}
}

func TestBibTeXScopusEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "scopus-edge.bib", FormatBibTeX, false)
	if len(e.recs) != 2 || e.refs() != 5 || len(e.errs) != 0 {
		t.Fatalf("scopus-edge.bib: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	r := e.recs[0]
	if r.ID != "2-s2.0-00000000001" || r.TimesCited != 12 || r.Pages != "201-215" || r.ContainerShort != "J. Test Inputs" ||
		r.References[1].Raw != "Fixture D., A title that holds; a semicolon, Mock Lett., 12, (2003)" || r.References[2].Raw != "Maxwell J." {
		t.Errorf("record 1: %+v", r)
	}
	if r := e.recs[1]; r.Pages != "012345" || r.Type != "paper-conference" {
		t.Errorf("record 2: pages %q type %q", r.Pages, r.Type)
	}
}

func TestBibTeXEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "bibtex-edge.bib", FormatBibTeX, false)
	if len(e.recs) != 4 || e.refs() != 0 || len(e.errs) != 2 || e.errs[0].Line != 35 || e.errs[1].Line != 52 {
		t.Fatalf("bibtex-edge.bib: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	r := e.recs[0]
	if r.Label != "plain2020" || r.Container != "Journal of Test Inputs" || r.DOI != "10.5555/test.4001" ||
		len(r.Authors) != 4 || r.Authors[2] != (bib.Name{Family: "van der Fixture", Given: "Gamma"}) || r.Authors[3] != (bib.Name{Literal: "Test Data Consortium"}) {
		t.Errorf("record 1: %+v", r)
	}
	if r := e.recs[1]; r.Title != "The Synthetic Book of Élèves, Ça and ø" || len(r.Authors) != 1 || r.Authors[0] != (bib.Name{Family: "Fixture", Given: "Delta"}) {
		t.Errorf("record 2: %q %v", r.Title, r.Authors)
	}
}

func TestLatexDecode(t *testing.T) {
	for in, want := range map[string]string{
		`M{\"u}ller`:               "Müller",
		`M\"uller`:                 "Müller",
		`{\'E}l{\` + "`" + `e}ve`:  "Élève",
		`\c{c}a \c c`:              "ça ç",
		`G\"{o}del \& Co. 50\%`:    "Gödel & Co. 50%",
		`{\o}re \ss{} \L{}\'od\'z`: "øre ß Łódź",
		`na\"{\i}ve \'{\i}`:        "naïve í",
		`pages 1--2 and---so`:      "pages 1–2 and—so",
		`\emph{in} \textit{situ}`:  "in situ",
		`$\alpha$-helix`:           "α-helix",
		`{[}Anonymous]`:            "[Anonymous]",
		`\~{}user`:                 "~user",
		`unterminated {brace \'`:   "unterminated brace '",
		"``quoted''":               "“quoted”",
		`\v{S}koda \H{o} \r{a}`:    "Škoda ő å",
		"tab\\\\newline":           "tab newline",
		`x\`:                       "x",
	} {
		if got := latexText(in); got != want {
			t.Errorf("latexText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBibTeXNames(t *testing.T) {
	f := &bibField{raw: "Testperson, Alpha and Beta C. Examplova and {Barnes and Noble} and de la Fixture, Jr, Delta and others and ANDERSON, A."}
	got := bibNames(f)
	want := []bib.Name{{Family: "Testperson", Given: "Alpha"}, {Family: "Examplova", Given: "Beta C."}, {Literal: "Barnes and Noble"},
		{Family: "de la Fixture", Given: "Delta"}, {Family: "ANDERSON", Given: "A."}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("name %d: %v, want %v", i, got[i], want[i])
		}
	}
}

func TestBibTeXLongLine(t *testing.T) {
	ab := strings.Repeat("v", exportLongLine)
	in := "@article{k,\n  abstract = {" + ab + "},\n  references = {" + ab + ", (2001); B C., T, (2002)}\n}\n"
	e := readExportData(t, "long.bib", []byte(in), FormatBibTeX)
	if len(e.recs) != 1 || e.recs[0].Abstract != ab || e.refs() != 2 {
		t.Fatalf("long line: %d records, %d references", len(e.recs), e.refs())
	}
}

func FuzzBibTeX(f *testing.F) {
	exportFuzzSeeds(f, "bibtex-edge.bib", "wos-edge.bib", "scopus-edge.bib")
	f.Add([]byte("@a{k,t={x\n@b{"))
	f.Add([]byte("@string{x = \"a\" # x}\n@a{k, t = x # {y}}"))
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, newBibTeXReader) })
}

// TestBibTeXFieldNamesWithSpaces reads field names that hold spaces:
// Scopus's "funding_text 1" (with a no-break space) and Web of Science's
// "Early Access Date". Entries holding them used to be skipped, with their
// references (up to half of a real export's).
func TestBibTeXFieldNamesWithSpaces(t *testing.T) {
	for _, c := range []struct {
		file       string
		refs       int
		first, yet string // the first record's title, and a reference of it
	}{
		{"scopus-funding-nbsp.bib", 3, "Synthetic record in Scopus BibTeX with funding texts", "Fixture D., Mock Lett., 12, (2003)"},
		{"wos-early-access.bib", 3, "Synthetic early access record in WoS BibTeX", "Fixture D, 1999, SYNTHETIC DATA HDB, P101"},
	} {
		e := readExport(t, c.file, FormatBibTeX)
		if len(e.recs) != 2 || len(e.errs) != 0 || e.refs() != c.refs {
			t.Errorf("%s: %d records, %d references, errors %v; want 2, %d, none", c.file, len(e.recs), e.refs(), e.errs, c.refs)
			continue
		}
		r := e.recs[0]
		if r.Title != c.first || len(r.References) != 2 || r.References[1].Raw != c.yet {
			t.Errorf("%s: record 1 %q, references %+v", c.file, r.Title, r.References)
		}
	}
}
