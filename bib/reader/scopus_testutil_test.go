package reader

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Helpers for the tests of the export readers (Scopus, RIS, BibTeX,
// Crossref, OpenAlex, CSL-JSON, Lens, PubMed, WoS tab-delimited): reading a
// file of testdata/exports, golden summaries, line-end variants and fuzzing.

var exportUpdate = flag.Bool("update-exports", false, "rewrite testdata/exports/golden/*.golden from the readers' output")

const exportsDir = "../../testdata/exports"

// exportRead is what reading one input gave.
type exportRead struct {
	format Format
	recs   []*bib.Record
	errs   []*bib.ParseError
}

func (e *exportRead) refs() int {
	n := 0
	for _, r := range e.recs {
		n += len(r.References)
	}
	return n
}

// readExportData detects the format of data, checks it is want, and reads
// every record, collecting the *ParseErrors. Any other error fails t.
func readExportData(t testing.TB, name string, data []byte, want Format) *exportRead {
	t.Helper()
	head := data
	if len(head) > headSize {
		head = head[:headSize]
	}
	if got := Detect(head); got != want {
		t.Fatalf("%s: Detect = %q, want %q", name, got, want)
	}
	rr, f, err := NewReader("", bytes.NewReader(data), name)
	if err != nil {
		t.Fatal(err)
	}
	if f != want {
		t.Fatalf("%s: NewReader detected %q, want %q", name, f, want)
	}
	out := &exportRead{format: f}
	for i := 0; ; i++ {
		if i > len(data)+16 {
			t.Fatalf("%s: Read does not come to an end", name)
		}
		rec, err := rr.Read()
		if err == io.EOF {
			break
		}
		var pe *bib.ParseError
		switch {
		case errors.As(err, &pe):
			if pe.File != name {
				t.Errorf("%s: ParseError names file %q", name, pe.File)
			}
			out.errs = append(out.errs, pe)
		case err != nil:
			t.Fatalf("%s: %v", name, err)
		case rec == nil:
			t.Fatalf("%s: Read returned no record and no error", name)
		default:
			if rec.File != name {
				t.Errorf("%s: record names file %q", name, rec.File)
			}
			out.recs = append(out.recs, rec)
		}
	}
	return out
}

func readExport(t testing.TB, file string, want Format) *exportRead {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exportsDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return readExportData(t, file, data, want)
}

// exportSummary renders what was read, one field a line. withWorks: also the
// parsed description of each reference (left out where it comes from
// ParseReference, which improves over time).
func exportSummary(e *exportRead, withWorks bool) string {
	var b strings.Builder
	for _, r := range e.recs {
		fmt.Fprintf(&b, "record line %d\n", r.Line)
		put := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %s: %s\n", k, exportOneLine(v))
			}
		}
		put("id", r.ID)
		put("label", r.Label)
		exportWriteWork(&b, "  ", &r.Work)
		if r.TimesCited != 0 {
			fmt.Fprintf(&b, "  times cited: %d\n", r.TimesCited)
		}
		put("keywords", strings.Join(r.Keywords, " | "))
		put("affiliations", strings.Join(r.Affiliations, " | "))
		put("abstract", r.Abstract)
		for _, ref := range r.References {
			fmt.Fprintf(&b, "  ref %d line %d", ref.Position, ref.Line)
			if ref.ID != "" {
				fmt.Fprintf(&b, " id %s", ref.ID)
			}
			fmt.Fprintf(&b, ": %s\n", exportOneLine(ref.Raw))
			if withWorks {
				exportWriteWork(&b, "      ", &ref.Work)
			}
		}
	}
	for _, pe := range e.errs {
		fmt.Fprintf(&b, "error: %v\n", pe)
	}
	return b.String()
}

