package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// dois lists the DOIs of an export's records, read apart from citegraph's
// readers: the lines starting with tag (WoS "DI ", RIS "DO  - ").
func dois(t *testing.T, file, tag string) map[string]bool {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, tag) {
			out[strings.ToLower(strings.TrimSpace(line[len(tag):]))] = true
		}
	}
	return out
}

// TestMergeWoSAndScopus is the formats issue's acceptance: a Web of Science
// and a Scopus export of one topic combined. Each of the 336 papers in both
// is one record; no two works share a DOI, so a work cited in both exports
// is one node; and every reference of both files is kept.
func TestMergeWoSAndScopus(t *testing.T) {
	wos, ris := "../../testdata/exports/wos-bit-pattern-savedrecs.txt", "../../testdata/exports/scopus-bibx.ris"
	var shared []string
	scopus := dois(t, ris, "DO  - ")
	for d := range dois(t, wos, "DI ") {
		if scopus[d] {
			shared = append(shared, d)
		}
	}
	if len(shared) != 336 {
		t.Fatalf("%d DOIs in both exports, the data README says 336", len(shared))
	}
	out := t.TempDir()
	if _, stderr, code := runCmd(t, "", "analyze", "-o", out, wos, ris); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	byDOI := map[string][]string{}
	for _, w := range readCSV(t, filepath.Join(out, "works.csv")) {
		if w["doi"] != "" {
			byDOI[w["doi"]] = append(byDOI[w["doi"]], w["id"]+" in_corpus="+w["in_corpus"])
		}
	}
	for d, ws := range byDOI {
		if len(ws) > 1 {
			t.Errorf("DOI %s is %d works: %v", d, len(ws), ws)
		}
	}
	for _, d := range shared {
		if ws := byDOI[d]; len(ws) != 1 || !strings.HasSuffix(ws[0], "in_corpus=true") {
			t.Errorf("paper %s in both exports is %v, want one corpus record", d, ws)
		}
	}
	if refs := len(readCSV(t, filepath.Join(out, "references.csv"))); refs != 13444+16144 {
		t.Errorf("references.csv has %d rows, want 13444 + 16144", refs)
	}
}

// TestAnalyzeGivenTwice: an export given twice writes the works,
// citations and co-citation tables of the export given once; the
// references table lists every reference of both, the second copy's
// marked duplicate, and the summary says how many.
func TestAnalyzeGivenTwice(t *testing.T) {
	for _, file := range []string{"../../testdata/exports/wos-bit-pattern-savedrecs.txt", "../../testdata/exports/scopus-umbrella.csv"} {
		once, twice := t.TempDir(), t.TempDir()
		if _, stderr, code := runCmd(t, "", "analyze", "-q", "-o", once, file); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		stdout, stderr, code := runCmd(t, "", "analyze", "-q", "-o", twice, file, file)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, table := range []string{"works.csv", "citations.csv", "cocitation.csv"} {
			a, err := os.ReadFile(filepath.Join(once, table))
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(twice, table))
			if err != nil {
				t.Fatal(err)
			}
			if string(a) != string(b) {
				t.Errorf("%s: %s differs when the export is given twice", file, table)
			}
		}
		refsOnce := readCSV(t, filepath.Join(once, "references.csv"))
		refsTwice := readCSV(t, filepath.Join(twice, "references.csv"))
		dups := 0
		for _, r := range refsTwice {
			if r["match"] == "duplicate" {
				dups++
			}
		}
		if len(refsTwice) != 2*len(refsOnce) || dups < len(refsOnce) || !strings.Contains(stdout, "duplicates: "+strconv.Itoa(dups)+" ") {
			t.Errorf("%s: references.csv %d rows (once %d), %d duplicates; summary:\n%s", file, len(refsTwice), len(refsOnce), dups, stdout)
		}
	}
}

