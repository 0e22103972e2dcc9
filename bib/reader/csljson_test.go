package reader

import (
	"strings"
	"testing"
)

func TestCSLJSONEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "csljson-edge.json", FormatCSLJSON, false)
	if len(e.recs) != 4 || e.refs() != 4 || len(e.errs) != 1 || e.errs[0].Line != 97 {
		t.Fatalf("csljson-edge.json: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	if r := e.recs[1]; r.ID != "2" || r.Year != 2019 || r.Volume != "3" || r.Type != "book" {
		t.Errorf("item 2: id %q year %d volume %q type %q", r.ID, r.Year, r.Volume, r.Type)
	}
	refs := e.recs[2].References
	if refs[1].Title != "A second synthetic reference" || refs[1].Container != "Mock Letters" || refs[1].Line != 76 ||
		refs[2].DOI != "10.5555/test.0003" || refs[3].Year != 1998 || refs[3].Raw != "Fixture D. Synthetic data. 1999." {
		t.Errorf("item 3 references: %+v", refs)
	}
}

// What citegraph writes and Zotero exports: an array of items, the first
// on the line after "[".
func TestCSLJSONDetect(t *testing.T) {
	for in, want := range map[string]Format{
		`[{"id":"a","type":"article-journal","title":"T"}]`:                   FormatCSLJSON,
		"[\n  {\n    \"id\": \"ITEM-1\",\n    \"type\": \"book\"\n  }\n]":     FormatCSLJSON,
		`{"id":"https://openalex.org/W1","title":"T"}`:                        FormatOpenAlex,
		`{"status":"ok","message-type":"work","message":{"DOI":"10.5555/x"}}`: FormatCrossref,
		`[1] Ruffini P B. Science and diplomacy [M]. Springer, 2017.`:         FormatRefList,
		"{not json at all": FormatRefList,
	} {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSLJSONLongLine(t *testing.T) {
	title := strings.Repeat("t", exportLongLine)
	in := `[{"id":"1","title":"` + title + `"}]`
	e := readExportData(t, "long.json", []byte(in), FormatCSLJSON)
	if len(e.recs) != 1 || e.recs[0].Title != title {
		t.Fatalf("long line: %d records", len(e.recs))
	}
}

func TestCSLText(t *testing.T) {
	for in, want := range map[string]string{
		`"a b"`: "a b", `12`: "12", `1.5`: "1.5", `null`: "", `true`: "", `["", "x", "y"]`: "x", `{"a":1}`: "", `[[], ["z"]]`: "z",
	} {
		var got cslText
		if err := got.UnmarshalJSON([]byte(in)); err != nil || string(got) != want {
			t.Errorf("%s: %q %v, want %q", in, got, err, want)
		}
	}
}

func FuzzCSLJSON(f *testing.F) {
	exportFuzzSeeds(f, "csljson-edge.json", "crossref-edge-list.json")
	f.Add([]byte(`{"message":{"items":[{"title":1},2,[3]],"x":{"y":[]}},"results":{"a":[]}}`))
	f.Add([]byte("{\"id\":1}\n{\"id\":2}\n{bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, newCSLJSONReader) })
}
