package reader

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The counts of the OpenAlex files, apart from the reader:
//
//	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); ws=d.get("results",[d])
//	print(len(ws), sum(len(w["referenced_works"]) for w in ws), sum(w["referenced_works_count"] for w in ws))' FILE
//
// gives 1 29 29 for openalex-work-elife.json and 5 34 34 for
// openalex-works-sample5.json.

func TestOpenAlexWork(t *testing.T) {
	e := readExport(t, "openalex-work-elife.json", FormatOpenAlex)
	if len(e.recs) != 1 || e.refs() != 29 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 1, 29, 0", len(e.recs), e.refs(), len(e.errs))
	}
	r := e.recs[0]
	exportCheckWork(t, "the work", &r.Work, bib.Work{
		Type: "article-journal", Year: 2014,
		Title:     "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth",
		Container: "eLife", Volume: "3", Pages: "e01567", DOI: "10.7554/elife.01567",
	})
	if r.ID != "W2121398592" || r.TimesCited != 45 || len(r.Authors) != 5 || r.Authors[0] != (bib.Name{Family: "Sankar", Given: "Martial"}) {
		t.Errorf("the work: id %q cited %d authors %v", r.ID, r.TimesCited, r.Authors)
	}
	// The abstract is rebuilt from its inverted index.
	if !strings.HasPrefix(r.Abstract, "Among various advantages, their small size makes model organisms preferred subjects") {
		t.Errorf("abstract: %.100q", r.Abstract)
	}
	ref := r.References[0]
	if ref.ID != "W1964940342" || ref.Raw != "https://openalex.org/W1964940342" || ref.Position != 1 || r.References[28].ID != "W6892253029" {
		t.Errorf("references: first %+v, last %+v", ref, r.References[28])
	}
}

func TestOpenAlexList(t *testing.T) {
	e := readExport(t, "openalex-works-sample5.json", FormatOpenAlex)
	if len(e.recs) != 5 || e.refs() != 34 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 5, 34, 0", len(e.recs), e.refs(), len(e.errs))
	}
	r := e.recs[4]
	exportCheckWork(t, "work 5", &r.Work, bib.Work{
		Type: "article-journal", Year: 2004,
		Title:     "ELECTRE III as a support for participatory decision-making on the localisation of waste-treatment plants",
		Container: "Land Use Policy", Volume: "23", Issue: "1", Pages: "76-85", DOI: "10.1016/j.landusepol.2004.08.009",
	})
	if r.ID != "W2117049431" || r.TimesCited != 106 || len(r.Authors) != 1 || r.Authors[0] != (bib.Name{Family: "Norese", Given: "Maria Franca"}) || len(r.References) != 34 {
		t.Errorf("work 5: %q cited %d authors %v, %d references", r.ID, r.TimesCited, r.Authors, len(r.References))
	}
	for i, r := range e.recs {
		if r.Line != 1 || !strings.HasPrefix(r.ID, "W") {
			t.Errorf("work %d: line %d id %q", i+1, r.Line, r.ID)
		}
	}
}

func TestOpenAlexEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "openalex-edge.jsonl", FormatOpenAlex, false)
	if len(e.recs) != 3 || e.refs() != 3 || len(e.errs) != 1 || e.errs[0].Line != 3 {
		t.Fatalf("openalex-edge.jsonl: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	if r := e.recs[2]; r.Line != 4 || r.Type != "paper-conference" || r.References[0].ID != e.recs[1].ID {
		t.Errorf("work on line 4: line %d type %q references %+v", r.Line, r.Type, r.References)
	}
	if got := e.recs[0].Abstract; got != "A synthetic abstract, rebuilt from synthetic index." {
		t.Errorf("abstract %q", got)
	}
}

func TestOpenAlexAbstract(t *testing.T) {
	got := openAlexAbstract(map[string][]int{"b": {1}, "a": {0, 3}, "c": {2}, "gap": {5}})
	if got != "a b c a gap" {
		t.Errorf("got %q", got)
	}
}

func TestOpenAlexLongLine(t *testing.T) {
	title := strings.Repeat("u", exportLongLine)
	in := `{"id":"https://openalex.org/W1","title":"` + title + `","referenced_works":["https://openalex.org/W2"]}` + "\n" +
		`{"id":"https://openalex.org/W2","title":"` + title + `"}` + "\n"
	e := readExportData(t, "long.jsonl", []byte(in), FormatOpenAlex)
	if len(e.recs) != 2 || e.recs[1].Title != title || e.recs[1].Line != 2 || e.refs() != 1 {
		t.Fatalf("long lines: %d records, %d references", len(e.recs), e.refs())
	}
}

func FuzzOpenAlex(f *testing.F) {
	exportFuzzSeeds(f, "openalex-edge.jsonl", "openalex-work-elife.json", "openalex-works-sample5.json")
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, structured(newOpenAlexReader)) })
}