func exportWriteWork(b *strings.Builder, indent string, w *bib.Work) {
	put := func(k, v string) {
		if v != "" {
			fmt.Fprintf(b, "%s%s: %s\n", indent, k, exportOneLine(v))
		}
	}
	put("type", w.Type)
	var names []string
	for _, n := range w.Authors {
		switch {
		case n.Literal != "":
			names = append(names, "{"+n.Literal+"}")
		default:
			names = append(names, n.Family+", "+n.Given)
		}
	}
	put("authors", strings.Join(names, "; "))
	if w.Year != 0 {
		put("year", fmt.Sprint(w.Year))
	}
	put("title", w.Title)
	put("container", w.Container)
	put("container short", w.ContainerShort)
	put("volume", w.Volume)
	put("issue", w.Issue)
	put("pages", w.Pages)
	put("publisher", w.Publisher)
	put("place", w.Place)
	put("doi", w.DOI)
	put("url", w.URL)
}

// exportOneLine shows line ends in a value as "\n".
func exportOneLine(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// exportGolden compares got with testdata/exports/golden/name.golden.
func exportGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(exportsDir, "golden", name+".golden")
	if *exportUpdate {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update-exports to write it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n%s", name, path, exportLineDiff(string(want), got))
	}
}

// exportLineDiff shows the first lines where want and got differ.
func exportLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// exportGoldenEdge reads an edge-case file, compares it with its golden
// summary, and checks that its line-end variants (LF, CRLF, bare CR) with
// and without a byte-order mark read the same.
func exportGoldenEdge(t *testing.T, file string, want Format, withWorks bool) *exportRead {
	t.Helper()
	e := readExport(t, file, want)
	got := exportSummary(e, withWorks)
	exportGolden(t, file, got)
	data, err := os.ReadFile(filepath.Join(exportsDir, file))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range exportLineEnds(data) {
		ve := readExportData(t, file, v.data, want)
		if s := exportSummary(ve, withWorks); s != got {
			t.Errorf("%s with %s reads differently:\n%s", file, v.name, exportLineDiff(got, s))
		}
	}
	return e
}

type exportVariant struct {
	name string
	data []byte
}

// exportLineEnds rewrites data with each kind of line end, with and
// without a UTF-8 byte-order mark.
func exportLineEnds(data []byte) []exportVariant {
	bom := []byte("\ufeff")
	body := bytes.TrimPrefix(data, bom)
	lf := bytes.ReplaceAll(bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	var out []exportVariant
	for _, le := range []struct{ name, end string }{{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}} {
		d := bytes.ReplaceAll(lf, []byte("\n"), []byte(le.end))
		out = append(out, exportVariant{le.name + " line ends", d}, exportVariant{le.name + " line ends and a BOM", append(append([]byte{}, bom...), d...)})
	}
	return out
}

// exportFuzzSeeds adds the edge-case and real files of testdata/exports to a
// fuzz corpus, the real ones cut to their first 8 KiB (small seeds fuzz
// faster, and a cut export is a good seed too).
func exportFuzzSeeds(f *testing.F, files ...string) {
	for _, file := range files {
		data, err := os.ReadFile(filepath.Join(exportsDir, file))
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 8<<10 {
			data = data[:8<<10]
		}
		f.Add(data)
	}
}

// exportFuzz reads data with open to the end, failing on a panic, on an
// error that is neither a *ParseError nor io.EOF, and on a reader that does
// not come to an end.
func exportFuzz(t *testing.T, data []byte, open func(io.Reader, string, bib.ReferenceParser) RecordReader) {
	rr := open(bytes.NewReader(data), "fuzz", refparse.ParseReference)
	for i := 0; ; i++ {
		if i > len(data)+16 {
			t.Fatalf("Read does not come to an end")
		}
		rec, err := rr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *bib.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is no *ParseError: %v", err, err)
			}
			if pe.File != "fuzz" {
				t.Fatalf("ParseError names file %q", pe.File)
			}
			continue
		}
		if rec == nil {
			t.Fatalf("Read returned no record and no error")
		}
	}
}

// longLineInputs are the sizes of the lines the readers are tried on.
const exportLongLine = 300 << 10
