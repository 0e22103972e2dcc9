package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The reference counts of the Crossref files, apart from the reader:
//
//	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); m=d.get("message",d)
//	print(len(m["reference"]), m["reference-count"])' FILE
//
// gives 68 68 for crossref-work-orglett.json and 27 27 for
// crossref-work-elife.json; each file is one work.

func TestCrossrefOrgLett(t *testing.T) {
	e := readExport(t, "crossref-work-orglett.json", FormatCrossref)
	if len(e.recs) != 1 || e.refs() != 68 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 1, 68, 0", len(e.recs), e.refs(), len(e.errs))
	}
	r := e.recs[0]
	exportCheckWork(t, "the work", &r.Work, bib.Work{
		Type: "article-journal", Year: 2019,
		Title:     "A General Copper-Catalyzed Synthesis of Ynamides from 1,2-Dichloroenamides",
		Container: "Organic Letters", ContainerShort: "Org. Lett.", Volume: "21", Issue: "8", Pages: "2918-2922",
		DOI: "10.1021/acs.orglett.9b00971",
	})
	if r.ID != "" || r.TimesCited != 9 || len(r.Authors) != 5 || r.Authors[4] != (bib.Name{Family: "Anderson", Given: "Edward A."}) ||
		r.Affiliations[0] != "Chemistry Research Laboratory, 12 Mansfield Road, Oxford, OX1 3TA, U.K." {
		t.Errorf("the work: %+v", r)
	}
	// These references are DOIs alone.
	for i, ref := range r.References {
		if ref.Position != i+1 || ref.DOI == "" || !strings.EqualFold(ref.Raw, "doi:"+ref.DOI) || ref.Line != 1 {
			t.Errorf("reference %d: %+v", i+1, ref)
		}
	}
	if r.References[0].DOI != "10.1002/anie.201813143" || r.References[67].DOI != "10.1021/jacs.7b06007" {
		t.Errorf("first and last references: %q %q", r.References[0].DOI, r.References[67].DOI)
	}
}

func TestCrossrefELife(t *testing.T) {
	e := readExport(t, "crossref-work-elife.json", FormatCrossref)
	if len(e.recs) != 1 || e.refs() != 27 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 1, 27, 0", len(e.recs), e.refs(), len(e.errs))
	}
	r := e.recs[0]
	if r.DOI != "10.7554/elife.01567" || r.Year != 2014 || r.Container != "eLife" || r.TimesCited != 26 ||
		!strings.HasPrefix(r.Abstract, "Among various advantages, their small size makes model organisms preferred subjects") {
		t.Errorf("the work: %+v", r.Work)
	}
	// Structured references: author, year, article-title, journal-title,
	// volume, first-page and DOI; the file is pretty-printed, one key a
	// line, each reference starting on its own line.
	ref := r.References[0]
	want := bib.Work{Type: "article-journal", Year: 2003, Title: "APL regulates vascular tissue identity in Arabidopsis",
		Container: "Nature", Volume: "426", Pages: "181", DOI: "10.1038/nature02100"}
	exportCheckWork(t, "reference 1", &ref.Work, want)
	if len(ref.Authors) != 1 || ref.Authors[0].Family != "Bonke" || ref.Line != 182 ||
		ref.Raw != "Bonke, 2003, APL regulates vascular tissue identity in Arabidopsis, Nature, 426, 181, doi:10.1038/nature02100" {
		t.Errorf("reference 1: %+v", ref)
	}
	if last := r.References[26]; last.Line != 466 || last.Authors[0].Family != "Yin" {
		t.Errorf("reference 27: %+v", last)
	}
}

func TestCrossrefEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "crossref-edge-list.json", FormatCrossref, false)
	if len(e.recs) != 2 || e.refs() != 3 || len(e.errs) != 0 {
		t.Fatalf("crossref-edge-list.json: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	r := e.recs[0]
	if r.Abstract != "A synthetic abstract & nothing more." || r.Authors[1] != (bib.Name{Literal: "Synthetic Data Consortium"}) {
		t.Errorf("work 1: abstract %q, authors %v", r.Abstract, r.Authors)
	}
	// Unstructured text is kept as written; structured keys override what
	// was parsed from it.
	ref := r.References[1]
	if ref.Raw != "Examplova, 2003, Mock Lett., 12, 34, doi:10.5555/test.0003" || ref.Year != 2003 || ref.Container != "Mock Lett." ||
		ref.Pages != "34" || ref.Volume != "12" || ref.DOI != "10.5555/test.0003" {
		t.Errorf("reference 2: %+v", ref)
	}
	if ref := r.References[2]; ref.Type != "book" || ref.Title != "Synthetic Data Handbook" || ref.Year != 1999 {
		t.Errorf("reference 3: %+v", ref)
	}
	if r := e.recs[1]; r.Type != "chapter" || r.Container != "Collected Synthetic Chapters" {
		t.Errorf("work 2: %+v", r.Work)
	}
}

// Crossref's envelope with a single work inside, on one line or pretty
// printed, reads as the work alone.
func TestCrossrefEnvelope(t *testing.T) {
	work := `{"DOI":"10.5555/x","type":"journal-article","title":["T"],"reference-count":1,"reference":[{"key":"k","unstructured":"U"}]}`
	for _, in := range []string{
		`{"status":"ok","message-type":"work","message-version":"1.0.0","message":` + work + `}`,
		"{\n  \"status\": \"ok\",\n  \"message-type\": \"work\",\n  \"message\": " + work + "\n}\n",
		work,
		"[" + work + "]",
	} {
		e := readExportData(t, "w.json", []byte(in), FormatCrossref)
		if len(e.recs) != 1 || e.recs[0].DOI != "10.5555/x" || e.refs() != 1 || e.recs[0].References[0].Raw != "U" || len(e.errs) != 0 {
			t.Errorf("%s: %d records, %d references, errors %v", in, len(e.recs), e.refs(), e.errs)
		}
	}
}

// JSON cut short cannot be read on: one error with its line, then the end.
func TestCrossrefCutShort(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(exportsDir, "crossref-work-elife.json"))
	if err != nil {
		t.Fatal(err)
	}
	cut := data[:strings.Index(string(data), `"key": "bib10"`)]
	e := readExportData(t, "cut.json", cut, FormatCrossref)
	if len(e.recs) != 0 || len(e.errs) != 1 || e.errs[0].Line != 282 {
		t.Errorf("%d records, errors %v", len(e.recs), e.errs)
	}
	e = readExportData(t, "bad.json", []byte("[{\"DOI\": \"10.5555/a\", \"reference-count\": 0},\n {\"DOI\": 10.5555/b}]"), FormatCrossref)
	if len(e.recs) != 1 || len(e.errs) != 1 || e.errs[0].Line != 2 {
		t.Errorf("%d records, errors %v", len(e.recs), e.errs)
	}
}

func FuzzCrossref(f *testing.F) {
	exportFuzzSeeds(f, "crossref-edge-list.json", "crossref-work-orglett.json", "crossref-work-elife.json")
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, newCrossrefReader) })
}