// TestAnalyzeDamagedRecords: a Web of Science record without its CR tag
// and Scopus RIS records with the UR line glued to a reference are read
// mended, each repair listed in diagnostics.csv.
func TestAnalyzeDamagedRecords(t *testing.T) {
	for _, c := range []struct {
		file    string
		repairs int
		reason  string
	}{
		{"../../testdata/exports/wos-missing-cr.txt", 1, "no CR tag before cited references"},
		{"../../testdata/exports/scopus-bibx.ris", 30, "UR field glued to the end of a line"},
	} {
		out := t.TempDir()
		if _, stderr, code := runCmd(t, "", "analyze", "-q", "-o", out, c.file); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		n := 0
		for _, d := range readCSV(t, filepath.Join(out, "diagnostics.csv")) {
			if strings.Contains(d["reason"], c.reason) && d["skipped"] == "" {
				n++
			}
		}
		if n != c.repairs {
			t.Errorf("%s: %d repairs in diagnostics.csv, want %d", c.file, n, c.repairs)
		}
	}
	out := t.TempDir()
	runCmd(t, "", "analyze", "-q", "-o", out, "../../testdata/exports/wos-missing-cr.txt")
	if refs := readCSV(t, filepath.Join(out, "references.csv")); len(refs) != 4 {
		t.Errorf("wos-missing-cr.txt: %d references, want 4", len(refs))
	}
}

// TestAnalyzeNoReferences: exports without references (a Web of Science
// and a Scopus export made without them, an IEEE RIS) give what their
// records allow: works.csv of the records, co-authorship networks, years
// and sources; the summary says why there is no citation graph.
func TestAnalyzeNoReferences(t *testing.T) {
	for _, c := range []struct {
		file    string
		records int
	}{
		{"../../testdata/exports/wostab-scientopy-nocr.txt", 71},
		{"../../testdata/exports/scopus-fellinger-norefs.csv", 141},
		{"../../testdata/exports/ris-litstudy-ieee.ris", 25},
	} {
		out := t.TempDir()
		stdout, stderr, code := runCmd(t, "", "analyze", "-q", "-o", out, c.file)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.file, code, stderr)
		}
		if !strings.Contains(stdout, "references: none. None of the "+strconv.Itoa(c.records)+" records carries") {
			t.Errorf("%s: summary:\n%s", c.file, stdout)
		}
		works := readCSV(t, filepath.Join(out, "works.csv"))
		inCorpus := 0
		for _, w := range works {
			if w["in_corpus"] == "true" {
				inCorpus++
			}
		}
		years := 0
		for _, y := range readCSV(t, filepath.Join(out, "years.csv")) {
			n, _ := strconv.Atoi(y["records"])
			years += n
		}
		if len(works) != c.records || inCorpus != c.records || years == 0 || years > c.records ||
			len(readCSV(t, filepath.Join(out, "sources.csv"))) == 0 || len(readCSV(t, filepath.Join(out, "coauthorship_authors_nodes.csv"))) == 0 {
			t.Errorf("%s: %d works (%d records), %d records by year", c.file, len(works), inCorpus, years)
		}
	}
}

// TestAnalyzeNotAnExport: a file that is no export and no reference list
// (a PDF, a worksheet of search results, a CSV without references) is an
// error naming the file and what it looks like, and nothing is written;
// read as a reference list, the worksheet gave thousands of "references".
func TestAnalyzeNotAnExport(t *testing.T) {
	for file, says := range map[string]string{
		"fellinger-protocol-head.pdf":     "it looks like a PDF document",
		"fellinger-google-results.xlsx":   "it looks like an Excel worksheet: a table with columns Source, Title",
		"fellinger-publish-or-perish.csv": "it looks like a Publish or Perish table",
		"fellinger-wos-head.xls":          "it looks like an Excel 97–2003 workbook",
	} {
		path := filepath.Join("../../testdata/exports/other", file)
		out := filepath.Join(t.TempDir(), "out")
		_, stderr, code := runCmd(t, "", "analyze", "-q", "-o", out, path)
		if code != 1 || !strings.Contains(stderr, path+": not a bibliographic export or reference list: "+says) {
			t.Errorf("%s: exit %d, stderr %q", file, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: the output folder was written", file)
		}
	}
}
