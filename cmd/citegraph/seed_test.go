package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzeSeed is the pipeline issue's acceptance on the seed list: one
// record, 17 references, 17 cited works with the years and first authors
// read off the list by hand, and the two Ruffini and two Gluckman works
// grouped under their authors. Both reference parsers give them.
func TestAnalyzeSeed(t *testing.T) {
	for _, parser := range []string{"hybrid", "rules", "crf"} {
		t.Run(parser, func(t *testing.T) { testAnalyzeSeed(t, parser) })
	}
}

func testAnalyzeSeed(t *testing.T, parser string) {
	out := t.TempDir()
	stdout, stderr, code := runCmd(t, "", "analyze", "--parser", parser, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "records: 1 read") || !strings.Contains(stdout, "references: 17 read") {
		t.Errorf("summary:\n%s", stdout)
	}
	want := []struct {
		first string
		year  string
	}{
		{"The Royal Society", "2020"}, {"Gluckman P", "2018"}, {"Zhao G", "2007"}, {"Ruffini P B", "2020"},
		{"Sui X Y", "2022"}, {"Young M", "2020"}, {"Luo H", "2021"}, {"Zang H Y", "2020"},
		{"Legrand T", "2018"}, {"Zhang Y Y", "2016"}, {"Gehrt D", "2019"}, {"Qu X", "2013"},
		{"Zhang J L", "2023"}, {"Zhang Y Y", "2017"}, {"Kupferschmidt K", "2020"}, {"Ruffini P B", "2020"},
		{"Gluckman P", "2022"},
	}
	works := map[string]map[string]string{}
	cited := 0
	for _, w := range readCSV(t, filepath.Join(out, "works.csv")) {
		works[w["id"]] = w
		if w["citations"] == "1" {
			cited++
		}
	}
	if cited != 17 {
		t.Errorf("%d cited works, want 17", cited)
	}
	refs := readCSV(t, filepath.Join(out, "references.csv"))
	if len(refs) != 17 {
		t.Fatalf("%d references, want 17", len(refs))
	}
	for i, r := range refs {
		w := works[r["work"]]
		if w["first_author"] != want[i].first || w["year"] != want[i].year {
			t.Errorf("reference %d: %q %s, want %q %s", i+1, w["first_author"], w["year"], want[i].first, want[i].year)
		}
	}
	authors := map[string]string{}
	for _, a := range readCSV(t, filepath.Join(out, "authors.csv")) {
		authors[a["author"]] = a["works"]
	}
	for _, a := range []string{"Ruffini P", "Gluckman P"} {
		if authors[a] != "2" {
			t.Errorf("authors.csv: %s holds %q works, want 2", a, authors[a])
		}
	}
	renderDOT(t, filepath.Join(out, "citations.dot"), "dot")
	renderDOT(t, filepath.Join(out, "cocitation.dot"), "sfdp")
}
